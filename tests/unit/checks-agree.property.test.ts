import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { checkConfig, checkTracker } from '../../src/config/checks';
import type { Problem } from '../../src/config/messages';
import { configSchema, trackerSchema } from '../../src/config/schema';
import { join, type Validator } from '../../src/config/validate';

/** Where zod finds problems, as the browser's validator names paths. */
function zodPaths(schema: z.ZodMiniType, input: unknown): string[] | 'valid' {
  const result = z.safeParse(schema, input);
  if (result.success) return 'valid';
  return result.error.issues
    .flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path]))
    .map((path) => path.reduce<string>((out, key) => join(out, key as string | number), ''))
    .filter((path, i, all) => all.indexOf(path) === i)
    .sort();
}

function checkPaths(validator: Validator<unknown>, input: unknown): string[] | 'valid' {
  const issues: Problem[] = [];
  validator(input, '', issues);
  return issues.length ? [...new Set(issues.map((i) => i.path))].sort() : 'valid';
}

const validTracker = {
  id: 'own-chat',
  name: 'Chat',
  provider: 'Us',
  category: 'audience',
  description: { fr: 'Discussion' },
  cookies: [
    { name: 'chat_*', lifetime: '30d', purpose: { en: 'Session' }, basis: 'vendor', thirdParty: true },
    {
      name: 'chat/session',
      lifetime: '2min30s',
      purpose: { fr: 'Session' },
      sharedWith: { trackers: ['matomo'], reason: 'Set for both' },
      lifetimeSetting: 'cookie_expires',
      basis: 'other',
    },
  ],
  storage: ['chat_user', 'chat_*'],
  sources: ['https://example.org/cookies'],
  otherSources: ['https://example.net/cookie-policy'],
  consentApi: 'piano',
  exemption: { conditions: { fr: 'IP anonymisée', en: 'IP anonymised' }, url: 'https://example.org/exempt' },
  exempt: true,
};

const validConfig = {
  tenant: { id: 'mutuelle', name: 'Mutuelle', consentMaxAgeMonths: 12, privacyPolicyUrl: 'https://example.org/p', locale: 'en', cookieDomain: 'example.org' },
  revision: 3,
  trackers: ['matomo', validTracker],
  categories: [{ id: 'ads', name: { fr: 'Pub' } }],
  cookieName: 'temoin_x',
  googleConsentMode: true,
  floatingButton: false,
  globalPrivacyControl: false,
  nonce: 'abc',
  reloadOnWithdrawal: false,
  excludedPaths: ['/espace-adherent/*', '/questionnaire-sant%C3%A9'],
  consentEndpoint: '/temoin/consent',
  texts: { fr: { manageCookies: 'Cookies' } },
};

/** Values of every JSON type, including ones close to valid (wrong case, empty, out of range). */
const anyValue = fc.oneof(
  fc.constantFrom('', 'fr', 'de', 'vendor', 'other', 'Vendor', 'Mutuelle', 'javascript:alert(1)', 'https://ok.example', 'http://ok.example', '13mo', '13 months', '2min30s', '30s2min', 'a*b', '_pk_*', 'a/b', 'a;b', '*', 'UPPER', 'x'.repeat(41), '/', '/a b', '/santé/*', 'espace/*', '/a?b', '/a#b', '//evil.example/c', '/a\\b', 'matomo', 'gtag', 'Piano'),
  fc.constant(['https://ok.example']),
  fc.constant(['*']),
  fc.constant({ trackers: [], reason: 'x' }),
  fc.constantFrom(0, 1, 5, 6, 6.5, 12, 13, -1, 2 ** 60, Number.NaN),
  fc.boolean(),
  fc.constant(null),
  fc.constant({}),
  fc.constant([]),
  fc.constant({ fr: '' }),
  fc.constant({ en: 'ok' }),
  fc.string(),
);

