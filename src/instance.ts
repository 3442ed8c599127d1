import type { ConfigResolver, ResolvedConfig } from './config/types';
import { type Consent, grantsOf, toConsent } from './consent/consent';
import { readConsentCookie, writeConsentCookie } from './consent/cookie';
import { type ConsentRecord, createRecord, type Decisions, decodeRecord, encodeRecord } from './consent/record';
import { asksForChoice, type ConsentUpdate, clearsCookie, decideAll, isGrantedIn, startingConsent, updatedDecisions } from './decisions';
import { whenParsed } from './document-parsed';
import { type Integration, safely } from './integrations/integration';
import { matomoConsent } from './integrations/matomo';
import type { Launcher } from './launcher';
import { clearCookies } from './trackers/cookies';
import { isExcludedPage } from './trackers/excluded-paths';
import { createGate } from './trackers/gate';

export type { ConsentUpdate } from './decisions';

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
  /** Forgets the choice, deletes the optional trackers' cookies, and asks again where something needs consent. */
  reset(): void;
  /**
   * Calls `listener` on every choice and reset; returns the function that stops it.
   * @throws {TypeError} for any other event than `change`.
   */
  on(event: 'change', listener: ChangeListener): () => void;
  /** Stops gating, removes the UI and listeners. Released scripts stay. */
  destroy(): void;
}

/** What the lazily loaded UI provides: the instance asks it to show a layer. */
export interface UiController {
  showBanner(): void;
  showPreferences(): void;
  /** A choice was recorded or forgotten: close what is open. */
  update(consent: Consent | null): void;
  destroy(): void;
}

export interface UiModule {
  /** The UI once mounted; a promise where it waits for something first (the script tag's English texts). */
  mountUi(instance: TemoinInstance): UiController | Promise<UiController>;
  renderCookieTable: typeof import('./ui/preferences/cookie-table').renderCookieTable;
  /** Validates a config a cookie table names (docs/contract.md §9), as this instance's was: the core never carries that code. */
  resolveTableConfig: ConfigResolver;
}

