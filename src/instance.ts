import type { ResolvedConfig } from './config/types';
import { type Consent, type Grants, grantsOf, toConsent } from './consent/consent';
import { readConsentCookie, removeConsentCookie, writeConsentCookie } from './consent/cookie';
import { type ConsentRecord, createRecord, decodeRecord, encodeRecord, optionalTrackerIds } from './consent/record';
import { whenParsed } from './document-parsed';
import { matomoConsent } from './integrations/matomo';
import { type LauncherLook, showLauncher } from './launcher';
import { clearCookies } from './trackers/cookies';
import { isExcludedPage } from './trackers/excluded-paths';
import { createGate } from './trackers/gate';

/** A change of choice: categories first, then trackers, each `true` to grant. Unnamed ones keep their state. */
export interface ConsentUpdate {
  trackers?: Record<string, boolean>;
  categories?: Record<string, boolean>;
}

/** Told the new consent on every choice, and `null` once the choice is forgotten (`reset()`). */
export type ChangeListener = (consent: Consent | null) => void;

/** A running temoin: the visitor's choice, the gate on the page's trackers, and the UI on demand. */
export interface TemoinInstance {
  /** The validated config, catalog ids resolved. */
  readonly config: ResolvedConfig;
  /** The visitor's valid choice, or `null` when there is none yet. */
  getConsent(): Consent | null;
  /** Whether a tracker id, or a category id, may run now. Unknown ids never may. */
  isGranted(id: string): boolean;
  acceptAll(): void;
  rejectAll(): void;
  /** Records a choice from the current one (or from all refused), changed as given. */
  update(change: ConsentUpdate): void;
  showBanner(): void;
  showPreferences(): void;
  /**
   * Fills `element` with the cookie table of a privacy policy (docs/contract.md §9), in the config's
   * locale: this config's, or the one `data-temoin-cookie-table` names (another space of the site).
   */
  renderCookieTable(element: Element): Promise<void>;
  /** Forgets the choice, deletes the optional trackers' cookies, and asks again. */
  reset(): void;
  /** Calls `listener` on every choice and reset; returns the function that stops it. */
  on(event: 'change', listener: ChangeListener): () => void;
  /** Stops gating, removes the UI and listeners. Released scripts stay. */
  destroy(): void;
}

/**
 * A tool that must follow the choice (Matomo, Google Consent Mode, the consent endpoint, storage
 * clearing): set up before any gated script runs with the choice the page starts with (`null`:
 * none yet), then told the consent after every choice or reset. `undefined` when the config does
 * not use it.
 */
export type Integration = (config: ResolvedConfig, consent: Consent | null) => ((consent: Consent | null) => void) | undefined;

/** What the lazily loaded UI provides: the instance asks it to show a layer. */
export interface UiController {
  showBanner(): void;
  showPreferences(): void;
  /** A choice was recorded or forgotten: close what is open. */
  update(consent: Consent | null): void;
  destroy(): void;
}

/** Validates another config (a cookie table's) as this instance's was, catalog ids resolved. */
export type ConfigLoader = (input: unknown) => Promise<ResolvedConfig>;

export interface UiModule {
  mountUi(instance: TemoinInstance): UiController;
  /** A table naming another config (docs/contract.md §9) has the UI module validate it: the core never carries that code. */
  renderCookieTable(element: Element, config: ResolvedConfig): Promise<void>;
}

export interface InstanceOptions {
  /** Loads the UI on first need, so that a visitor with a valid choice never pays for it. */
  loadUi(): Promise<UiModule>;
  /** The floating button's look, made with the validated config (`launcher-look.ts`). */
  launcher: LauncherLook;
  /** Called once the instance is destroyed. */
  onDestroy?(): void;
  /** Nonce for released scripts when the config sets none: the script tag's own. */
  nonce?: string;
  /** Beyond Matomo's consent API, always on when Matomo is a tracker. */
  integrations?: Integration[];
}

/** One temoin per page, whichever copy (script tag, npm bundle) started it. */
const RUNNING = Symbol.for('temoin.instance');

declare global {
  interface Window {
    [RUNNING]?: TemoinInstance;
  }
}

/** A second `init()` on a page: warned, never an error, since both copies would gate the same page. */
export function warnAlreadyRunning(): void {
  console.warn('temoin: already running: init() returns the running instance.');
}

/** Runs a site's callback so that its failure never breaks the widget or the other callbacks. */
function safely(run: () => void): void {
  try {
    run();
  } catch (error) {
    reportError(error);
  }
}

