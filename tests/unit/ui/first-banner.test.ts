import { fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { catalog } from '../../../src/config/catalog';
import { parseConfig } from '../../../src/config/parse';
import { firstVisit } from '../../../src/first-visit';
import { createInstance, type TemoinInstance } from '../../../src/instance';
import { showLauncher } from '../../../src/launcher';
import { launcherLook } from '../../../src/launcher-look';
import { en } from '../../../src/locales/en';
import { enUi } from '../../../src/locales/en-ui';
import { BANNER_PARTS } from '../../../src/ui/banner-parts';
import { type FirstBanner, mountUi } from '../../../src/ui/mount';
import { resolveTableConfig, testConfig } from './setup';

/*
 * The script tag's first banner (docs/contract.md §4): shown by temoin.js from the config as the
 * page gives it, then replaced by the validated UI's, which records a click made meanwhile.
 */

let running: TemoinInstance[] = [];

/** Deletes the consent cookie: an expiry in the past (happy-dom may keep a `max-age=0` cookie within the same millisecond). */
const forgetChoice = () => (document.cookie = 'temoin=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT');

afterEach(() => {
  for (const instance of running) instance.destroy();
  running = [];
  forgetChoice();
  document.body.innerHTML = '';
});

/** Shows the first banner of `config`, as temoin.js does on a first visit; returns it and the files it requested. */
function showFirst(config: unknown) {
  const requested: string[] = [];
  const first = firstVisit(config, async (file) => void requested.push(file));
  return { first, requested };
}

/** The first banner's buttons, by name. */
const firstButton = (name: string) => within(document.querySelector('[data-temoin-banner]')!.shadowRoot!.querySelector('section')!).getByRole('button', { name });

/** The English texts the script tag's UI loads for an English config (`temoin-en.mjs`, src/embed-ui.ts). */
const english = (instance: TemoinInstance) => (instance.config.tenant.locale === 'en' ? { ...en, ...enUi } : undefined);

/** Starts the instance of the validated `config` with the UI temoin.js hands `first` to. */
function start(config: unknown, first: FirstBanner | undefined): TemoinInstance {
  const resolved = parseConfig(config);
  const loadUi = async () => ({
    ...(await import('../../../src/ui/index')),
    mountUi: (instance: TemoinInstance) => mountUi(instance, BANNER_PARTS, first, english(instance)),
    resolveTableConfig,
  });
  const instance = createInstance(resolved, { loadUi, launcher: showLauncher(launcherLook(resolved)) });
  running.push(instance);
  return instance;
}

/** The validated UI's banner, once shown. */
const uiBanner = () =>
  waitFor(() => {
    const banner = document.querySelector('[data-temoin-ui]')?.shadowRoot?.querySelector('section');
    if (!banner) throw new Error('the validated banner is not shown yet');
    return banner;
  });

describe('the first banner of the script tag', () => {
  it('shows the banner at once, and requests the entries the config names in its language', () => {
    const { first, requested } = showFirst(testConfig({ trackers: ['matomo', { id: 'zendesk', category: 'audience' }, 'lisio'] }));
    expect(first).toBeDefined();
    expect(firstButton('Tout accepter')).toBeTruthy();
    expect(requested).toEqual(['temoin-catalog-matomo.mjs', 'temoin-catalog-lisio.mjs']);
  });

  it('shows none for an English config, whose texts come with the UI, and requests its entries and those texts', () => {
    const { first, requested } = showFirst(testConfig({ trackers: ['matomo', 'lisio'] }, { locale: 'en' }));
    expect(first).toBeUndefined();
    expect(document.querySelector('[data-temoin-banner]')).toBeNull();
    expect(requested).toEqual(['temoin-catalog-matomo.en.mjs', 'temoin-catalog-lisio.en.mjs', 'temoin-en.mjs']);
  });

  it('leaves the English banner to the validated UI, in English', async () => {
    start(testConfig({}, { locale: 'en' }), showFirst(testConfig({}, { locale: 'en' })).first);
    expect((await uiBanner()).textContent).toContain('Accept all');
  });

  it('shows none where the instance would show none: a consent cookie, only functional trackers, Global Privacy Control', () => {
    document.cookie = 'temoin=anything; path=/';
    expect(showFirst(testConfig()).first).toBeUndefined();
    forgetChoice();
    expect(showFirst(testConfig({ trackers: ['lisio', 'stripe'] })).first).toBeUndefined();
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    // Followed by default, as the validated config does.
    expect(showFirst(testConfig()).first).toBeUndefined();
    expect(showFirst(testConfig({ globalPrivacyControl: true })).first).toBeUndefined();
    expect(document.querySelector('[data-temoin-banner]')).toBeNull();
    // Unless the config says not to: then the instance asks.
    expect(showFirst(testConfig({ globalPrivacyControl: false })).first).toBeDefined();
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: undefined, configurable: true });
  });

  it('knows the category of every catalog entry before it loads: a banner for each one needing consent, none for a functional one', () => {
    for (const { id, category } of Object.values(catalog)) {
      const { first } = showFirst(testConfig({ trackers: [id] }));
      expect(first !== undefined, id).toBe(category !== 'functional');
      first?.host.remove();
    }
  });

  it('shows none for a config with an exempt tracker, whose name comes with its entry: the UI’s banner names it', async () => {
    const config = testConfig({ trackers: [{ id: 'matomo', exempt: true }, 'google-analytics'] });
    expect(showFirst(config).first).toBeUndefined();
    expect(document.querySelector('[data-temoin-banner]')).toBeNull();
    start(config, undefined);
    expect((await uiBanner()).textContent).toContain('Mesure d’audience exemptée de consentement (Matomo)');
  });

  it('shows none for a config of an unexpected shape: the validator says what is wrong', () => {
    expect(showFirst({ tenant: 'x', trackers: 3 }).first).toBeUndefined();
    expect(document.querySelector('[data-temoin-banner]')).toBeNull();
  });

  it('records nothing on a click, which the validated UI replays: the same banner, so the same answer', async () => {
    const { first } = showFirst(testConfig());
    fireEvent.click(firstButton('Tout accepter'));
    expect(document.querySelector('[data-temoin-banner]')).toBeNull();
    expect(document.cookie).not.toContain('temoin=');
    const instance = start(testConfig(), first);
    await waitFor(() => expect(instance.getConsent()?.trackers).toEqual({ matomo: true, 'google-analytics': true, lisio: true }));
  });

  it('gives its place to the validated banner, focus carried over', async () => {
    const { first } = showFirst(testConfig());
    firstButton('Tout refuser').focus();
    const instance = start(testConfig(), first);
    const banner = await uiBanner();
    expect(document.querySelector('[data-temoin-banner]')).toBeNull();
    expect(banner.ownerDocument.activeElement?.shadowRoot?.activeElement?.textContent).toBe('Tout refuser');
    expect(instance.getConsent()).toBeNull();
  });

  it('replays no click when the validated config shows another banner: the visitor is asked again', async () => {
    const { first } = showFirst(testConfig({}, { name: 'Mutuelle Avant' }));
    fireEvent.click(firstButton('Tout accepter'));
    const instance = start(testConfig({}, { name: 'Mutuelle Après' }), first);
    const banner = await uiBanner();
    expect(banner.textContent).toContain('Mutuelle Après');
    expect(instance.getConsent()).toBeNull();
  });
});