export interface InstanceOptions {
  /** Loads the UI on first need, so that a visitor with a valid choice never pays for it. */
  loadUi(): Promise<UiModule>;
  /**
   * Shows the floating button, which calls `open` (`launcher.ts`): the script tag's draws it with
   * the look its validation made, init()'s loads it first (`launcher-look.ts`).
   */
  launcher(open: () => void): Launcher;
  /** Called once the instance is destroyed. */
  onDestroy?(): void;
  /** Nonce for released scripts when the config sets none: the script tag's own. */
  nonce?: string;
  /** Beyond Matomo's consent API, always on when Matomo is a tracker. */
  integrations?: Integration[];
  /**
   * What follows a choice made in the page (docs/contract.md §17): stopping what it withdraws
   * through the vendors' consent APIs or a reload. Loaded on a choice, never for a page view that
   * only applies a stored one.
   */
  loadWithdrawal?(): Promise<typeof import('./integrations/withdrawal')>;
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

/**
 * Starts temoin on the page: what follows a choice there (the consent cookie, the gate, the
 * integrations, the launcher, the UI, listeners and events). What the choice is, and what it
 * grants, clears or asks, is decided in `decisions.ts`.
 */
export function createInstance(
  config: ResolvedConfig,
  { loadUi, launcher: showLauncher, onDestroy, nonce, integrations: extra = [], loadWithdrawal }: InstanceOptions,
): TemoinInstance {
  const running = window[RUNNING];
  if (running) {
    warnAlreadyRunning();
    return running;
  }
  const cookie = { name: config.cookieName, domain: config.tenant.cookieDomain };
  const listeners = new Set<ChangeListener>();
  const warned = new Set<string>();
  /** What may run before a choice: what is exempt from consent, functional or an exempt audience measurement (docs/contract.md §17). */
  const exemptOnly = grantsOf(config, {});
  /** What may run on an excluded page whatever the choice (docs/contract.md §3): the functional trackers alone. */
  const functionalOnly = grantsOf(config, decideAll(config, 2));
  let record: ConsentRecord | null = decodeRecord(readConsentCookie(cookie), config);
  let consent = startingConsent(config, record, (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true);
  /** Resolves to nothing when the UI could not load: a later request tries again. */
  let ui: Promise<UiController | void> | undefined;
  let launcher: Launcher | void;
  let destroyed = false;

  /**
   * A gated element may run when its tracker and its category both may; an unknown id never. On an
   * excluded page (docs/contract.md §3) only functional trackers may, whatever the choice.
   */
  function allows(element: Element): boolean {
    const grants = isExcludedPage(config.excludedPaths) ? functionalOnly : granted();
    return (['tracker', 'category'] as const).every((kind) => {
      const id = element.getAttribute(`data-temoin-${kind}`);
      const known = kind === 'tracker' ? grants.trackers : grants.categories;
      if (id === null) return true;
      if (Object.hasOwn(known, id)) return known[id];
      if (!warned.has(id)) console.warn(`temoin: no ${kind} "${id}" in the config: blocked`);
      warned.add(id);
      return false;
    });
  }

  /** The grants now: the choice's, or before one what is exempt. */
  const granted = () => consent ?? exemptOnly;

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
    if (consent && config.floatingButton) launcher ??= showLauncher(instance.showPreferences);
    else launcher = launcher?.remove();
  }

  /** Deletes the cookies of the trackers that may not run now (docs/contract.md §6). */
  const clearRefused = () => clearCookies(clearsCookie(config, granted()));

  /**
   * A choice was recorded (`next`) or forgotten (`null`): everything that follows it follows, and the
   * withdrawal's code stops what it withdraws once the integrations took it.
   */
  function apply(next: ConsentRecord | null): void {
    const previous = record;
    const changed = next && toConsent(next, config);
    record = next;
    consent = changed;
    const sent = integrations.map((integration) => safely(() => integration?.(changed)));
    // A file that does not load: the browser's own error names it.
    loadWithdrawal?.().then((module) => module.followChoice(config, previous, next, sent));
    clearRefused();
    gate.refresh();
    syncLauncher();
    ui?.then((controller) => controller?.update(changed));
    for (const listener of Array.from(listeners)) safely(() => listener(changed));
    document.dispatchEvent(new CustomEvent('temoin:change', { detail: changed }));
  }

  function choose(decisions: Decisions): void {
    const next = createRecord(config, decisions);
    if (!writeConsentCookie(cookie, encodeRecord(next), new Date(next.expiresAt))) {
      console.warn('temoin: the choice could not be stored (cookies blocked?)');
    }
    apply(next);
  }

  /** The banner, where there is something to ask: at the start and after `reset()` alike. */
  const ask = () => asksForChoice(config, consent) && instance.showBanner();

  function openPreferences(event: Event): void {
    const opener = (event.target as Element | null)?.closest?.('[data-temoin-open]');
    if (!opener) return;
    event.preventDefault();
    instance.showPreferences();
  }

  // Consent Mode's defaults and Matomo's requireCookieConsent come before any gated script runs.
  const integrations = [matomoConsent, ...extra].map((integration) => safely(() => integration(config, consent)));
  const gate = createGate({ allows, nonce: config.nonce ?? nonce });

  const instance: TemoinInstance = {
    config,
    getConsent: () => consent,
    isGranted: (id) => isGrantedIn(granted(), id),
    acceptAll: () => choose(decideAll(config, 1)),
    // Refusing is no objection: an exempt tracker objected to stays so, one not objected to runs exempt (docs/contract.md §17).
    rejectAll: () => choose(decideAll(config, 0, record?.decisions)),
    update: (change) => choose(updatedDecisions(config, record?.decisions, change)),
    showBanner: () => withUi((controller) => controller.showBanner()),
    showPreferences: () => withUi((controller) => controller.showPreferences()),
    renderCookieTable: (element) => loadUi().then((ui) => ui.renderCookieTable(element, config, ui.resolveTableConfig)),
    reset() {
      // On the host and each parent domain, as a tracker's: wherever `cookieDomain` put it.
      clearCookies((name) => name === config.cookieName);
      apply(null);
      ask();
    },
    on(event, listener) {
      if (event !== 'change') throw new TypeError(`temoin: on(): no event "${event}"; known events: change`);
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
  ask();
  const ready = consent;
  queueMicrotask(() => destroyed || document.dispatchEvent(new CustomEvent('temoin:ready', { detail: ready })));
  return instance;
}
