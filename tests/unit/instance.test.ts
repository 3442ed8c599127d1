import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalog } from '../../src/config/catalog';
import { parseConfig } from '../../src/config/parse';
import { addMonths } from '../../src/consent/months';
import { type Consent, init, type TemoinConfig, type TemoinInstance } from '../../src/index';
import { createInstance, type UiModule } from '../../src/instance';
import { showLauncher } from '../../src/launcher';
import { launcherLook } from '../../src/launcher-look';

const OPTIONAL = ['matomo', 'zendesk', 'google-analytics'];

/** A health insurer with three trackers needing consent and one functional (Lisio). */
function config(overrides: Partial<TemoinConfig> = {}, tenant: Partial<TemoinConfig['tenant']> = {}): TemoinConfig {
  return {
    tenant: { id: 'vivoptim', name: 'Vivoptim', privacyPolicyUrl: 'https://example.org/confidentialite', ...tenant },
    trackers: [...OPTIONAL, 'lisio'],
    ...overrides,
  };
}

let running: TemoinInstance[] = [];

/** Starts temoin through `init()`, as an npm consumer naming trackers by id does: with the catalog. */
function start(input: TemoinConfig = config()): TemoinInstance {
  const instance = init(input, { catalog: Object.values(catalog) });
  running.push(instance);
  return instance;
}

/** Starts temoin with a UI that never loads, counting how often it is asked for. */
function startWithoutUi(input: TemoinConfig = config()): { instance: TemoinInstance; uiRequests: () => number } {
  const loadUi = vi.fn(() => new Promise<UiModule>(() => {}));
  const resolved = parseConfig(input);
  const instance = createInstance(resolved, { loadUi, launcher: showLauncher(launcherLook(resolved)) });
  running.push(instance);
  return { instance, uiRequests: () => loadUi.mock.calls.length };
}

function stop(instance: TemoinInstance): void {
  instance.destroy();
  running = running.filter((i) => i !== instance);
}

function cookieNames(): string[] {
  return (document.cookie ? document.cookie.split('; ') : []).map((pair) => pair.split('=')[0]).sort();
}

/** The events of type `type` that `document` receives from now on. */
function recordEvents(type: string): CustomEvent[] {
  const events: CustomEvent[] = [];
  const listener = (event: Event) => events.push(event as CustomEvent);
  document.addEventListener(type, listener);
  cleanups.push(() => document.removeEventListener(type, listener));
  return events;
}

