// @vitest-environment-options {"url": "https://www.site.test/page"}
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TemoinConfigError } from '../../src/config/error';
import { parseConfig } from '../../src/config/parse';
import type { ResolvedConfig } from '../../src/config/types';
import { readConsentCookie, writeConsentCookie } from '../../src/consent/cookie';
import { type ConsentRecord, createRecord, decodeRecord, encodeRecord } from '../../src/consent/record';

const RUNS = { seed: 20260831, numRuns: 3000 };

/** Three trackers needing consent, one functional. */
const config = parseConfig({
  tenant: { id: 'vivoptim', name: 'Vivoptim' },
  trackers: ['matomo', 'zendesk', 'google-analytics', 'lisio'],
});
const NOW = Date.parse('2026-03-15T09:00:00.000Z');
const refusal = createRecord(config, { matomo: false, zendesk: false, 'google-analytics': false }, new Date(NOW));
const acceptance = createRecord(config, { matomo: true, zendesk: true, 'google-analytics': true }, new Date(NOW));
/**
 * The encoding of any record: format 1, as temoin 0.1 wrote it, for one without a fingerprint (the
 * widget writes format 2 only).
 */
const encodeAny = (record: ConsentRecord) =>
  record.configFingerprint === undefined ? encodeRecord({ ...record, configFingerprint: '' }).replace(/^2\.\./, '1.') : encodeRecord({ ...record, configFingerprint: record.configFingerprint });
const refusedAll = encodeRecord(refusal);
const acceptedAll = encodeRecord(acceptance);
/** The same choices as temoin 0.1 stored them (format 1, no config fingerprint), still valid choices. */
const refusedAllV1 = encodeAny({ ...refusal, configFingerprint: undefined });
const acceptedAllV1 = encodeAny({ ...acceptance, configFingerprint: undefined });
const valid = [refusedAll, acceptedAll, refusedAllV1, acceptedAllV1];
const decode = (value: string) => decodeRecord(value, config, NOW + 60_000);

const grants = (value: string) => Object.values(decode(value)?.decisions ?? {}).some(Boolean);

/**
 * The decoder is exact: whatever it accepts is, byte for byte, the encoding of a record (its decisions
 * as the value spells them, including any for trackers the config no longer lists), and it returns
 * the decisions spelt there. So no altered, truncated or padded value is read as a choice it does not spell out.
 */
function decodesExactly(value: string): boolean {
  const record = decode(value);
  if (record === null) return true;
  const spelt = Object.fromEntries(
    value
      .slice(value.lastIndexOf('.') + 1)
      .split('~')
      .map((pair) => [pair.slice(0, pair.indexOf(':')), pair.endsWith(':1')]),
  );
  return (
    encodeAny({ ...record, decisions: spelt }) === value &&
    Object.entries(record.decisions).every(([id, granted]) => spelt[id] === granted)
  );
}

