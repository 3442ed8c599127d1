import { afterEach, describe, expect, it, vi } from 'vitest';
import { readValidatedConfig, rememberValidatedConfig, type ValidatedConfig } from '../../src/config/cache';
import { catalog } from '../../src/config/catalog';
import { parseConfig } from '../../src/config/parse';
import { runtimeConfig } from '../../src/config/runtime-entry';
import { configSchema, trackerSchema } from '../../src/config/schema';
import type { TemoinConfig, Tracker } from '../../src/config/types';

const KEY = 'temoin:config';
const text = JSON.stringify({ tenant: { id: 'vivoptim', name: 'Vivoptim' }, trackers: ['matomo'] });
const validated: ValidatedConfig = {
  config: parseConfig(JSON.parse(text)),
  launcher: { css: 'button{}', label: 'Gestion des cookies', lang: 'fr' },
};

// The build id the bundler writes into the module (vite.config.ts `define`), which unit tests run without.
const THIS_BUILD = 0x6623b5a9;
Object.assign(globalThis, { __TEMOIN_BUILD__: THIS_BUILD });

afterEach(() => localStorage.clear());

/** What this build stores for `text`, as `rememberValidatedConfig()` writes it: the entries' JSON, then their checksum. */
function stored(): { entry: Record<string, unknown>; sum: string } {
  rememberValidatedConfig(text, validated);
  const [json, sum] = localStorage.getItem(KEY)!.split('\n');
  return { entry: JSON.parse(json)[0], sum };
}

/** A copy of `value` with `change` applied to it. */
function changed(value: Record<string, unknown>, change: (entry: Record<string, any>) => void): Record<string, unknown> {
  const copy = structuredClone(value);
  change(copy);
  return copy;
}

/** Runs `write` as another build would (its own build id). */
function asBuild(build: number, write: () => void): void {
  Object.assign(globalThis, { __TEMOIN_BUILD__: build });
  try {
    write();
  } finally {
    Object.assign(globalThis, { __TEMOIN_BUILD__: THIS_BUILD });
  }
}

describe('the validated-config cache', () => {
  it('gives back the config this build validated for exactly this text', () => {
    rememberValidatedConfig(text, validated);
    expect(readValidatedConfig(text)).toEqual({ ...JSON.parse(JSON.stringify(validated)), text });
    expect(readValidatedConfig(`${text} `)).toBeUndefined();
  });

  it('keeps a few configs, the latest first', () => {
    for (const n of [1, 2, 3, 4, 5]) rememberValidatedConfig(`${text}${n}`, validated);
    expect(readValidatedConfig(`${text}1`)).toBeUndefined();
    for (const n of [2, 3, 4, 5]) expect(readValidatedConfig(`${text}${n}`)).toBeDefined();
  });

  it.each([
    ['not JSON', '{'],
    ['an object', '{"filter": 1}'],
    ['a string', '"x"'],
    ['an array holding null', '[null]'],
    ['an entry in the format of the builds before the checksum', JSON.stringify([{ build: 'this-build', text, ...validated }])],
  ])('has nothing when storage holds %s, so the config is validated again', (_what, value) => {
    localStorage.setItem(KEY, value);
    expect(readValidatedConfig(text)).toBeUndefined();
    rememberValidatedConfig(text, validated);
    expect(readValidatedConfig(text)?.config).toEqual(JSON.parse(JSON.stringify(validated.config)));
  });

  it('has nothing from another build, whose validator may have decided otherwise', () => {
    asBuild(0x918f5d0d, () => rememberValidatedConfig(text, validated));
    expect(readValidatedConfig(text)).toBeUndefined();
    asBuild(0x918f5d0d, () => expect(readValidatedConfig(text)).toBeDefined());
  });

  it.each<[string, (entry: Record<string, any>) => void]>([
    ['no config', (entry) => delete entry.config],
    ['a null config', (entry) => (entry.config = null)],
    ['trackers that are a string', (entry) => (entry.config.trackers = 'matomo')],
    ['a tracker without cookies', (entry) => delete entry.config.trackers[0].cookies],
    ['a cookie name that is a number', (entry) => (entry.config.trackers[0].cookies[0].name = 1)],
    ['a category whose required is a string', (entry) => (entry.config.categories[0].required = 'true')],
    ['a months count that is a string', (entry) => (entry.config.tenant.consentMaxAgeMonths = '6')],
    ['no fingerprint', (entry) => delete entry.config.fingerprint],
    ['excluded paths that hold an object', (entry) => (entry.config.excludedPaths = [{}])],
    ['a __proto__ key', (entry) => Object.defineProperty(entry, '__proto__', { value: {}, enumerable: true })],
    ['a key the build never writes beside the config', (entry) => (entry.extra = [])],
    ['file names planted for import()', (entry) => (entry.integrations = ['https://evil.example/planted.mjs'])],
    ['a launcher stylesheet that is no string', (entry) => (entry.launcher.css = ['button{}'])],
    ['no launcher label', (entry) => delete entry.launcher.label],
    ['a text key that is a number', (entry) => (entry.text = 1)],
    ['a granting nonce of its own', (entry) => (entry.config.nonce = 'planted')],
  ])('discards an entry of this build with %s under the checksum it had, and validates again', (_what, change) => {
    const { entry, sum } = stored();
    localStorage.setItem(KEY, `${JSON.stringify([changed(entry, change)])}\n${sum}`);
    expect(readValidatedConfig(text)).toBeUndefined();
    rememberValidatedConfig(text, validated);
    expect(JSON.parse(localStorage.getItem(KEY)!.split('\n')[0])).toHaveLength(1);
    expect(readValidatedConfig(text)?.config).toEqual(JSON.parse(JSON.stringify(validated.config)));
  });

  it('has nothing when storage cannot be read, and does not throw', () => {
    const getItem = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    try {
      expect(readValidatedConfig(text)).toBeUndefined();
      expect(() => rememberValidatedConfig(text, validated)).not.toThrow();
    } finally {
      getItem.mockRestore();
    }
  });
});