/** Lets queued microtasks and timers run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let cleanups: (() => void)[] = [];

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(async () => {
  for (const instance of running) instance.destroy();
  running = [];
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
  for (const name of cookieNames()) document.cookie = `${name}=; path=/; max-age=0`;
  await settle();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('a first-time visitor', () => {
  it('has no consent yet', () => {
    expect(start().getConsent()).toBeNull();
  });

  it('is asked: the banner is requested', () => {
    const { uiRequests } = startWithoutUi();
    expect(uiRequests()).toBe(1);
  });

  it('is not asked on a site whose trackers are all functional: nothing needs consent', () => {
    const { instance, uiRequests } = startWithoutUi(config({ trackers: ['lisio'] }));
    expect(uiRequests()).toBe(0);
    expect(instance.isGranted('lisio')).toBe(true);
    instance.showPreferences();
    expect(uiRequests()).toBe(1);
  });

  it('runs none of the trackers needing consent, nor their categories', () => {
    const cmp = start();
    for (const id of [...OPTIONAL, 'audience']) expect(cmp.isGranted(id), id).toBe(false);
  });

  it('runs functional trackers and the functional category without being asked', () => {
    const cmp = start();
    expect(cmp.isGranted('lisio')).toBe(true);
    expect(cmp.isGranted('functional')).toBe(true);
  });

  it('never grants an id the config does not know', () => {
    const cmp = start();
    cmp.acceptAll();
    for (const id of ['facebook-pixel', 'youtube', 'videos', '', 'constructor', '__proto__', 'toString']) expect(cmp.isGranted(id), id).toBe(false);
  });

  it('gets temoin:ready once on document, with null', async () => {
    const ready = recordEvents('temoin:ready');
    start();
    await settle();
    expect(ready).toHaveLength(1);
    expect(ready[0].detail).toBeNull();
  });

  it('loses cookies left by trackers needing consent, keeping functional ones', () => {
    document.cookie = '_pk_id.1.a2b3=x; path=/';
    document.cookie = '_gid=GA1.2.3; path=/';
    document.cookie = 'lisio_settings=big; path=/';
    start();
    expect(cookieNames()).toEqual(['lisio_settings']);
  });

  it('keeps no consent cookie until a choice', () => {
    start();
    expect(cookieNames()).not.toContain('temoin');
  });
});

describe('a UI that fails to load', () => {
  it('is reported once, lets choices go on without unhandled rejections, and is tried again when asked for', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    cleanups.push(() => process.off('unhandledRejection', unhandled));
    const loadUi = vi.fn(() => Promise.reject<UiModule>(new Error('offline')));
    const resolved = parseConfig(config());
    const instance = createInstance(resolved, { loadUi, launcher: showLauncher(launcherLook(resolved)) });
    running.push(instance);
    await settle();
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0][0])).toContain('the UI failed to load');

    instance.acceptAll();
    expect(instance.isGranted('matomo')).toBe(true);
    instance.showPreferences();
    await settle();
    expect(loadUi).toHaveBeenCalledTimes(2);
    instance.destroy();
    await settle();
    expect(unhandled).not.toHaveBeenCalled();
  });
});

describe('a visitor clicking Tout accepter', () => {
  it('gets a consent granting every tracker and every category', () => {
    const cmp = start();
    cmp.acceptAll();
    const consent = cmp.getConsent()!;
    expect(consent.trackers).toEqual({ matomo: true, zendesk: true, 'google-analytics': true, lisio: true });
    expect(consent.categories).toEqual({ functional: true, audience: true });
    for (const id of [...OPTIONAL, 'lisio', 'audience', 'functional']) expect(cmp.isGranted(id), id).toBe(true);
  });

  it('gets a consent of this tenant and revision, with a fresh 22-character id', () => {
    const cmp = start(config({ revision: 4 }));
    cmp.acceptAll();
    const consent = cmp.getConsent()!;
    expect(consent).toMatchObject({ tenant: 'vivoptim', revision: 4, source: 'visitor' });
    expect(consent.id).toMatch(/^[\w-]{22}$/);
  });

  it('gets a consent carrying the fingerprint of the config, in the API and in temoin:change', () => {
    const changes = recordEvents('temoin:change');
    const cmp = start();
    cmp.acceptAll();
    expect(cmp.getConsent()!.configFingerprint).toBe(cmp.config.fingerprint);
    expect(cmp.config.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(changes[0].detail.configFingerprint).toBe(cmp.config.fingerprint);
  });

  it('gets a consent decided now and kept exactly consentMaxAgeMonths calendar months', () => {
    for (const months of [6, 12]) {
      const before = Date.now();
      const cmp = start(config({}, { consentMaxAgeMonths: months }));
      cmp.acceptAll();
      const { decidedAt, expiresAt } = cmp.getConsent()!;
      expect(decidedAt.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
      expect(decidedAt.getTime()).toBeLessThanOrEqual(Date.now());
      expect(expiresAt.toISOString()).toBe(addMonths(decidedAt, months).toISOString());
      stop(cmp);
    }
  });

  it('stores the choice in the consent cookie', () => {
    start().acceptAll();
    expect(cookieNames()).toContain('temoin');
  });

  it('stores it under the cookie name the config sets', () => {
    start(config({ cookieName: 'choix_cookies' })).acceptAll();
    expect(cookieNames()).toContain('choix_cookies');
    expect(cookieNames()).not.toContain('temoin');
  });
});

describe('a visitor clicking Tout refuser', () => {
  it('gets a consent refusing every tracker that needs consent, functional ones still on', () => {
    const cmp = start();
    cmp.rejectAll();
    const consent = cmp.getConsent()!;
    expect(consent.trackers).toEqual({ matomo: false, zendesk: false, 'google-analytics': false, lisio: true });
    expect(consent.categories).toEqual({ functional: true, audience: false });
    expect(cmp.isGranted('audience')).toBe(false);
    expect(cmp.isGranted('lisio')).toBe(true);
  });

  it('has the refusal stored exactly like an acceptance', () => {
    start().rejectAll();
    expect(cookieNames()).toContain('temoin');
  });

  it('loses the cookies of the refused trackers, keeping the consent cookie and the functional ones', () => {
    const cmp = start();
    cmp.acceptAll();
    document.cookie = '_pk_id.1.a2b3=x; path=/';
    document.cookie = '_ga=GA1.2.3; path=/';
    document.cookie = 'lisio_settings=big; path=/';
    document.cookie = 'session=42; path=/';
    expect(cookieNames()).toEqual(['_ga', '_pk_id.1.a2b3', 'lisio_settings', 'session', 'temoin']);
    cmp.rejectAll();
    expect(cookieNames()).toEqual(['lisio_settings', 'session', 'temoin']);
  });
});

describe('a visitor choosing in the preferences', () => {
  it('has a tracker decision win over its category decision', () => {
    const cmp = start();
    cmp.update({ categories: { audience: false }, trackers: { matomo: true } });
    expect(cmp.getConsent()!.trackers).toEqual({ matomo: true, zendesk: false, 'google-analytics': false, lisio: true });
    expect(cmp.isGranted('matomo')).toBe(true);
    expect(cmp.isGranted('zendesk')).toBe(false);
  });

  it('grants a category only when every one of its trackers is granted', () => {
    const cmp = start();
    cmp.update({ trackers: { matomo: true } });
    expect(cmp.isGranted('audience')).toBe(false);
    cmp.update({ trackers: { zendesk: true, 'google-analytics': true } });
    expect(cmp.isGranted('audience')).toBe(true);
  });

  it('grants a whole category at once', () => {
    const cmp = start();
    cmp.update({ categories: { audience: true } });
    expect(cmp.getConsent()!.trackers).toEqual({ matomo: true, zendesk: true, 'google-analytics': true, lisio: true });
  });

  it('refuses what it does not name on a first choice', () => {
    const cmp = start();
    cmp.update({ trackers: { zendesk: true } });
    expect(cmp.getConsent()!.trackers).toMatchObject({ matomo: false, zendesk: true, 'google-analytics': false });
  });

  it('keeps what it does not name from the previous choice', () => {
    const cmp = start();
    cmp.acceptAll();
    cmp.update({ trackers: { zendesk: false } });
    expect(cmp.getConsent()!.trackers).toMatchObject({ matomo: true, zendesk: false, 'google-analytics': true });
  });

  it('cannot switch a functional tracker or the functional category off', () => {
    const cmp = start();
    cmp.update({ trackers: { lisio: false }, categories: { functional: false } });
    expect(cmp.isGranted('lisio')).toBe(true);
    expect(cmp.isGranted('functional')).toBe(true);
  });

  it('is told an unknown tracker id is not in the config, naming it, and nothing is recorded', () => {
    const cmp = start();
    expect(() => cmp.update({ trackers: { matomoo: true } })).toThrow(/"matomoo"/);
    expect(cmp.getConsent()).toBeNull();
    expect(cookieNames()).not.toContain('temoin');
  });

  it('is told an unknown category id is not in the config, naming it, and nothing is recorded', () => {
    const cmp = start();
    expect(() => cmp.update({ categories: { videos: true } })).toThrow(/"videos"/);
    expect(cmp.getConsent()).toBeNull();
  });

  it('may grant a category the config adds, with its trackers', () => {
    const cmp = start(
      config({ categories: [{ id: 'videos', name: { fr: 'Vidéos' } }], trackers: ['matomo', { id: 'youtube', category: 'videos' }] }),
    );
    expect(cmp.isGranted('videos')).toBe(false);
    cmp.update({ categories: { videos: true } });
    expect(cmp.isGranted('youtube')).toBe(true);
    expect(cmp.isGranted('videos')).toBe(true);
    expect(cmp.isGranted('matomo')).toBe(false);
  });

  it('has a catalog tracker moved to functional run without being asked', () => {
    const cmp = start(config({ trackers: [{ id: 'matomo', category: 'functional' }, 'zendesk'] }));
    expect(cmp.isGranted('matomo')).toBe(true);
    cmp.rejectAll();
    expect(cmp.isGranted('matomo')).toBe(true);
    expect(cmp.isGranted('zendesk')).toBe(false);
  });
});

describe('a site listening to choices', () => {
  it('has its change listener called with the consent on every choice', () => {
    const cmp = start();
    const seen: Consent[] = [];
    cmp.on('change', (consent) => seen.push(consent!));
    cmp.acceptAll();
    cmp.rejectAll();
    expect(seen).toHaveLength(2);
    expect(seen[0].trackers.matomo).toBe(true);
    expect(seen[1]).toEqual(cmp.getConsent());
    expect(seen[1].trackers.matomo).toBe(false);
  });

  it('is told null, listener and event alike, when reset() forgets the choice', () => {
    const cmp = start();
    cmp.acceptAll();
    const seen: (Consent | null)[] = [];
    const events: unknown[] = [];
    const onEvent = (event: Event) => events.push((event as CustomEvent).detail);
    document.addEventListener('temoin:change', onEvent);
    cmp.on('change', (consent) => seen.push(consent));
    cmp.reset();
    document.removeEventListener('temoin:change', onEvent);
    expect(seen).toEqual([null]);
    expect(events).toEqual([null]);
    expect(cmp.getConsent()).toBeNull();
  });

  it.each(['ready', 'Change', 'temoin:change', ''])('is told by a TypeError that on() knows no event "%s", naming the one it knows; nothing is subscribed', (event) => {
    const cmp = start();
    const listener = vi.fn();
    expect(() => cmp.on(event as 'change', listener)).toThrow(TypeError);
    expect(() => cmp.on(event as 'change', listener)).toThrow(`no event "${event}"; known events: change`);
    cmp.acceptAll();
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops hearing about choices once it calls the function on() returned', () => {
    const cmp = start();
    const listener = vi.fn();
    const off = cmp.on('change', listener);
    cmp.acceptAll();
    off();
    cmp.rejectAll();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('has the other listeners and the event still run when one listener throws, the error reported once with console.error', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const changes = recordEvents('temoin:change');
    const cmp = start();
    const failure = new Error('site listener failed');
    const after = vi.fn();
    cmp.on('change', () => {
      throw failure;
    });
    cmp.on('change', after);
    expect(() => cmp.acceptAll()).not.toThrow();
    expect(after).toHaveBeenCalledTimes(1);
    expect(changes).toHaveLength(1);
    expect(cmp.isGranted('matomo')).toBe(true);
    expect(errors.mock.calls.flat().filter((arg) => arg instanceof Error)).toEqual([failure]);
  });

  it('has document receive temoin:change with the consent on every choice', () => {
    const changes = recordEvents('temoin:change');
    const cmp = start();
    cmp.acceptAll();
    cmp.update({ trackers: { matomo: false } });
    cmp.rejectAll();
    expect(changes).toHaveLength(3);
    expect(changes.map((event) => event.detail.trackers.matomo)).toEqual([true, false, false]);
    expect(changes[2].detail).toEqual(cmp.getConsent());
  });

  it('has document receive temoin:ready once per init, not on choices', async () => {
    const ready = recordEvents('temoin:ready');
    const cmp = start();
    cmp.acceptAll();
    cmp.rejectAll();
    await settle();
    expect(ready).toHaveLength(1);
  });

  it('gets no temoin:ready from an instance destroyed before it was ready', async () => {
    const ready = recordEvents('temoin:ready');
    stop(start());
    await settle();
    expect(ready).toHaveLength(0);
  });

  it('gets a temoin:ready for each init', async () => {
    const ready = recordEvents('temoin:ready');
    const first = start();
    await settle();
    first.acceptAll();
    stop(first);
    start();
    await settle();
    expect(ready.map((event) => event.detail === null)).toEqual([true, false]);
  });

  it('hears nothing once the instance is destroyed', () => {
    const cmp = start();
    const listener = vi.fn();
    cmp.on('change', listener);
    stop(cmp);
    const next = start();
    next.acceptAll();
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('a returning visitor', () => {
  it('gets back the same consent on the next page', () => {
    const first = start();
    first.update({ trackers: { matomo: true, zendesk: false, 'google-analytics': true } });
    const chosen = first.getConsent()!;
    stop(first);
    const second = start();
    expect(second.getConsent()).toEqual(chosen);
    expect(second.getConsent()!.id).toBe(chosen.id);
    expect(second.isGranted('matomo')).toBe(true);
    expect(second.isGranted('zendesk')).toBe(false);
  });

  it('keeps the fingerprint of the config it chose under, and is not asked again, when the config changed but not its revision', () => {
    const first = start();
    first.acceptAll();
    const { configFingerprint } = first.getConsent()!;
    stop(first);
    const second = start(config({}, { name: 'Vivoptim Santé' }));
    expect(second.config.fingerprint).not.toBe(configFingerprint);
    expect(second.getConsent()!.configFingerprint).toBe(configFingerprint);
  });

  it('keeps a choice temoin 0.1 stored, without a fingerprint: no visitor is asked again because temoin was updated', () => {
    const decidedAt = Math.floor(Date.now() / 1000);
    const expiresAt = Math.floor(addMonths(new Date(decidedAt * 1000), 6).getTime() / 1000);
    const value = `1.vivoptim.1.${decidedAt.toString(36)}.${expiresAt.toString(36)}.BhmdBATopm9LSVA31GBuWw.matomo:1~zendesk:0~google-analytics:1`;
    document.cookie = `temoin=${value}; path=/`;
    const { instance, uiRequests } = startWithoutUi();
    expect(instance.getConsent()).toMatchObject({ id: 'BhmdBATopm9LSVA31GBuWw', trackers: { matomo: true, zendesk: false } });
    expect(instance.getConsent()!.configFingerprint).toBeUndefined();
    expect(uiRequests()).toBe(0);
  });

  it('gets back a refusal as a refusal', () => {
    const first = start();
    first.rejectAll();
    stop(first);
    const second = start();
    expect(second.getConsent()!.trackers).toMatchObject({ matomo: false, zendesk: false, 'google-analytics': false });
  });

  it('is not asked again: no banner is requested', () => {
    const first = start();
    first.acceptAll();
    stop(first);
    const { instance, uiRequests } = startWithoutUi();
    expect(instance.getConsent()).not.toBeNull();
    expect(uiRequests()).toBe(0);
  });

  it('gets temoin:ready with the stored consent', async () => {
    const first = start();
    first.acceptAll();
    const id = first.getConsent()!.id;
    await settle();
    stop(first);
    const ready = recordEvents('temoin:ready');
    start();
    await settle();
    expect(ready).toHaveLength(1);
    expect(ready[0].detail.id).toBe(id);
  });

  it('is asked again once the site raises the revision', () => {
    const first = start();
    first.acceptAll();
    stop(first);
    const { instance, uiRequests } = startWithoutUi(config({ revision: 2 }));
    expect(instance.getConsent()).toBeNull();
    expect(instance.isGranted('matomo')).toBe(false);
    expect(uiRequests()).toBe(1);
  });

  it('is asked again by another tenant sharing the cookie name', () => {
    const first = start();
    first.acceptAll();
    stop(first);
    expect(start(config({}, { id: 'mutuelle' })).getConsent()).toBeNull();
  });

  it('is asked again when the site adds a tracker needing consent', () => {
    const first = start();
    first.acceptAll();
    stop(first);
    const second = start(config({ trackers: [...OPTIONAL, 'lisio', 'facebook-pixel'] }));
    expect(second.getConsent()).toBeNull();
    expect(second.isGranted('matomo')).toBe(false);
  });

  it('is asked again when the tenant shortens a 12-month choice to 6 months', () => {
    const first = start(config({}, { consentMaxAgeMonths: 12 }));
    first.acceptAll();
    stop(first);
    expect(start(config({}, { consentMaxAgeMonths: 6 })).getConsent()).toBeNull();
  });

  it.each([
    ['garbage', 'n0t-a-consent'],
    ['a granting value of another format', '2.vivoptim.1.abc.def.AAAAAAAAAAAAAAAAAAAAAA.matomo:1'],
    ['an empty value', ''],
  ])('is asked again when the cookie holds %s, which never counts as consent', (_what, value) => {
    document.cookie = `temoin=${value}; path=/`;
    const { instance, uiRequests } = startWithoutUi();
    expect(instance.getConsent()).toBeNull();
    expect(instance.isGranted('matomo')).toBe(false);
    expect(uiRequests()).toBe(1);
  });

  it('loses at start the cookies of trackers its stored choice refuses', () => {
    const first = start();
    first.update({ trackers: { matomo: true } });
    stop(first);
    document.cookie = '_pk_id.1.a2b3=x; path=/';
    document.cookie = '_ga=GA1.2.3; path=/';
    start();
    expect(cookieNames()).toEqual(['_pk_id.1.a2b3', 'temoin']);
  });
});

describe('a visitor whose choice is reset', () => {
  it('has no consent any more, and trackers needing consent stop being granted', () => {
    const cmp = start();
    cmp.acceptAll();
    cmp.reset();
    expect(cmp.getConsent()).toBeNull();
    expect(cmp.isGranted('matomo')).toBe(false);
    expect(cmp.isGranted('audience')).toBe(false);
    expect(cmp.isGranted('lisio')).toBe(true);
  });

  it('loses the consent cookie and the optional trackers cookies', () => {
    const cmp = start();
    cmp.acceptAll();
    document.cookie = '_pk_id.1.a2b3=x; path=/';
    document.cookie = 'lisio_settings=big; path=/';
    cmp.reset();
    expect(cookieNames()).toEqual(['lisio_settings']);
  });

  it('is asked again on this page and the next', () => {
    const { instance, uiRequests } = startWithoutUi();
    instance.acceptAll();
    instance.reset();
    instance.showBanner();
    expect(uiRequests()).toBe(1);
    stop(instance);
    expect(start().getConsent()).toBeNull();
  });

  it('is not asked on a site whose trackers are all functional, as at the start: nothing needs consent', () => {
    const { instance, uiRequests } = startWithoutUi(config({ trackers: ['lisio'] }));
    instance.reset();
    expect(uiRequests()).toBe(0);
    expect(instance.getConsent()).toBeNull();
  });

  it('may choose again afterwards, with a new consent id', () => {
    const cmp = start();
    cmp.acceptAll();
    const firstId = cmp.getConsent()!.id;
    cmp.reset();
    cmp.rejectAll();
    expect(cmp.getConsent()!.id).not.toBe(firstId);
    expect(cmp.isGranted('matomo')).toBe(false);
  });
});

describe('a visitor objecting to an exempt audience measurement (docs/contract.md §17)', () => {
  const exempt = () => config({ trackers: [{ id: 'matomo', exempt: true }, 'zendesk', 'google-analytics', 'lisio'] });

  it('stops it at once after having consented to everything, and Tout refuser keeps the objection, Tout accepter takes it back', () => {
    const cmp = start(exempt());
    expect(cmp.isGranted('matomo')).toBe(true);
    cmp.acceptAll();
    cmp.update({ trackers: { matomo: false } });
    expect(cmp.isGranted('matomo')).toBe(false);
    expect(document.cookie).toMatch(/matomo:2/);
    cmp.rejectAll();
    expect(cmp.isGranted('matomo')).toBe(false);
    cmp.acceptAll();
    expect(cmp.isGranted('matomo')).toBe(true);
    expect(document.cookie).toMatch(/matomo:1/);
  });
});
