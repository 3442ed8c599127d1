import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/config/catalog';
import { canonicalJson, configFingerprint, fnv1a64 } from '../../src/config/fingerprint';
import { parseConfig } from '../../src/config/parse';
import { runtimeConfig, runtimeEntry } from '../../src/config/runtime-entry';
import type { LocalizedText, ResolvedConfig } from '../../src/config/types';

const input = {
  tenant: { id: 'vivoptim', name: 'Vivoptim', privacyPolicyUrl: 'https://example.org/confidentialite', cookieDomain: 'example.org' },
  revision: 2,
  trackers: ['matomo', 'zendesk', 'lisio', { id: 'own', name: 'Own', provider: 'Us', category: 'videos', description: { fr: 'Vidéos' }, cookies: [] }],
  categories: [{ id: 'videos', name: { fr: 'Vidéos' } }],
  texts: { fr: { bannerTitle: 'Vos choix' } },
  excludedPaths: ['/espace-adherent/*', '/teleconsultation'],
};
const config = parseConfig(input);

/** The same value with the keys of every object in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, v]) => [key, reversed(v)]));
}

/** Every leaf of a JSON value, as the path of keys leading to it. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [path];
  return Object.entries(value).flatMap(([key, v]) => leaves(v, [...path, Array.isArray(value) ? Number(key) : key]));
}

/** A copy of `config` with the leaf at `path` changed to another value of its type. */
function changedAt(path: (string | number)[]): ResolvedConfig {
  const copy = structuredClone(config) as unknown as Record<string | number, unknown>;
  let holder = copy;
  for (const key of path.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  const old = holder[last];
  holder[last] = typeof old === 'string' ? `${old}x` : typeof old === 'number' ? old + 1 : !old;
  return copy as unknown as ResolvedConfig;
}

describe('the config fingerprint', () => {
  it('is 16 hexadecimal digits, carried by the resolved config', () => {
    expect(config.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(configFingerprint(config)).toBe(config.fingerprint);
  });

  it('is the FNV-1a 64 hash of the canonical JSON, which anyone can recompute from the resolved config as pages run it', () => {
    const { fingerprint, ...rest } = config;
    expect(fingerprint).toBe(fnv1a64(canonicalJson(runtimeConfig(rest))));
  });

  it('does not change with the fields that document a tracker, which pages never load', () => {
    const matomo = catalog.matomo;
    const documented = {
      ...matomo,
      sources: ['https://example.org/elsewhere'],
      otherSources: ['https://example.net/a-copy'],
      cookies: matomo.cookies.map((cookie) => ({
        ...cookie,
        lifetimeSetting: 'shorter',
        sharedWith: { trackers: ['zendesk'], reason: 'One script.' },
        basis: cookie.basis === 'vendor' ? ('other' as const) : ('vendor' as const),
        thirdParty: true,
      })),
    };
    expect(parseConfig({ ...input, trackers: [documented, ...input.trackers.slice(1)] }).fingerprint).toBe(config.fingerprint);
  });

  it('covers the texts in the language the config shows, not those in the other one', () => {
    const matomo = catalog.matomo;
    const withText = (fr: string, en: string) => parseConfig({ ...input, trackers: [{ ...matomo, description: { fr, en } }, ...input.trackers.slice(1)] }).fingerprint;
    expect(withText(matomo.description.fr!, 'Another English text')).toBe(config.fingerprint);
    expect(withText('Un autre texte', matomo.description.en!)).not.toBe(config.fingerprint);
    const english = (description: LocalizedText) =>
      parseConfig({ ...input, tenant: { ...input.tenant, locale: 'en' }, trackers: [{ ...matomo, description }, ...input.trackers.slice(1)] }).fingerprint;
    expect(english({ fr: 'Un autre texte', en: matomo.description.en! })).toBe(english(matomo.description));
    expect(english({ fr: matomo.description.fr!, en: 'Another English text' })).not.toBe(english(matomo.description));
    // A text only in the other language is the one the page shows: it counts.
    expect(english({ fr: 'Seulement en français' })).not.toBe(english({ fr: 'Un autre texte' }));
  });

  it('is the same from the catalog as the CLI reads it and from the entries a page loads', () => {
    for (const locale of ['fr', 'en'] as const) {
      const tenant = { ...input.tenant, locale };
      const asPagesLoad = input.trackers.map((ref) => (typeof ref === 'string' ? runtimeEntry(catalog[ref], locale) : ref));
      expect(parseConfig({ ...input, tenant, trackers: asPagesLoad }).fingerprint).toBe(parseConfig({ ...input, tenant }).fingerprint);
    }
  });

  it('does not change with the order of the keys, at any depth', () => {
    const shuffled = reversed(config) as ResolvedConfig;
    expect(JSON.stringify(shuffled)).not.toBe(JSON.stringify(config));
    expect(configFingerprint(shuffled)).toBe(config.fingerprint);
    expect(parseConfig(reversed(input)).fingerprint).toBe(config.fingerprint);
  });

  it('does not change when a default is written out or a catalog entry is given whole', () => {
    const explicit = parseConfig({
      ...input,
      tenant: { ...input.tenant, consentMaxAgeMonths: 6, locale: 'fr' },
      trackers: [catalog.matomo, ...input.trackers.slice(1)],
      cookieName: 'temoin',
      googleConsentMode: false,
    });
    expect(explicit.fingerprint).toBe(config.fingerprint);
  });

  it('changes with any field of the resolved config', () => {
    const paths = leaves(JSON.parse(JSON.stringify({ ...runtimeConfig(config), fingerprint: undefined })));
    expect(paths.length).toBeGreaterThan(40);
    for (const path of paths) expect(configFingerprint(changedAt(path)), path.join('.')).not.toBe(config.fingerprint);
  });

  it("changes when a catalog entry's cookie lifetime does", () => {
    const matomo = catalog.matomo;
    const cookies = matomo.cookies.map((cookie, i) => (i === 0 ? { ...cookie, lifetime: '12mo' } : cookie));
    expect(matomo.cookies[0].lifetime).not.toBe('12mo');
    const updated = parseConfig({ ...input, trackers: [{ ...matomo, cookies }, ...input.trackers.slice(1)] });
    expect(updated.fingerprint).not.toBe(config.fingerprint);
  });

  it('changes with the order of the trackers, which is the order the visitor sees', () => {
    const [first, second, ...rest] = input.trackers;
    expect(parseConfig({ ...input, trackers: [second, first, ...rest] }).fingerprint).not.toBe(config.fingerprint);
  });

  it('leaves out the nonce, which may change on every response', () => {
    expect(parseConfig({ ...input, nonce: 'r4nd0m' }).fingerprint).toBe(config.fingerprint);
  });

  it('tells apart the configs of a thousand tenants', () => {
    const prints = new Set(Array.from({ length: 1000 }, (_, i) => parseConfig({ ...input, tenant: { id: `t${i}`, name: 'T' } }).fingerprint));
    expect(prints.size).toBe(1000);
  });
});

describe('the hash of a fingerprint', () => {
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('is FNV-1a 64 as published: "%s" hashes to %s', (text, hash) => {
    expect(fnv1a64(text)).toBe(hash);
  });

  it('equals FNV-1a 64 computed on 64-bit integers, for any text', () => {
    const reference = (text: string) => {
      let hash = 0xcbf29ce484222325n;
      for (const byte of new TextEncoder().encode(text)) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
      return hash.toString(16).padStart(16, '0');
    };
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => fnv1a64(text) === reference(text)),
      { seed: 20261201, numRuns: 2000 },
    );
    // 2,000 texts through a BigInt reference: seconds on a loaded machine, more than Vitest's default 5 s.
  }, 30_000);

  it('hashes the UTF-8 bytes of the text, so that a tool outside JavaScript gets the same value', () => {
    // Computed with Python: FNV-1a 64 over 'Santé 🩺'.encode('utf-8').
    expect(fnv1a64('Santé 🩺')).toBe('44ac1b19e66ba167');
  });
});

describe('the canonical JSON a fingerprint hashes', () => {
  it('is the same text for equal values whatever their key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => canonicalJson(reversed(value)) === canonicalJson(value)),
      { seed: 20261201, numRuns: 500 },
    );
  });

  it('reads back as the value it spells', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { seed: 20261201, numRuns: 500 },
    );
  });
});