export function createInstance(
  config: ResolvedConfig,
  { loadUi, launcher: look, onDestroy, nonce, integrations: extra = [] }: InstanceOptions,
): TemoinInstance {
  const running = window[RUNNING];
  if (running) {
    warnAlreadyRunning();
    return running;
  }
  const cookie = { name: config.cookieName, domain: config.tenant.cookieDomain };
  const optional = optionalTrackerIds(config);
  const listeners = new Set<ChangeListener>();
  const warned = new Set<string>();
  /** What may run before a choice, and on an excluded page whatever the choice: what is exempt from consent. */
  const exemptOnly = grantsOf(config, {});
  let record: ConsentRecord | null = decodeRecord(readConsentCookie(cookie), config);
  /** A browser sending Global Privacy Control refuses optional trackers: no banner, and the visitor may still opt in. */
  const gpc = config.globalPrivacyControl && (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  let consent: Consent | null = record ? toConsent(record, config) : gpc ? { ...toConsent(createRecord(config, {}), config), source: 'gpc' } : null;
  /** Resolves to nothing when the UI could not load: a later request tries again. */
  let ui: Promise<UiController | void> | undefined;
  let launcher: { remove(): void } | void;
  let destroyed = false;

  /** Whether `id` may run under `granted`; an unknown id never may. */
  function isGranted(id: string, granted: Grants = consent ?? exemptOnly): boolean {
    return config.trackers.some((t) => t.id === id) ? granted.trackers[id] : granted.categories[id] === true;
  }

  /**
   * A gated element may run when its tracker and its category both may; an unknown id never. On an
   * excluded page (docs/contract.md §3) only what is exempt from consent may, whatever the choice.
   */
  function allows(element: Element): boolean {
    const current = isExcludedPage(config.excludedPaths) ? exemptOnly : undefined;
    return (['tracker', 'category'] as const).every((kind) => {
      const id = element.getAttribute(`data-temoin-${kind}`);
      if (id === null) return true;
      if ((kind === 'tracker' ? config.trackers : config.categories).some((known) => known.id === id)) return isGranted(id, current);
      if (!warned.has(id)) console.warn(`temoin: no ${kind} "${id}" in the config: its elements stay blocked.`);
      warned.add(id);
      return false;
    });
  }

  function withUi(show: (controller: UiController) => void): void {
    ui ??= loadUi()
      .then((module) => module.mountUi(instance))
      .catch((error) => {
        console.error('temoin: the UI failed to load', error);
        ui = undefined;
      });
    ui.then((controller) => destroyed || (controller && show(controller)));
  }

  /** Kept across choices, so that the preferences give focus back to it once closed. */
  function syncLauncher(): void {
    if (consent && config.floatingButton) launcher ??= showLauncher(look, instance.showPreferences);
    else launcher = launcher?.remove();
  }

  /**
   * Deletes the cookies of every optional tracker that may not run now (docs/contract.md §6), but
   * those a granted tracker declares too (`sharedWith`): they are the granted one's to keep.
   */
  function clearRefused(): void {
    const declared = (granted: boolean) => config.trackers.filter((t) => isGranted(t.id) === granted).flatMap((t) => t.cookies.map((c) => c.name));
    const kept = declared(true);
    clearCookies(declared(false).filter((name) => !kept.includes(name)), config.cookieName);
  }

  /** A choice was recorded (`changed`) or forgotten (`null`): everything that follows it follows. */
  function apply(changed: Consent | null): void {
    consent = changed;
    for (const integration of integrations) integration(changed);
    clearRefused();
    gate.refresh();
    syncLauncher();
    ui?.then((controller) => controller?.update(changed));
    for (const listener of Array.from(listeners)) safely(() => listener(changed));
    document.dispatchEvent(new CustomEvent('temoin:change', { detail: changed }));
  }

  function choose(decisions: Record<string, boolean>): void {
    record = createRecord(config, decisions);
    if (!writeConsentCookie(cookie, encodeRecord(record), new Date(record.expiresAt))) {
      console.warn('temoin: the choice could not be stored (cookies blocked?): it holds for this page.');
    }
    apply(toConsent(record, config));
  }

  function decideAll(granted: boolean): Record<string, boolean> {
    return Object.fromEntries(optional.map((id) => [id, granted]));
  }

  function openPreferences(event: Event): void {
    const opener = (event.target as Element | null)?.closest?.('[data-temoin-open]');
    if (!opener) return;
    event.preventDefault();
    instance.showPreferences();
  }

  // Consent Mode's defaults and Matomo's requireCookieConsent come before any gated script runs.
  const integrations = [matomoConsent, ...extra].map((integration) => integration(config, consent)).filter((i) => i !== undefined);
  const gate = createGate({ allows, nonce: config.nonce ?? nonce });

  const instance: TemoinInstance = {
    config,
    getConsent: () => consent,
    isGranted: (id) => isGranted(id),
    acceptAll: () => choose(decideAll(true)),
    rejectAll: () => choose(decideAll(false)),
    update({ trackers = {}, categories = {} }) {
      const decisions = { ...(record?.decisions ?? decideAll(false)) };
      for (const [kind, changes] of [['category', categories], ['tracker', trackers]] as const) {
        for (const [id, granted] of Object.entries(changes)) {
          const members = config.trackers.filter((t) => (kind === 'tracker' ? t.id : t.category) === id);
          if (kind === 'tracker' ? !members.length : !config.categories.some((c) => c.id === id)) {
            throw new Error(`temoin: update(): no ${kind} "${id}" in the config`);
          }
          for (const member of members) if (member.id in decisions) decisions[member.id] = granted;
        }
      }
      choose(decisions);
    },
    showBanner: () => withUi((controller) => controller.showBanner()),
    showPreferences: () => withUi((controller) => controller.showPreferences()),
    renderCookieTable: (element) => loadUi().then((ui) => ui.renderCookieTable(element, config)),
    reset() {
      removeConsentCookie(cookie);
      record = null;
      apply(null);
      instance.showBanner();
    },
    on(_event, listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      destroyed = true;
      gate.stop();
      launcher?.remove();
      ui?.then((controller) => controller?.destroy());
      listeners.clear();
      document.removeEventListener('click', openPreferences);
      delete window[RUNNING];
      onDestroy?.();
    },
  };

  window[RUNNING] = instance;
  clearRefused();
  syncLauncher();
  document.addEventListener('click', openPreferences);
  // docs/contract.md §9: every `[data-temoin-cookie-table]` of the page, once it is parsed.
  whenParsed(() => document.querySelectorAll('[data-temoin-cookie-table]').forEach(instance.renderCookieTable));
  // Nothing to ask when every tracker is exempt; the preferences still open on request.
  if (!consent && optional.length) instance.showBanner();
  const ready = consent;
  queueMicrotask(() => destroyed || document.dispatchEvent(new CustomEvent('temoin:ready', { detail: ready })));
  return instance;
}