/** Characters a cookie value may hold, and those the encoding uses most. */
const cookieChar = fc.oneof(
  fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyz-_.:~ABCXYZ'.split('')),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

type Mutation = (value: string) => string;
const position = (value: string, n: number) => n % (value.length + 1);

/** One change to a value: a character replaced, characters inserted or removed, a piece of it repeated elsewhere, the end cut. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), cookieChar).map(([n, c]): Mutation => (v) => {
    const i = n % Math.max(1, v.length);
    return v.slice(0, i) + c + v.slice(i + 1);
  }),
  fc.tuple(fc.nat(), fc.string({ unit: cookieChar, minLength: 1, maxLength: 12 })).map(([n, s]): Mutation => (v) => {
    const i = position(v, n);
    return v.slice(0, i) + s + v.slice(i);
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 12 })).map(([n, count]): Mutation => (v) => {
    const i = position(v, n);
    return v.slice(0, i) + v.slice(i + count);
  }),
  fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(([a, b, n]): Mutation => (v) => {
    const [from, to] = [position(v, a), position(v, b)].sort((x, y) => x - y);
    const i = position(v, n);
    return v.slice(0, i) + v.slice(from, to) + v.slice(i);
  }),
  fc.nat().map((n): Mutation => (v) => v.slice(0, position(v, n))),
);

/** A valid encoding changed one to four times in a row. */
const mutationOf = (valid: string): fc.Arbitrary<string> =>
  fc.array(mutation, { minLength: 1, maxLength: 4 }).map((changes) => changes.reduce((value, change) => change(value), valid));

describe('a consent cookie that was altered, truncated or made up', () => {
  it('starts from values the decoder reads, in both formats, one refusing and one granting everything', () => {
    expect(refusedAll.startsWith(`2.${config.fingerprint}.`) && refusedAllV1.startsWith('1.vivoptim.')).toBe(true);
    for (const value of [refusedAll, refusedAllV1]) expect(decode(value)?.decisions).toEqual({ matomo: false, zendesk: false, 'google-analytics': false });
    for (const value of [acceptedAll, acceptedAllV1]) expect(decode(value)?.decisions).toEqual({ matomo: true, zendesk: true, 'google-analytics': true });
  });

  it('is never read as a choice when truncated at any length', () => {
    for (const value of valid) {
      for (let length = 0; length < value.length; length++) expect(decode(value.slice(0, length)), value.slice(0, length)).toBeNull();
    }
  });

  it('is never read as a choice when any one character is removed', () => {
    for (const value of valid) {
      for (let i = 0; i < value.length; i++) {
        const shorter = value.slice(0, i) + value.slice(i + 1);
        expect(decode(shorter), shorter).toBeNull();
      }
    }
  });

  it('grants a tracker only when a 0 became exactly the 1 of a valid encoding', () => {
    for (const refused of [refusedAll, refusedAllV1]) {
      for (let i = 0; i < refused.length; i++) {
        for (const c of '0123456789abcdefghijklmnopqrstuvwxyz-_.:~') {
          const value = refused.slice(0, i) + c + refused.slice(i + 1);
          if (grants(value)) {
            expect(refused[i]).toBe('0');
            expect(c).toBe('1');
          }
          expect(decodesExactly(value), value).toBe(true);
        }
      }
    }
  });

  it('is never read as a choice other than the one it spells exactly, whatever random string it is', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: cookieChar, maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })), decodesExactly),
      RUNS,
    );
  });

  it('is never read as a choice other than the one it spells exactly, whatever random string follows a valid prefix', () => {
    const prefix = fc.tuple(fc.constantFrom(refusedAll, refusedAllV1), fc.nat({ max: refusedAll.length })).map(([value, n]) => value.slice(0, n));
    fc.assert(
      fc.property(prefix, fc.string({ unit: cookieChar, maxLength: 80 }), (head, tail) => decodesExactly(head + tail)),
      RUNS,
    );
  });

  it('is never read as a choice other than the one it spells exactly, whatever mutation of a valid value it is', () => {
    fc.assert(fc.property(fc.oneof(...valid.map(mutationOf)), decodesExactly), RUNS);
  });

  it('is never read as a grant when mutated from a refusal, unless a decision became exactly "1"', () => {
    fc.assert(
      fc.property(fc.oneof(mutationOf(refusedAll), mutationOf(refusedAllV1)), (value) => {
        if (!grants(value)) return true;
        // The only way: a valid encoding spelling "<id>:1" for each tracker it grants.
        const granted = Object.entries(decode(value)!.decisions).filter(([, yes]) => yes);
        return decodesExactly(value) && granted.every(([id]) => new RegExp(`[.~]${id}:1(~|$)`).test(value));
      }),
      RUNS,
    );
  });
});

