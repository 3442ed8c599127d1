import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalog } from '../../src/config/catalog';
import { init, type TemoinConfig, type TemoinInstance } from '../../src/index';
import { onPage } from './support/location';

/** Matomo's consent API through a fake `_paq`, as the page's Matomo snippet and matomo.js see it. */

const config = (trackers: TemoinConfig['trackers'] = ['matomo', 'google-analytics']): TemoinConfig => ({
  tenant: { id: 'vivoptim', name: 'Vivoptim', privacyPolicyUrl: 'https://example.org/confidentialite' },
  trackers,
});

/** A stand-in for the queue matomo.js installs once loaded: an object with `push`, not an array. */
function fakeMatomo(): string[][] {
  const pushed: string[][] = [];
  window._paq = { push: (command: unknown[]) => pushed.push(command as string[]) };
  return pushed;
}

/** Once the withdrawal's code, which init() loads on a choice, has followed the choices made. */
async function withdrawalFollowed(): Promise<void> {
  await import('../../src/integrations/withdrawal');
  await new Promise((resolve) => setTimeout(resolve, 0));
}

let running: TemoinInstance[] = [];
function start(input: TemoinConfig = config()): TemoinInstance {
  const instance = init(input, { catalog: Object.values(catalog) });
  running.push(instance);
  return instance;
}

// init() shows the banner on a first visit: have its module loaded before, not after, the tests end.
beforeAll(async () => {
  await import('../../src/ui/index');
});

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(async () => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  for (const instance of running) instance.destroy();
  running = [];
  delete window._paq;
  for (const pair of document.cookie ? document.cookie.split('; ') : []) document.cookie = `${pair.split('=')[0]}=; path=/; max-age=0`;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('a page using Matomo', () => {
  it('requires consent before any choice, and says nothing else', () => {
    const pushed = fakeMatomo();
    start();
    expect(pushed).toEqual([['requireCookieConsent']]);
  });

  it('creates the queue as Matomo’s snippet does when matomo.js has not run yet, so the commands wait for it', () => {
    start();
    expect(window._paq).toEqual([['requireCookieConsent']]);
  });

  it('gives consent on acceptance at once, and forgets it on withdrawal once the withdrawal’s code loaded', async () => {
    const pushed = fakeMatomo();
    const instance = start();
    instance.acceptAll();
    expect(pushed).toEqual([['requireCookieConsent'], ['setCookieConsentGiven']]);
    instance.rejectAll();
    await expect.poll(() => pushed).toEqual([['requireCookieConsent'], ['setCookieConsentGiven'], ['forgetCookieConsentGiven']]);
  });

  it('forgets it when Matomo alone is withdrawn, and gives nothing when another tracker changes', async () => {
    const pushed = fakeMatomo();
    const instance = start();
    instance.update({ trackers: { 'google-analytics': true } });
    instance.update({ trackers: { matomo: true } });
    instance.update({ trackers: { matomo: false } });
    await expect.poll(() => pushed).toEqual([['requireCookieConsent'], ['setCookieConsentGiven'], ['forgetCookieConsentGiven']]);
    instance.update({ trackers: { 'google-analytics': false } });
    await withdrawalFollowed();
    expect(pushed).toHaveLength(3);
  });

  it('has nothing to forget when the first choice is a refusal', async () => {
    const pushed = fakeMatomo();
    start().rejectAll();
    await withdrawalFollowed();
    expect(pushed).toEqual([['requireCookieConsent']]);
  });

  it('gives consent at load to a returning visitor who accepted, after requiring it', () => {
    start().acceptAll();
    running.pop()!.destroy();
    const pushed = fakeMatomo();
    start();
    expect(pushed).toEqual([['requireCookieConsent'], ['setCookieConsentGiven']]);
  });

  it('gives no consent on an excluded page, whatever the choice, and gives it again elsewhere', () => {
    const excluded = { ...config(), excludedPaths: ['/espace-adherent/*'] };
    start(excluded).acceptAll();
    running.pop()!.destroy();
    const pushed = fakeMatomo();
    onPage('/espace-adherent/remboursements', () => start(excluded).acceptAll());
    running.pop()!.destroy();
    start(excluded);
    expect(pushed).toEqual([['requireCookieConsent'], ['requireCookieConsent'], ['setCookieConsentGiven']]);
  });

  it('reaches the queue matomo.js installs after temoin started', () => {
    const instance = start();
    const pushed = fakeMatomo();
    instance.acceptAll();
    expect(pushed).toEqual([['setCookieConsentGiven']]);
  });
});

describe('a page without Matomo in its config', () => {
  it('leaves _paq alone', () => {
    const pushed = fakeMatomo();
    start(config(['google-analytics'])).acceptAll();
    expect(pushed).toEqual([]);
  });

  it('creates no _paq', () => {
    start(config(['google-analytics'])).acceptAll();
    expect(window._paq).toBeUndefined();
  });
});

describe('Matomo run exempt from consent (docs/contract.md §17)', () => {
  it('is not made to wait for consent, writes its cookies before any choice and after a refusal, and is stopped by an objection', async () => {
    const pushed = fakeMatomo();
    const cmp = start(config([{ id: 'matomo', exempt: true }, 'google-analytics']));
    expect(pushed.map(([command]) => command)).toEqual(['setCookieConsentGiven']);
    cmp.rejectAll();
    expect(pushed.map(([command]) => command).at(-1)).toBe('setCookieConsentGiven');
    cmp.update({ trackers: { matomo: false } });
    await expect.poll(() => pushed.map(([command]) => command).at(-1)).toBe('forgetCookieConsentGiven');
    expect(cmp.isGranted('matomo')).toBe(false);
  });
});
