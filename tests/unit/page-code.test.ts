import { afterEach, beforeAll, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { catalog } from '../../src/config/catalog';
import { parseConfig } from '../../src/config/parse';
import { init, type TemoinConfig, type TemoinInstance } from '../../src/index';
import { createInstance, type UiModule } from '../../src/instance';
import { showLauncher } from '../../src/launcher';
import { launcherLook } from '../../src/launcher-look';

/**
 * Code of the page that temoin calls may throw (docs/contract.md §7): Consent Mode's `gtag`,
 * Matomo's `_paq.push`. temoin reports each failure once with console.error and carries on, and a
 * choice is applied whole.
 */

const config: TemoinConfig = {
  tenant: { id: 'vivoptim', name: 'Vivoptim', privacyPolicyUrl: 'https://example.org/confidentialite' },
  trackers: ['matomo', 'google-analytics', 'zendesk'],
  googleConsentMode: true,
};

let running: TemoinInstance | undefined;
let thrown: Error[];
let errors: MockInstance<typeof console.error>;

/** A function of the page that throws a new error each time it is called, kept in `thrown`. */
const throwing = (what: string) => () => {
  const error = new Error(`${what} failed`);
  thrown.push(error);
  throw error;
};

/** The errors temoin reported with console.error, in order. */
const reported = () => errors.mock.calls.map((args) => args.find((arg) => arg instanceof Error));

const bannerShown = () => Boolean(document.querySelector('[data-temoin-ui]')?.shadowRoot?.querySelector('.banner'));

const start = () => (running = init(config, { catalog: Object.values(catalog) }));

// init() shows the banner on a first visit: have its module loaded before, not after, the tests end.
beforeAll(async () => {
  await import('../../src/ui/index');
});

beforeEach(() => {
  thrown = [];
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  window.gtag = throwing('gtag');
  window._paq = { push: throwing('_paq.push') };
});

afterEach(async () => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  running?.destroy();
  running = undefined;
  delete window.gtag;
  delete window.dataLayer;
  delete window._paq;
  for (const pair of document.cookie ? document.cookie.split('; ') : []) document.cookie = `${pair.split('=')[0]}=; path=/; max-age=0`;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('a page whose gtag and _paq throw', () => {
  it('still gets temoin started and its banner shown, each failure reported once', async () => {
    expect(() => start()).not.toThrow();
    await expect.poll(bannerShown).toBe(true);
    // Consent Mode's default and Matomo's requireCookieConsent were both tried.
    expect(thrown.map((error) => error.message)).toEqual(['_paq.push failed', 'gtag failed']);
    expect(reported()).toEqual(thrown);
  });

  it('has acceptAll() applied whole: cookie written, scripts released, banner closed, listeners and events told', async () => {
    document.body.innerHTML = '<script type="text/plain" data-temoin-tracker="google-analytics"></script>';
    const cmp = start();
    await expect.poll(bannerShown).toBe(true);
    const listener = vi.fn();
    cmp.on('change', listener);
    const events = vi.fn();
    document.addEventListener('temoin:change', events);
    expect(() => cmp.acceptAll()).not.toThrow();
    document.removeEventListener('temoin:change', events);
    expect(document.cookie).toMatch(/(^|; )temoin=2\./);
    expect(cmp.isGranted('google-analytics')).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(events).toHaveBeenCalledTimes(1);
    await expect.poll(() => document.querySelector('script[data-temoin-tracker]')?.getAttribute('type')).toBeNull();
    await expect.poll(bannerShown).toBe(false);
    expect(thrown.length).toBe(4);
    expect(reported()).toEqual(thrown);
  });

  it('has a withdrawal applied whole: the refused trackers’ cookies deleted, listeners told', async () => {
    const cmp = start();
    cmp.acceptAll();
    document.cookie = '_ga=GA1.2.3; path=/';
    document.cookie = '_pk_id.1.a2b3=x; path=/';
    const listener = vi.fn();
    cmp.on('change', listener);
    expect(() => cmp.rejectAll()).not.toThrow();
    expect(document.cookie).not.toMatch(/_ga=|_pk_id/);
    expect(listener).toHaveBeenCalledWith(expect.objectContaining({ trackers: expect.objectContaining({ matomo: false }) }));
    expect(reported()).toEqual(thrown);
  });
});

describe('an integration that throws (a vendor consent function it calls, say)', () => {
  it('fails alone, at the start and on each choice, and the choice is applied whole', () => {
    const resolved = parseConfig(config);
    const follows = vi.fn(throwing('following the choice'));
    running = createInstance(resolved, {
      loadUi: () => new Promise<UiModule>(() => {}),
      launcher: showLauncher(launcherLook(resolved)),
      integrations: [throwing('setting up'), () => follows],
    });
    const listener = vi.fn();
    running.on('change', listener);
    expect(() => running!.acceptAll()).not.toThrow();
    expect(follows).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(document.cookie).toMatch(/(^|; )temoin=2\./);
    expect(reported().map((error) => error?.message)).toEqual(['_paq.push failed', 'setting up failed', '_paq.push failed', 'following the choice failed']);
  });
});