/** Expires every cookie of the page (host-only, at path /). */
function clearPageCookies(): void {
  for (const pair of document.cookie ? document.cookie.split('; ') : []) {
    document.cookie = `${pair.slice(0, pair.indexOf('='))}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
  }
}

/** The raw `name=value` pairs the page's `Cookie` string holds. */
const rawCookie = (name: string) => (document.cookie ? document.cookie.split('; ') : []).find((pair) => pair.startsWith(`${name}=`))?.slice(name.length + 1);

/** Records of any tenant, revision, time, id and decisions the format allows, in both formats. */
const slug = fc.stringMatching(/^[a-z0-9-]{1,40}$/);
const anyRecord = fc.record({
  tenant: slug,
  revision: fc.integer({ min: 1, max: 2 ** 40 }),
  decidedAt: fc.integer({ min: 0, max: 4e12 }).map((ms) => Math.floor(ms / 1000) * 1000),
  expiresAt: fc.integer({ min: 1000, max: 4e12 }).map((ms) => Math.floor(ms / 1000) * 1000),
  id: fc.stringMatching(/^[\w-]{22}$/),
  decisions: fc.dictionary(slug, fc.boolean(), { maxKeys: 6 }),
  configFingerprint: fc.option(fc.stringMatching(/^[\da-f]{16}$/), { nil: undefined }),
});

describe('the consent cookie through js-cookie', () => {
  const cookie = { name: 'temoin' };

  it('stores every encoding byte for byte, and reads it back unchanged', () => {
    fc.assert(
      fc.property(anyRecord, (record) => {
        clearPageCookies();
        const value = encodeAny(record);
        return (
          writeConsentCookie(cookie, value, new Date(Date.now() + 86_400_000)) && rawCookie('temoin') === value && readConsentCookie(cookie) === value
        );
      }),
      { ...RUNS, numRuns: 500 },
    );
  });

  it('reads a choice the previous release wrote with document.cookie, in both formats', () => {
    for (const value of valid) {
      clearPageCookies();
      document.cookie = `temoin=${value};path=/;expires=${new Date(Date.now() + 86_400_000).toUTCString()};samesite=Lax;secure`;
      expect(decode(readConsentCookie(cookie)!)).toEqual(decode(value));
    }
  });

  it('hands the decoder the bytes a cookie holds: an altered, quoted or percent-encoded value is no other choice', () => {
    // What a foreign script, an older release or a proxy may leave in the cookie, written as is.
    const tamper = fc.oneof(
      fc.oneof(...valid.map(mutationOf)),
      fc.constantFrom(...valid).map((value) => `"${value}"`),
      fc.constantFrom(...valid).map((value) => value.replace(/[.:~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)),
    );
    fc.assert(
      fc.property(tamper, (value) => {
        clearPageCookies();
        document.cookie = `temoin=${value};path=/`;
        const stored = rawCookie('temoin');
        // Values a browser refuses to store (control characters, ";") leave no cookie, hence no choice.
        if (stored === undefined) return readConsentCookie(cookie) === undefined;
        const read = readConsentCookie(cookie)!;
        return read === stored && decodesExactly(read);
      }),
      { ...RUNS, numRuns: 1000 },
    );
  });
});

const ID = /^[a-z0-9-]{1,40}$/;
const LIFETIME = /^(session|[1-9]\d*(min|h|d|mo|y))$/;

/** What a returned config guarantees, whatever the input was. */
function isValidated(resolved: ResolvedConfig): boolean {
  const { tenant, revision, trackers, categories } = resolved;
  const categoryIds = categories.map((c) => c.id);
  return (
    ID.test(tenant.id) &&
    typeof tenant.name === 'string' &&
    tenant.name.length > 0 &&
    Number.isInteger(tenant.consentMaxAgeMonths) &&
    tenant.consentMaxAgeMonths >= 6 &&
    tenant.consentMaxAgeMonths <= 12 &&
    (tenant.locale === 'fr' || tenant.locale === 'en') &&
    (tenant.privacyPolicyUrl === undefined || /^https?:\/\//i.test(tenant.privacyPolicyUrl)) &&
    Number.isInteger(revision) &&
    revision >= 1 &&
    categoryIds[0] === 'functional' &&
    categoryIds[1] === 'audience' &&
    categories.every((c, i) => ID.test(c.id) && c.required === (i === 0)) &&
    new Set(categoryIds).size === categoryIds.length &&
    Array.isArray(trackers) &&
    new Set(trackers.map((t) => t.id)).size === trackers.length &&
    trackers.every(
      (t) =>
        ID.test(t.id) &&
        typeof t.name === 'string' &&
        typeof t.provider === 'string' &&
        categoryIds.includes(t.category) &&
        (t.privacyPolicyUrl === undefined || /^https?:\/\//i.test(t.privacyPolicyUrl)) &&
        Array.isArray(t.cookies) &&
        t.cookies.every((c) => /^[^*\s;=,]+\*?$/.test(c.name) && LIFETIME.test(c.lifetime)),
    )
  );
}

/** Throws anything but a TemoinConfigError listing its issues; returns whether the config was validated. */
function parsesOrRejects(input: unknown): boolean {
  let resolved: ResolvedConfig;
  try {
    resolved = parseConfig(input);
  } catch (error) {
    if (!(error instanceof TemoinConfigError)) throw error;
    return (
      error.issues.length > 0 &&
      error.issues.every((issue) => typeof issue.path === 'string' && typeof issue.message === 'string' && issue.message.length > 0)
    );
  }
  return isValidated(resolved);
}

/** Values that mostly fit a field (the first ones given) and sometimes do not. */
const anything = fc.anything({ withBoxedValues: true, withNullPrototype: true, withSparseArray: true, withObjectString: true });
const some = <T>(valid: T[], invalid: unknown[] = []) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...valid), weight: 30 },
    { arbitrary: invalid.length ? fc.constantFrom(...invalid) : anything, weight: 1 },
    { arbitrary: anything, weight: 1 },
  );
const text = some(['Vivoptim', 'Texte'], ['']);
const localized = some([{ fr: 'Texte' }, { en: 'Text' }, { fr: 'Texte', en: 'Text' }], [{}, { de: 'Text' }, { fr: '' }]);
const cookie = fc.record({
  name: some(['_pk_id.*', '_ga', 'own_cookie'], ['a*b', '*', 'a b', '']),
  lifetime: some(['13mo', 'session', '30min'], ['13 months', '0d', '1.5y']),
  purpose: localized,
});
const trackerObject = fc.record(
  {
    id: some(['matomo', 'youtube', 'own-tracker'], ['Own', 'constructor', '__proto__']),
    name: text,
    provider: text,
    category: some(['audience', 'functional', 'videos'], ['unknown']),
    advertising: some([true, false]),
    description: localized,
    privacyPolicyUrl: some(['https://example.org'], ['javascript:alert(1)']),
    cookies: fc.oneof({ arbitrary: fc.array(cookie, { maxLength: 3 }), weight: 30 }, { arbitrary: anything, weight: 1 }),
  },
  { requiredKeys: ['id'] },
);
const tracker = fc.oneof(
  { arbitrary: fc.constantFrom('matomo', 'zendesk', 'google-analytics', 'facebook-pixel', 'axeptio', 'lisio', 'youtube'), weight: 20 },
  { arbitrary: trackerObject, weight: 4 },
  { arbitrary: fc.constantFrom('matomoo', 'constructor', '__proto__', 'Matomo'), weight: 1 },
  { arbitrary: anything, weight: 1 },
);
const configish = fc.record(
  {
    tenant: fc.oneof(
      {
        arbitrary: fc.record(
          {
            id: some(['vivoptim', 'mutuelle-2'], ['Vivoptim', '', 'x'.repeat(41)]),
            name: text,
            consentMaxAgeMonths: some([6, 9, 12], [5, 13, 6.5, '6', Number.NaN, Infinity, null]),
            privacyPolicyUrl: some(['https://example.org/p', 'http://example.org'], ['javascript:alert(1)', 'data:,x', 'ftp://x']),
            locale: some(['fr', 'en'], ['de', 'FR']),
            cookieDomain: some(['example.org', '.example.org'], ['bad domain']),
          },
          { requiredKeys: ['id', 'name'] },
        ),
        weight: 30,
      },
      { arbitrary: anything, weight: 1 },
    ),
    revision: some([1, 2], [0, -1, 1.5, '1']),
    trackers: fc.oneof({ arbitrary: fc.uniqueArray(tracker, {
          maxLength: 5,
          selector: (t) => (typeof t === 'object' && t !== null && 'id' in t ? t.id : t),
        }), weight: 30 }, { arbitrary: anything, weight: 1 }),
    categories: fc.oneof(
      {
        arbitrary: fc.uniqueArray(fc.record({ id: some(['videos', 'ads'], ['audience', 'functional', 'Bad']), name: localized }), {
          maxLength: 2,
          selector: (c) => c.id,
        }),
        weight: 30,
      },
      { arbitrary: anything, weight: 1 },
    ),
    cookieName: some(['temoin', 'consent'], ['bad name']),
    googleConsentMode: some([true, false]),
  },
  { requiredKeys: ['tenant', 'trackers'] },
);
/** Now and then a key no config has. */
const configWithStray = fc.tuple(configish, fc.oneof(
    { arbitrary: fc.constant(null), weight: 20 },
    { arbitrary: fc.constantFrom('trackerz', '__proto__', 'constructor'), weight: 1 },
  ), anything).map(
  ([input, stray, value]) => (stray === null ? input : Object.defineProperty({ ...input }, stray, { value, enumerable: true })),
);

describe('a config of any shape, from a page or a bundle', () => {
  it('sometimes passes, so that the property below checks returned configs too', () => {
    const samples = fc.sample(configWithStray, { seed: RUNS.seed, numRuns: 1000 });
    const passed = samples.filter((input) => {
      try {
        parseConfig(input);
        return true;
      } catch {
        return false;
      }
    });
    expect(passed.length).toBeGreaterThan(100);
    expect(passed.length).toBeLessThan(950);
  });

  it('is either returned fully validated or rejected with a TemoinConfigError listing its issues', () => {
    fc.assert(fc.property(configWithStray, parsesOrRejects), RUNS);
  });

  it('never throws anything but a TemoinConfigError, whatever JSON value it is', () => {
    fc.assert(fc.property(fc.jsonValue(), parsesOrRejects), RUNS);
  });

  it('never throws anything but a TemoinConfigError, whatever JavaScript value it is', () => {
    fc.assert(fc.property(anything, parsesOrRejects), RUNS);
  });
});
