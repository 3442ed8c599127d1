import { afterEach, describe, expect, it } from 'vitest';
import { catalog } from '../../src/config/catalog';
import { parseConfig } from '../../src/config/parse';
import { type ConfigIssue, init, type TemoinConfig, TemoinConfigError } from '../../src/index';

/** A valid config, to be broken one field at a time. */
function config(overrides: Record<string, unknown> = {}, tenant: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    tenant: { id: 'vivoptim', name: 'Vivoptim', privacyPolicyUrl: 'https://example.org/confidentialite', ...tenant },
    trackers: ['matomo', 'zendesk', 'google-analytics'],
    ...overrides,
  };
}

/** The issues `parseConfig` reports for `input`; fails the test if it returns instead of throwing. */
function issuesOf(input: unknown): ConfigIssue[] {
  try {
    parseConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(TemoinConfigError);
    return (error as TemoinConfigError).issues;
  }
  throw new Error('the config was accepted');
}

/** The one issue reported at `path`. */
function issueAt(input: unknown, path: string): ConfigIssue {
  const issues = issuesOf(input);
  const found = issues.filter((issue) => issue.path === path);
  expect(found, `issues at ${path} among ${JSON.stringify(issues)}`).toHaveLength(1);
  return found[0];
}

const ownTracker = {
  id: 'intranet-stats',
  name: 'Statistiques internes',
  provider: 'Vivoptim',
  category: 'audience',
  description: { fr: 'Mesure interne de fréquentation.' },
  cookies: [{ name: 'stats_id', lifetime: '13mo', purpose: { fr: 'Identifie le visiteur.' } }],
};