/** Every path to a value inside `value`. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((key) => pathsOf((value as Record<string | number, unknown>)[key], [...prefix, key]))];
}

type Mutation = { path: (string | number)[]; action: 'set' | 'delete' | 'add'; value: unknown; key: string };

function mutate(base: unknown, mutations: Mutation[]): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  for (const { path, action, value, key } of mutations) {
    let parent: unknown = copy;
    for (const step of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)?.[step];
    if (typeof parent !== 'object' || parent === null) continue;
    const last = path.at(-1);
    const target = parent as Record<string | number, unknown>;
    if (last === undefined) continue;
    // Own data properties, as JSON.parse makes them: a `__proto__` key is data, not the prototype.
    const own = { value, enumerable: true, writable: true, configurable: true };
    if (action === 'set') Object.defineProperty(target, last, own);
    else if (action === 'delete') {
      if (!Array.isArray(target)) delete target[last];
    } else if (typeof target[last] === 'object' && target[last] !== null && !Array.isArray(target[last])) {
      Object.defineProperty(target[last], key, own);
    }
  }
  return copy;
}

function mutations(base: unknown) {
  const paths = pathsOf(base).filter((p) => p.length > 0);
  return fc.array(
    fc.record({
      path: fc.constantFrom(...paths),
      action: fc.constantFrom('set', 'delete', 'add') as fc.Arbitrary<Mutation['action']>,
      value: anyValue,
      key: fc.constantFrom('extra', 'fr', 'en', '__proto__', 'constructor'),
    }),
    { minLength: 1, maxLength: 3 },
  );
}

/** `base` with `value` at `path` (`tenant.id`, `trackers[1].cookies[0].name`), or without it for `undefined`. */
function withValue(base: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  const keys = path.split(/\.|(?=\[)/).map((key) => (key.startsWith('[') ? Number(key.slice(1, -1)) : key));
  let parent = copy;
  for (const key of keys.slice(0, -1)) parent = (parent[key] ??= {}) as Record<string | number, unknown>;
  const last = keys.at(-1)!;
  if (value === undefined) delete parent[last];
  else Object.defineProperty(parent, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const own = 'trackers[1]';

/**
 * Each leaf rule of a config at its edges, written from the contract (docs/contract.md §2 and §3),
 * not from rules.ts: the value at each bound, one past it, and values of the wrong type. `null`:
 * accepted; otherwise the path of the one problem both validators must report.
 */
const EDGES: [path: string, value: unknown, problem: string | null][] = [
  ['tenant.id', 'a', null],
  ['tenant.id', 'x'.repeat(40), null],
  ['tenant.id', 'x'.repeat(41), 'tenant.id'],
  ['tenant.id', '', 'tenant.id'],
  ['tenant.id', 'Mutuelle', 'tenant.id'],
  ['tenant.id', 'a_b', 'tenant.id'],
  ['tenant.id', 1, 'tenant.id'],
  ['tenant.id', undefined, 'tenant.id'],
  ['tenant.name', 'M', null],
  ['tenant.name', '', 'tenant.name'],
  ['tenant.name', ['M'], 'tenant.name'],
  ['tenant.consentMaxAgeMonths', 5, 'tenant.consentMaxAgeMonths'],
  ['tenant.consentMaxAgeMonths', 6, null],
  ['tenant.consentMaxAgeMonths', 7, null],
  ['tenant.consentMaxAgeMonths', 12, null],
  ['tenant.consentMaxAgeMonths', 13, 'tenant.consentMaxAgeMonths'],
  ['tenant.consentMaxAgeMonths', 6.5, 'tenant.consentMaxAgeMonths'],
  ['tenant.consentMaxAgeMonths', '6', 'tenant.consentMaxAgeMonths'],
  ['tenant.consentMaxAgeMonths', null, 'tenant.consentMaxAgeMonths'],
  ['tenant.consentMaxAgeMonths', Number.NaN, 'tenant.consentMaxAgeMonths'],
  ['tenant.consentMaxAgeMonths', undefined, null],
  ['tenant.privacyPolicyUrl', 'http://example.org/p', null],
  ['tenant.privacyPolicyUrl', 'javascript:alert(1)', 'tenant.privacyPolicyUrl'],
  ['tenant.privacyPolicyUrl', '/p', 'tenant.privacyPolicyUrl'],
  ['tenant.locale', 'fr', null],
  ['tenant.locale', 'de', 'tenant.locale'],
  ['tenant.locale', 'EN', 'tenant.locale'],
  ['tenant.locale', 'en ', 'tenant.locale'],
  ['tenant.cookieDomain', '.example.org', null],
  ['tenant.cookieDomain', 'example .org', 'tenant.cookieDomain'],
  ['tenant.cookieDomain', '', 'tenant.cookieDomain'],
  ['revision', 0, 'revision'],
  ['revision', 1, null],
  ['revision', MAX_SAFE, null],
  ['revision', MAX_SAFE + 1, 'revision'],
  ['revision', 1.5, 'revision'],
  ['revision', '2', 'revision'],
  ['trackers', [], null],
  ['trackers', 'matomo', 'trackers'],
  ['trackers[0]', 1, 'trackers[0]'],
  ['categories[0].id', 'x'.repeat(41), 'categories[0].id'],
  ['categories[0].name', {}, 'categories[0].name'],
  ['cookieName', 'x', null],
  ['cookieName', 'x'.repeat(64), null],
  ['cookieName', 'x'.repeat(65), 'cookieName'],
  ['cookieName', '', 'cookieName'],
  ['cookieName', 'a.b', 'cookieName'],
  ['cookieName', '_Host-x', null],
  ['cookieName', '__Host-x', 'cookieName'],
  ['cookieName', '__secure-x', 'cookieName'],
  ['cookieName', 1, 'cookieName'],
  ['googleConsentMode', 'true', 'googleConsentMode'],
  ['floatingButton', 0, 'floatingButton'],
  ['globalPrivacyControl', null, 'globalPrivacyControl'],
  ['nonce', '', 'nonce'],
  ['excludedPaths', ['/'], null],
  ['excludedPaths', ['espace/*'], 'excludedPaths[0]'],
  ['excludedPaths', '/espace/*', 'excludedPaths'],
  ['consentEndpoint', '/c', null],
  ['consentEndpoint', '//evil.example/c', 'consentEndpoint'],
  ['consentEndpoint', 'https://example.org/c', 'consentEndpoint'],
  ['texts.fr.rejectAll', 'Non', null],
  ['texts.fr.rejectAll', '', 'texts.fr.rejectAll'],
  ['texts.fr.rejectAll', ' ', 'texts.fr.rejectAll'],
  ['texts.en.bannerTitel', 'Cookies', 'texts.en.bannerTitel'],
  ['texts.de', {}, 'texts.de'],
  ['texts.fr.d', 'jour|jours', null],
  ['texts.fr.d', 'jour', null],
  ['texts.fr.d', 'jour|', 'texts.fr.d'],
  ['texts.fr.d', 'a|b|c', 'texts.fr.d'],
  ['texts.fr.y', 1, 'texts.fr.y'],
  [`${own}.id`, 'x'.repeat(41), `${own}.id`],
  [`${own}.description`, {}, `${own}.description`],
  [`${own}.description`, { fr: '' }, `${own}.description.fr`],
  [`${own}.cookies[0].name`, 'a*', null],
  [`${own}.cookies[0].name`, '*', `${own}.cookies[0].name`],
  [`${own}.cookies[0].name`, 'a b', `${own}.cookies[0].name`],
  [`${own}.cookies[0].lifetime`, '1s', null],
  [`${own}.cookies[0].lifetime`, '0s', `${own}.cookies[0].lifetime`],
  [`${own}.cookies[0].lifetime`, '30s2min', `${own}.cookies[0].lifetime`],
  [`${own}.storage[0]`, '*', `${own}.storage[0]`],
  [`${own}.sources[0]`, 'http://example.org', `${own}.sources[0]`],
  [`${own}.advertising`, 'yes', `${own}.advertising`],
  [`${own}.cookies[0].basis`, 'other', null],
  [`${own}.cookies[0].basis`, 'Vendor', `${own}.cookies[0].basis`],
  [`${own}.cookies[0].basis`, '', `${own}.cookies[0].basis`],
  [`${own}.cookies[0].thirdParty`, 'true', `${own}.cookies[0].thirdParty`],
  [`${own}.otherSources`, [], null],
  [`${own}.otherSources[0]`, 'http://example.net', `${own}.otherSources[0]`],
  [`${own}.cookies[1].sharedWith.trackers[0]`, 'Matomo', `${own}.cookies[1].sharedWith.trackers[0]`],
  [`${own}.cookies[1].lifetimeSetting`, '', `${own}.cookies[1].lifetimeSetting`],
];

/**
 * What a row of `EDGES` checks: a config, or for a row of the site's own tracker, that tracker alone,
 * as the config's resolution checks it (the config schema only tells a tracker object from an id).
 */
function subject(path: string, value: unknown, problem: string | null) {
  const expected = (inner: (p: string) => string) => (problem === null ? 'valid' : [inner(problem)]);
  if (!path.startsWith(`${own}.`)) return { check: checkConfig, schema: configSchema, input: withValue(validConfig, path, value), expected: expected((p) => p) };
  const inner = (p: string) => p.slice(own.length + 1);
  return { check: checkTracker, schema: trackerSchema, input: withValue(validTracker, inner(path), value), expected: expected(inner) };
}

describe('each leaf rule at its edges', () => {
  it.each(EDGES)('%s = %j, in the browser’s validator: a problem at %s (null: none)', (path, value, problem) => {
    const { check, input, expected } = subject(path, value, problem);
    expect(checkPaths(check, input)).toEqual(expected);
  });

  it.each(EDGES)('%s = %j, in the zod schemas: a problem at %s (null: none)', (path, value, problem) => {
    const { schema, input, expected } = subject(path, value, problem);
    expect(zodPaths(schema, input)).toEqual(expected);
  });
});

describe('the browser’s validator and the published zod schemas', () => {
  it('accept the same valid config and give it the same defaults', () => {
    const issues: Problem[] = [];
    expect(checkConfig(validConfig, '', issues)).toEqual(z.parse(configSchema, validConfig));
    expect(checkConfig({ tenant: { id: 'a', name: 'A' }, trackers: [] }, '', issues)).toEqual(
      z.parse(configSchema, { tenant: { id: 'a', name: 'A' }, trackers: [] }),
    );
    expect(issues).toEqual([]);
  });

  it('reject the same mutated configs, at the same paths', () => {
    fc.assert(
      fc.property(mutations(validConfig), (changes) => {
        const input = mutate(validConfig, changes);
        expect(checkPaths(checkConfig, input)).toEqual(zodPaths(configSchema, input));
      }),
      { seed: 20261122, numRuns: 2000 },
    );
  });

  it('reject the same mutated trackers, at the same paths', () => {
    fc.assert(
      fc.property(mutations(validTracker), (changes) => {
        const input = mutate(validTracker, changes);
        expect(checkPaths(checkTracker, input)).toEqual(zodPaths(trackerSchema, input));
      }),
      { seed: 20261122, numRuns: 2000 },
    );
  });
});
