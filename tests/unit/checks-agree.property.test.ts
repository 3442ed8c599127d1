import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { checkConfig, checkTracker } from '../../src/config/checks';
import type { ConfigIssue } from '../../src/config/error';
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
  const issues: ConfigIssue[] = [];
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
    { name: 'chat_*', lifetime: '30d', purpose: { en: 'Session' } },
    {
      name: 'chat/session',
      lifetime: '2min30s',
      purpose: { fr: 'Session' },
      sharedWith: { trackers: ['matomo'], reason: 'Set for both' },
      lifetimeSetting: 'cookie_expires',
    },
  ],
  storage: ['chat_user', 'chat_*'],
  sources: ['https://example.org/cookies'],
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
  fc.constantFrom('', 'fr', 'de', 'Mutuelle', 'javascript:alert(1)', 'https://ok.example', 'http://ok.example', '13mo', '13 months', '2min30s', '30s2min', 'a*b', '_pk_*', 'a/b', 'a;b', '*', 'UPPER', 'x'.repeat(41), '/', '/a b', '/santé/*', 'espace/*', '/a?b', '/a#b', '//evil.example/c', '/a\\b', 'matomo', 'gtag', 'Piano'),
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

describe('the browser’s validator and the published zod schemas', () => {
  it('accept the same valid config and give it the same defaults', () => {
    const issues: ConfigIssue[] = [];
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