describe('a site developer writing a valid config', () => {
  it('gets the defaults: 6 months, French, revision 1, the cookie named temoin', () => {
    const resolved = parseConfig(config());
    expect(resolved.tenant.consentMaxAgeMonths).toBe(6);
    expect(resolved.tenant.locale).toBe('fr');
    expect(resolved.revision).toBe(1);
    expect(resolved.cookieName).toBe('temoin');
  });

  it('gets the catalog entries of the ids listed, in order', () => {
    const resolved = parseConfig(config());
    expect(resolved.trackers.map((t) => t.id)).toEqual(['matomo', 'zendesk', 'google-analytics']);
    expect(resolved.trackers[0].cookies.map((c) => c.name)).toContain('_pk_id.*');
  });

  it('gets the two built-in categories, functional being the one exempt from consent', () => {
    const resolved = parseConfig(config());
    expect(resolved.categories.map((c) => [c.id, c.required])).toEqual([
      ['functional', true],
      ['audience', false],
    ]);
  });

  it('keeps the values it sets', () => {
    const resolved = parseConfig(config({ revision: 3 }, { consentMaxAgeMonths: 9, locale: 'en', cookieDomain: 'example.org' }));
    expect(resolved.revision).toBe(3);
    expect(resolved.tenant).toMatchObject({ consentMaxAgeMonths: 9, locale: 'en', cookieDomain: 'example.org' });
  });

  it('does not change the object it passes', () => {
    const input = config();
    const before = JSON.stringify(input);
    parseConfig(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('a site developer setting the tenant id', () => {
  it.each(['a', 'vivoptim', 'mutuelle-2', 'x'.repeat(40)])('may use %j', (id) => {
    expect(parseConfig(config({}, { id })).tenant.id).toBe(id);
  });

  it.each(['', 'Vivoptim', 'viv_optim', 'viv optim', 'vivoptim.fr', 'x'.repeat(41), 'ćeśka'])('is told %j breaks the id rule', (id) => {
    const issue = issueAt(config({}, { id }), 'tenant.id');
    expect(issue.message).toMatch(/40/);
    expect(issue.message).toMatch(/a-z/);
  });

  it('is told a number is not an id', () => {
    expect(issueAt(config({}, { id: 42 }), 'tenant.id').message).toMatch(/string/);
  });

  it('is told the tenant id is required', () => {
    expect(issueAt(config({}, { id: undefined }), 'tenant.id').message).toMatch(/required/);
  });

  it('is told the tenant itself is required', () => {
    expect(issueAt({ trackers: [] }, 'tenant').message).toMatch(/required/);
  });

  it('is told the tenant name is required', () => {
    expect(issueAt(config({}, { name: undefined }), 'tenant.name').message).toMatch(/required/);
  });
});

describe('a site developer setting how long a choice is kept', () => {
  it.each([6, 7, 12])('may keep it %i months', (months) => {
    expect(parseConfig(config({}, { consentMaxAgeMonths: months })).tenant.consentMaxAgeMonths).toBe(months);
  });

  it.each([5, 13, 0, -6, 24])('is told %j months is out of the 6 to 12 range', (months) => {
    const issue = issueAt(config({}, { consentMaxAgeMonths: months }), 'tenant.consentMaxAgeMonths');
    expect(issue.message).toMatch(/6/);
    expect(issue.message).toMatch(/12/);
  });

  it.each([6.5, '6', null, true])('is told %j is not an integer', (months) => {
    expect(issueAt(config({}, { consentMaxAgeMonths: months }), 'tenant.consentMaxAgeMonths').message).toMatch(/integer/);
  });
});

describe('a site developer linking the privacy policy', () => {
  it.each(['https://example.org/confidentialite', 'http://intranet.example.org/privacy'])('may link %s', (url) => {
    expect(parseConfig(config({}, { privacyPolicyUrl: url })).tenant.privacyPolicyUrl).toBe(url);
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://example.org/p', '/confidentialite', 'not a url'])(
    'is told %s is not an http(s) URL',
    (url) => {
      expect(issueAt(config({}, { privacyPolicyUrl: url }), 'tenant.privacyPolicyUrl').message).toMatch(/https?:/);
    },
  );

  it('is told the same of a tracker of its own linking a javascript: URL', () => {
    const issue = issueAt(config({ trackers: [{ ...ownTracker, privacyPolicyUrl: 'javascript:alert(1)' }] }), 'trackers[0].privacyPolicyUrl');
    expect(issue.message).toMatch(/https?:/);
  });
});

describe('a site developer naming the consent cookie', () => {
  it.each(['temoin', 'consent_azur', 'Host-x', '_Host-x', '__Hostx', 'x__Host-', 'x'.repeat(64)])('may name it %j', (cookieName) => {
    expect(parseConfig(config({ cookieName })).cookieName).toBe(cookieName);
  });

  it.each(['__Host-temoin', '__Secure-temoin', '__host-temoin', '__SECURE-temoin', '__Host-'])(
    'is told %j carries a prefix browsers enforce, which would drop the cookie',
    (cookieName) => {
      expect(issueAt(config({ cookieName }), 'cookieName').message).toBe(
        'must be 1 to 64 letters, digits, "_" or "-", not starting with "__Host-" or "__Secure-" (browsers would drop it)',
      );
    },
  );

  it('is told the same by init(), with a TemoinConfigError naming the field', () => {
    expect(() => init(config({ cookieName: '__Host-temoin' }) as unknown as TemoinConfig, { catalog: Object.values(catalog) })).toThrow(/cookieName: .*not starting with "__Host-" or "__Secure-" \(browsers would drop it\)/);
  });
});

describe('a site developer replacing the widget’s texts', () => {
  it('may replace any of them, in French and in English', () => {
    const texts = { fr: { rejectAll: 'Je refuse', bannerText: '{tenant} : {purposes}', d: 'jour|jours' }, en: { mo: 'month', saved: 'Saved' } };
    expect(parseConfig(config({ texts })).texts).toEqual(texts);
  });

  it.each([
    ['texts.fr.bannerTitel', { fr: { bannerTitel: 'Vos choix' } }],
    ['texts.en.reject', { en: { reject: 'No' } }],
    ['texts.fr.__proto__', JSON.parse('{"fr": {"__proto__": "x"}}')],
  ])('is told %s is not a text of the widget', (path, texts) => {
    expect(issueAt(config({ texts }), path).message).toBe('is not a known field');
  });

  it.each(['', ' ', '\u00a0\n'])('is told a text of %j is empty: an empty “Tout refuser” would break the equal choice', (rejectAll) => {
    expect(issueAt(config({ texts: { fr: { rejectAll } } }), 'texts.fr.rejectAll').message).toBe('must not be empty');
  });

  it.each(['jour|jours', 'jour', 'mois|mois'])('may write a unit as %j', (d) => {
    expect(parseConfig(config({ texts: { fr: { d } } })).texts.fr).toEqual({ d });
  });

  it.each(['', '|jours', 'jour|', 'jour|jours|', 'a|b|c', ' | '])('is told a unit written %j is not "singular|plural"', (d) => {
    expect(issueAt(config({ texts: { fr: { d } } }), 'texts.fr.d').message).toBe('must be "singular|plural" or one form');
  });

  it.each([42, null, ['Tout refuser']])('is told a text of %j is not a string', (rejectAll) => {
    expect(issueAt(config({ texts: { en: { rejectAll } } }), 'texts.en.rejectAll').message).toBe('must be a string');
  });

  it('is told by init(), with a TemoinConfigError listing each problem at its path', () => {
    const texts = { fr: { bannerTitel: 'Vos choix', rejectAll: '' } };
    let error: unknown;
    try {
      init(config({ texts }) as unknown as TemoinConfig, { catalog: Object.values(catalog) });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(TemoinConfigError);
    expect((error as TemoinConfigError).issues).toEqual([
      { path: 'texts.fr.rejectAll', message: 'must not be empty' },
      { path: 'texts.fr.bannerTitel', message: 'is not a known field' },
    ]);
  });
});

describe('a site developer setting the consent endpoint', () => {
  it.each(['/temoin/consent', '/api/consent?site=azur'])('may set %s', (path) => {
    expect(parseConfig(config({ consentEndpoint: path })).consentEndpoint).toBe(path);
  });

  it('leaves it out by default', () => {
    expect(parseConfig(config()).consentEndpoint).toBeUndefined();
  });

  it.each(['https://example.org/consent', '//evil.example/consent', '/\\evil.example/consent', 'consent', '/a//b', '/with space', ''])(
    'is told %j is not a path of the site’s own origin, naming the field',
    (path) => {
      expect(issueAt(config({ consentEndpoint: path }), 'consentEndpoint').message).toMatch(/path of this site/);
    },
  );
});

describe('a site developer choosing the language', () => {
  it('gets English with "en"', () => {
    expect(parseConfig(config({}, { locale: 'en' })).tenant.locale).toBe('en');
  });

  it.each(['de', 'FR', 'fr-FR', ''])('is told %j is not a language temoin speaks, and which ones it does', (locale) => {
    const issue = issueAt(config({}, { locale }), 'tenant.locale');
    expect(issue.message).toContain('"fr"');
    expect(issue.message).toContain('"en"');
  });
});

describe('a site developer keeping trackers off health pages (excludedPaths)', () => {
  it('gets none by default', () => {
    expect(parseConfig(config()).excludedPaths).toEqual([]);
  });

  it.each([['/espace-adherent/*'], ['/teleconsultation', '/questionnaire-*/etape-*'], ['/sant%C3%A9/*'], ['/*']])('may list %j', (...patterns) => {
    expect(parseConfig(config({ excludedPaths: patterns })).excludedPaths).toEqual(patterns);
  });

  it.each(['espace-adherent/*', '', '/santé/*', '/espace adherent', '/a?b=1', '/a#top', 'https://example.org/espace/*'])(
    'is told %j is not a path pattern, at its index, and how to write one',
    (pattern) => {
      const issue = issueAt(config({ excludedPaths: ['/ok', pattern] }), 'excludedPaths[1]');
      expect(issue.message).toContain('"/espace-adherent/*"');
      expect(issue.message).toContain('percent-encoded');
    },
  );

  it.each([{ value: '/espace-adherent/*' }, { value: 42 }, { value: [42] }, { value: null }])('is told $value is not a list of path patterns', ({ value }) => {
    const issues = issuesOf(config({ excludedPaths: value }));
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((issue) => issue.path.startsWith('excludedPaths'))).toBe(true);
  });
});

describe('a site developer raising the revision', () => {
  it.each([1, 2, 100])('may set revision %i', (revision) => {
    expect(parseConfig(config({ revision })).revision).toBe(revision);
  });

  it.each([0, -1])('is told revision %j is below 1', (revision) => {
    expect(issueAt(config({ revision }), 'revision').message).toMatch(/1 or more|≥ ?1|at least 1/);
  });

  it.each([1.5, '2', null])('is told revision %j is not an integer', (revision) => {
    expect(issueAt(config({ revision }), 'revision').message).toMatch(/integer/);
  });
});

describe('a site developer listing trackers by catalog id', () => {
  it('is told the trackers are required', () => {
    expect(issueAt({ tenant: { id: 'vivoptim', name: 'Vivoptim' } }, 'trackers').message).toMatch(/required/);
  });

  it('is told trackers must be an array', () => {
    expect(issueAt(config({ trackers: 'matomo' }), 'trackers').message).toMatch(/array/);
  });

  it('is told "matomoo" is unknown, and that "matomo" is the closest id', () => {
    const { message } = issueAt(config({ trackers: ['zendesk', 'matomoo'] }), 'trackers[1]');
    expect(message).toContain('"matomoo"');
    expect(message).toMatch(/did you mean[^?]*"matomo"/);
  });

  it('is told "google" is unknown, and that "google-analytics" is the closest id', () => {
    const { message } = issueAt(config({ trackers: ['google'] }), 'trackers[0]');
    expect(message).toContain('"google"');
    expect(message).toMatch(/did you mean[^?]*"google-analytics"/);
  });

  it('is offered no near miss for an id like no other, yet told which ids exist', () => {
    const { message } = issueAt(config({ trackers: ['crazyegg-heatmaps'] }), 'trackers[0]');
    expect(message).toContain('"crazyegg-heatmaps"');
    expect(message).not.toMatch(/did you mean/);
    expect(message).toContain('matomo');
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'is told %j is not in the catalog, as any unknown id (no inherited property passes for an entry)',
    (id) => {
      const { message } = issueAt(config({ trackers: [id] }), 'trackers[0]');
      expect(message).toContain(`"${id}"`);
      expect(message).toMatch(/not in the catalog/);
    },
  );

  it('is told a tracker listed twice is listed twice', () => {
    expect(issueAt(config({ trackers: ['matomo', 'zendesk', 'matomo'] }), 'trackers[2]').message).toContain('"matomo"');
  });

  it('is told a number is neither an id nor a tracker', () => {
    expect(issueAt(config({ trackers: [42] }), 'trackers[0]').message).toMatch(/id|tracker/);
  });
});

describe('a site developer declaring a tracker of its own', () => {
  it('gets the whole tracker object as given', () => {
    const resolved = parseConfig(config({ trackers: ['matomo', ownTracker] }));
    expect(resolved.trackers[1]).toEqual(ownTracker);
  });

  it('is told which fields a tracker of its own lacks', () => {
    const issues = issuesOf(config({ trackers: [{ id: 'intranet-stats', category: 'audience' }] }));
    const paths = issues.map((issue) => issue.path);
    for (const field of ['name', 'provider', 'description', 'cookies']) expect(paths).toContain(`trackers[0].${field}`);
  });

  it('is told an unknown field of a tracker object is not known, naming it', () => {
    expect(issueAt(config({ trackers: [{ ...ownTracker, cookie: [] }] }), 'trackers[0].cookie').message).toMatch(/not a known field/);
  });

  it('is told a cookie lifetime of "13 months" is not one, and how to write it', () => {
    const trackers = [{ ...ownTracker, cookies: [{ ...ownTracker.cookies[0], lifetime: '13 months' }] }];
    const { message } = issueAt(config({ trackers }), 'trackers[0].cookies[0].lifetime');
    expect(message).toMatch(/session/);
    expect(message).toMatch(/mo/);
  });

  it.each(['0mo', '13', 'mo', '1.5y', '2 y', '13MO', 'forever', '30s2min', '1h1h', '2min 30s', '1min0s', '0s', ''])('is told the lifetime %j is not one', (lifetime) => {
    const trackers = [{ ...ownTracker, cookies: [{ ...ownTracker.cookies[0], lifetime }] }];
    issueAt(config({ trackers }), 'trackers[0].cookies[0].lifetime');
  });

  it.each(['session', '30min', '24h', '90d', '13mo', '2y', '150s', '2min30s', '1y6mo', '1d12h', '1h30min15s'])('may write the lifetime %j', (lifetime) => {
    const trackers = [{ ...ownTracker, cookies: [{ ...ownTracker.cookies[0], lifetime }] }];
    expect(parseConfig(config({ trackers })).trackers[0].cookies[0].lifetime).toBe(lifetime);
  });

  it('is told a cookie name with * in the middle is not a prefix pattern', () => {
    const trackers = [{ ...ownTracker, cookies: [{ ...ownTracker.cookies[0], name: '_pk*_id' }] }];
    expect(issueAt(config({ trackers }), 'trackers[0].cookies[0].name').message).toMatch(/\*/);
  });

  it.each(['a b', 'a;b', 'a=b', 'a,b', 'a\tb', 'a\nb', 'a"b', 'a\\b', 'cookie\u00e9', '\u0000x', '', '*'])(
    'is told %j is not a cookie name: it could break the Cookie header',
    (name) => {
      const trackers = [{ ...ownTracker, cookies: [{ ...ownTracker.cookies[0], name }] }];
      issueAt(config({ trackers }), 'trackers[0].cookies[0].name');
    },
  );

  it.each(['intercom-session-abc/def', 'AMCV_1A2B@AdobeOrg', 'crisp-client/session/*', '__Host-id', '_pk_id.*'])(
    'may declare %j, a name its vendor documents though it is no RFC 6265 token',
    (name) => {
      const trackers = [{ ...ownTracker, cookies: [{ ...ownTracker.cookies[0], name }] }];
      expect(parseConfig(config({ trackers })).trackers[0].cookies[0].name).toBe(name);
    },
  );

  it('may declare the storage keys and the sources of its tracker', () => {
    const tracker = { ...ownTracker, storage: ['stats_user', 'stats_*'], sources: ['https://example.org/cookies'] };
    expect(parseConfig(config({ trackers: [tracker] })).trackers[0]).toMatchObject({ storage: ['stats_user', 'stats_*'], sources: ['https://example.org/cookies'] });
  });

  it('may say where each cookie of its tracker is known from, and that one is set on the vendor’s domain', () => {
    const cookies = [{ ...ownTracker.cookies[0], basis: 'other', thirdParty: true }];
    const tracker = { ...ownTracker, cookies, otherSources: ['https://example.org/observed'] };
    expect(parseConfig(config({ trackers: [tracker] })).trackers[0]).toMatchObject({ cookies, otherSources: tracker.otherSources });
  });

  it.each(['Vendor', 'observed', ''])('is told the basis %j is neither "vendor" nor "other"', (basis) => {
    const cookies = [{ ...ownTracker.cookies[0], basis }];
    expect(issueAt(config({ trackers: [{ ...ownTracker, cookies }] }), 'trackers[0].cookies[0].basis').message).toBe('must be one of "vendor", "other"');
  });

  it.each(['*', '', 'a*b'])('is told %j is not a storage key', (key) => {
    expect(issueAt(config({ trackers: [{ ...ownTracker, storage: [key] }] }), 'trackers[0].storage[0]').message).toMatch(/storage key/);
  });

  it.each(['http://example.org/cookies', 'javascript:alert(1)', '/cookies'])('is told the source %j is not an https: URL', (url) => {
    expect(issueAt(config({ trackers: [{ ...ownTracker, sources: [url] }] }), 'trackers[0].sources[0]').message).toMatch(/https:/);
    expect(issueAt(config({ trackers: [{ ...ownTracker, otherSources: [url] }] }), 'trackers[0].otherSources[0]').message).toMatch(/https:/);
  });

  it('may say why a cookie is shared with another tracker, and is told when the reason is missing', () => {
    const shared = { ...ownTracker.cookies[0], sharedWith: { trackers: ['matomo'], reason: 'One script sets it for both.' } };
    expect(parseConfig(config({ trackers: [{ ...ownTracker, cookies: [shared] }] })).trackers[0].cookies[0].sharedWith).toEqual(shared.sharedWith);
    const unexplained = { ...shared, sharedWith: { trackers: ['matomo'] } };
    issueAt(config({ trackers: [{ ...ownTracker, cookies: [unexplained] }] }), 'trackers[0].cookies[0].sharedWith.reason');
  });
});

describe('a site developer changing a catalog tracker', () => {
  it('moves matomo to the functional category with { id, category }, keeping the rest of its entry', () => {
    const resolved = parseConfig(config({ trackers: [{ id: 'matomo', category: 'functional' }] }));
    const matomo = resolved.trackers[0];
    expect(matomo.category).toBe('functional');
    expect(matomo.name).toBe('Matomo');
    expect(matomo.cookies.map((c) => c.name)).toEqual(['_pk_id.*', '_pk_ses.*', '_pk_ref.*', '_pk_cvar.*']);
  });

  it('replaces the cookies of a catalog entry', () => {
    const cookies = [{ name: '_pk_id.*', lifetime: '6mo', purpose: { fr: 'Identifie le visiteur.' } }];
    expect(parseConfig(config({ trackers: [{ id: 'matomo', cookies }] })).trackers[0].cookies).toEqual(cookies);
  });

  it('is told a replaced cookie with a bad lifetime is wrong, at its path', () => {
    const cookies = [{ name: '_pk_id.*', lifetime: '13 months', purpose: { fr: 'Identifie le visiteur.' } }];
    issueAt(config({ trackers: [{ id: 'matomo', cookies }] }), 'trackers[0].cookies[0].lifetime');
  });

  it('keeps the entry’s field where an override sets it to undefined, as JavaScript configs may', () => {
    const [matomo] = parseConfig(config({ trackers: [{ id: 'matomo', name: 'Statistiques', category: undefined }] })).trackers;
    expect(matomo).toMatchObject({ name: 'Statistiques', category: 'audience' });
  });

  it.each([{ value: 42 }, { value: { id: 'matomo' } }, { value: Object.create(null) }])('is told an override whose id is $value names no entry', ({ value }) => {
    expect(issueAt(config({ trackers: [{ id: value, category: 'functional' }] }), 'trackers[0].id').message).toMatch(/string/);
  });

  it('is told an override of a wrong type names the field', () => {
    expect(issueAt(config({ trackers: [{ id: 'matomo', advertising: 'yes' }] }), 'trackers[0].advertising').message).toMatch(/true or false|boolean/);
  });
});

describe('a site developer running an audience measurement exempt from consent (docs/contract.md §17)', () => {
  it('names it with { id, exempt: true } on an entry whose vendor documents an exemption', () => {
    const resolved = parseConfig(config({ trackers: [{ id: 'matomo', exempt: true }, 'zendesk'] }));
    expect(resolved.trackers[0]).toMatchObject({ id: 'matomo', exempt: true, exemption: { url: expect.stringMatching(/^https:/) } });
    expect(resolved.trackers[0].cookies).toEqual(catalog.matomo.cookies);
  });

  it('reloads on a withdrawal unless told not to', () => {
    expect(parseConfig(config()).reloadOnWithdrawal).toBe(true);
    expect(parseConfig(config({ reloadOnWithdrawal: false })).reloadOnWithdrawal).toBe(false);
    expect(issueAt(config({ reloadOnWithdrawal: 'no' }), 'reloadOnWithdrawal').message).toBe('must be true or false');
  });

  it('is told a tracker whose entry declares no exemption cannot run exempt, at its path', () => {
    const { message } = issueAt(config({ trackers: ['matomo', { id: 'google-analytics', exempt: true }] }), 'trackers[1].exempt');
    expect(message).toBe('"google-analytics" has no "exemption" to run under');
  });

  it('is told an exempt tracker may not keep a cookie over 13 months, naming the cookie', () => {
    const cookies = [{ name: '_pk_id.*', lifetime: '13mo1d', purpose: { fr: 'Identifiant' } }];
    const { message } = issueAt(config({ trackers: [{ id: 'matomo', exempt: true, cookies }] }), 'trackers[0].exempt');
    expect(message).toBe('cookie _pk_id.* lives over 13 months');
    expect(() => parseConfig(config({ trackers: [{ id: 'matomo', exempt: true, cookies: [{ ...cookies[0], lifetime: '1y1mo' }] }] }))).not.toThrow();
  });

  it('may give a tracker of its own an exemption and run it exempt', () => {
    const exemption = { conditions: { fr: 'IP anonymisée' }, url: 'https://example.org/exemption' };
    expect(parseConfig(config({ trackers: [{ ...ownTracker, exemption, exempt: true }] })).trackers[0].exempt).toBe(true);
    expect(issueAt(config({ trackers: [{ ...ownTracker, exemption: { ...exemption, url: 'http://example.org' } }] }), 'trackers[0].exemption.url').message).toBe(
      'must be an https: URL',
    );
  });

  it('may name the consent API of a tracker of its own among those temoin calls, never a function of its own', () => {
    expect(parseConfig(config({ trackers: [{ ...ownTracker, consentApi: 'matomo' }] })).trackers[0].consentApi).toBe('matomo');
    for (const bad of ['eval', 'fbq', 'MATOMO']) {
      expect(issueAt(config({ trackers: [{ ...ownTracker, consentApi: bad }] }), 'trackers[0].consentApi').message).toBe(
        'must be one of "matomo", "gtag-analytics", "gtag-ads", "clarity", "piano", "meta", "tiktok"',
      );
    }
  });
});

describe('a site developer adding categories', () => {
  const videos = { id: 'videos', name: { fr: 'Vidéos', en: 'Videos' } };

  it('may put a tracker in a category it adds, which needs consent', () => {
    const resolved = parseConfig(config({ categories: [videos], trackers: [{ id: 'youtube', category: 'videos' }] }));
    expect(resolved.trackers[0].category).toBe('videos');
    expect(resolved.categories.find((c) => c.id === 'videos')).toMatchObject({ id: 'videos', required: false });
  });

  it('is told a tracker in a category nobody declared is in an unknown category, naming it', () => {
    const { message } = issueAt(config({ trackers: [{ id: 'youtube', category: 'videos' }] }), 'trackers[0].category');
    expect(message).toContain('"videos"');
  });

  it('is told a category added twice already exists', () => {
    expect(issueAt(config({ categories: [videos, videos] }), 'categories[1].id').message).toContain('"videos"');
  });

  it.each(['functional', 'audience'])('is told the built-in category %s cannot be added again', (id) => {
    expect(issueAt(config({ categories: [{ id, name: { fr: 'X' } }] }), 'categories[0].id').message).toContain(`"${id}"`);
  });

  it('is told of categories that are not objects, even when the rest of the config is wrong too', () => {
    const issues = issuesOf({ tenant: {}, trackers: [], categories: [null, 'videos', 42, null] });
    const paths = issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['tenant.id', 'tenant.name', 'categories[0]', 'categories[1]', 'categories[2]', 'categories[3]']));
  });

  it('cannot make an added category exempt from consent', () => {
    issueAt(config({ categories: [{ ...videos, required: true }] }), 'categories[0].required');
  });

  it('is told a category needs a name', () => {
    expect(issueAt(config({ categories: [{ id: 'videos' }] }), 'categories[0].name').message).toMatch(/required/);
  });
});

describe('a site developer misspelling an option', () => {
  it('is told an unknown top-level key is not known, naming it', () => {
    expect(issueAt(config({ trackerz: [] }), 'trackerz').message).toMatch(/not a known field/);
  });

  it('is told an unknown tenant key is not known, naming it', () => {
    expect(issueAt(config({}, { cookieDomian: 'example.org' }), 'tenant.cookieDomian').message).toMatch(/not a known field/);
  });

  it('is told when the config is not an object at all', () => {
    for (const input of [null, undefined, 'config', 42, []]) expect(issuesOf(input).length).toBeGreaterThan(0);
  });
});

describe('a site developer with several mistakes', () => {
  const broken = config(
    { revision: 0, trackers: ['matomoo', 'zendesk', { ...ownTracker, cookies: [{ ...ownTracker.cookies[0], lifetime: '13 months' }] }], extra: 1 },
    { id: 'Vivoptim', consentMaxAgeMonths: 13, locale: 'de', privacyPolicyUrl: 'javascript:void 0' },
  );
  const paths = [
    'tenant.id',
    'tenant.consentMaxAgeMonths',
    'tenant.locale',
    'tenant.privacyPolicyUrl',
    'revision',
    'trackers[0]',
    'trackers[2].cookies[0].lifetime',
    'extra',
  ];

  it('is told of every one at once, each at its path', () => {
    const issues = issuesOf(broken);
    expect(issues.map((issue) => issue.path).sort()).toEqual([...paths].sort());
  });

  it('gets from init() a TemoinConfigError whose issues are { path, message } pairs and whose message lists them', () => {
    let thrown: unknown;
    try {
      init(broken as never, { catalog: Object.values(catalog) });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TemoinConfigError);
    expect(thrown).toBeInstanceOf(Error);
    const error = thrown as TemoinConfigError;
    expect(error.name).toBe('TemoinConfigError');
    expect(error.issues).toHaveLength(paths.length);
    for (const issue of error.issues) {
      expect(Object.keys(issue).sort()).toEqual(['message', 'path']);
      expect(typeof issue.path).toBe('string');
      expect(issue.message.length).toBeGreaterThan(0);
      expect(error.message).toContain(issue.path);
      expect(error.message).toContain(issue.message);
    }
  });

  it('gets nothing running from init(): no banner host, no consent cookie', () => {
    expect(() => init(broken as never, { catalog: Object.values(catalog) })).toThrow(TemoinConfigError);
    expect(document.cookie).toBe('');
    expect(document.querySelector('[data-temoin-ui]')).toBeNull();
  });
});

describe('a config carrying __proto__ or constructor keys (JSON from elsewhere)', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  const tenantJson = '"tenant": {"id": "vivoptim", "name": "Vivoptim"}';

  it('is rejected at the top level, and pollutes no prototype', () => {
    const input: unknown = JSON.parse(`{"__proto__": {"polluted": true}, ${tenantJson}, "trackers": ["matomo"]}`);
    expect(issuesOf(input).map((issue) => issue.path)).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('is rejected in the tenant, and pollutes no prototype', () => {
    const input: unknown = JSON.parse(
      '{"tenant": {"id": "vivoptim", "name": "Vivoptim", "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}, "trackers": []}',
    );
    const paths = issuesOf(input).map((issue) => issue.path);
    expect(paths).toContain('tenant.__proto__');
    expect(paths).toContain('tenant.constructor');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('cannot move a catalog tracker to functional through a __proto__ key of its override', () => {
    const input: unknown = JSON.parse(`{${tenantJson}, "trackers": [{"id": "matomo", "__proto__": {"category": "functional", "polluted": true}}]}`);
    let resolved: ReturnType<typeof parseConfig> | undefined;
    try {
      resolved = parseConfig(input);
    } catch (error) {
      expect(error).toBeInstanceOf(TemoinConfigError);
    }
    if (resolved) expect(resolved.trackers[0].category).toBe('audience');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('is rejected inside cookie and text objects, and pollutes no prototype', () => {
    const tracker = JSON.parse(
      `{"id": "own", "name": "Own", "provider": "Own", "category": "audience", "description": {"fr": "x", "__proto__": {"polluted": true}}, "cookies": [{"name": "own", "lifetime": "1d", "purpose": {"fr": "x"}, "constructor": {"polluted": true}}]}`,
    ) as unknown;
    const paths = issuesOf(config({ trackers: [tracker] })).map((issue) => issue.path);
    expect(paths).toContain('trackers[0].description.__proto__');
    expect(paths).toContain('trackers[0].cookies[0].constructor');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