describe('a config using every field the schemas know', () => {
  const text = { fr: 'Mesure les visites.', en: 'Counts visits.' };
  const own: Required<Tracker> = {
    $schema: 'https://example.org/tracker.schema.json',
    id: 'stats',
    name: 'Stats',
    provider: 'Vivoptim',
    category: 'videos',
    advertising: true,
    description: text,
    privacyPolicyUrl: 'https://example.org/stats',
    cookies: [
      { name: 'st_*', lifetime: '13mo', purpose: text, sharedWith: { trackers: ['matomo'], reason: 'One script.' }, lifetimeSetting: 'Set it shorter.', basis: 'vendor', thirdParty: true },
    ],
    storage: ['st_*'],
    sources: ['https://example.org/stats/cookies'],
    otherSources: ['https://example.org/a-cookie-database'],
    consentApi: 'matomo',
    exemption: { conditions: text, url: 'https://example.org/exempt' },
    exempt: true,
  };
  const config: Required<TemoinConfig> = {
    tenant: { id: 'vivoptim', name: 'Vivoptim', consentMaxAgeMonths: 12, privacyPolicyUrl: 'https://example.org/p', locale: 'en', cookieDomain: 'example.org' },
    revision: 3,
    trackers: ['matomo', own],
    categories: [{ id: 'videos', name: text, description: text }],
    cookieName: 'consent',
    googleConsentMode: true,
    floatingButton: false,
    globalPrivacyControl: false,
    nonce: 'abc',
    excludedPaths: ['/espace/*'],
    consentEndpoint: '/temoin/consent',
    texts: { fr: { bannerTitle: 'Vos choix' }, en: { bannerTitle: 'Your choices' } },
    reloadOnWithdrawal: false,
  };

  it('sets every field of the config and tracker schemas (a new field must be added here)', () => {
    expect(Object.keys(config).sort()).toEqual(Object.keys(configSchema.shape).sort());
    expect(Object.keys(config.tenant).sort()).toEqual(Object.keys(configSchema.shape.tenant.shape).sort());
    expect(Object.keys(own).sort()).toEqual(Object.keys((trackerSchema as unknown as typeof configSchema).shape).sort());
  });

  it('is kept by the cache, as the validator resolves it and as the script tag runs it', () => {
    const resolved = parseConfig({ ...config, trackers: [catalog.matomo, own] });
    for (const shown of [resolved, runtimeConfig(resolved)]) {
      const validated: ValidatedConfig = { config: shown, launcher: { css: '', label: 'Cookie settings', lang: 'en' } };
      rememberValidatedConfig('full', validated);
      expect(readValidatedConfig('full')?.config).toEqual(JSON.parse(JSON.stringify(shown)));
    }
  });
});
