import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = 'tests/fixtures/cli';
const BIN = join(ROOT, 'dist/cli.mjs');
const fixture = (name: string) => join(FIXTURES, name);

/** Runs the CLI in-process (Vitest runs from the repository's root, where the fixture paths start). */
function temoin(...args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  if (typeof code !== 'number') throw new Error(`temoin ${args[0]} is asynchronous: use its own helper`);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'temoin-cli-'));
});
afterAll(() => {
  chmodSync(scratch, 0o700);
  rmSync(scratch, { recursive: true, force: true });
});

let written = 0;
/** Writes a config (an object, or raw text) to a scratch file and returns its absolute path. */
function file(content: unknown): string {
  const path = join(scratch, `config-${++written}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

const POLICY = 'https://www.mutuelle-horizon.example/confidentialite';
/** A config that lint finds nothing in: its member area is excluded (see excluded-paths). */
function config(tenant: Record<string, unknown> = {}, trackers: unknown[] = ['matomo'], rest: Record<string, unknown> = {}) {
  return {
    tenant: { id: 'horizon', name: 'Mutuelle Horizon', privacyPolicyUrl: POLICY, ...tenant },
    trackers,
    excludedPaths: ['/espace-adherent/*'],
    ...rest,
  };
}

const ownTracker = (id: string, category: string, lifetime: string) => ({
  id,
  name: `Tracker ${id}`,
  provider: 'Horizon',
  category,
  description: { fr: 'Un traceur maison.' },
  cookies: [{ name: `${id}_id`, lifetime, purpose: { fr: 'Identifie le visiteur.' } }],
});

/** The rule ids of lint's findings, in order. */
const rulesFired = (output: string) => Array.from(output.matchAll(/\[([a-z-]+)\]$/gm), (m) => m[1]);

describe('temoin validate', () => {
  it('exits 0 for a valid config and says what it holds', () => {
    const { code, out, err } = temoin('validate', fixture('valid.json'));
    expect(code).toBe(0);
    expect(out).toContain('is a valid temoin config');
    expect(out).toContain('tenant "mutuelle-horizon"');
    expect(out).toContain('2 trackers (matomo, zendesk)');
    expect(err).toBe('');
  });

  it('exits 1 and prints every issue as "path: message", one a line, and nothing else on stdout', () => {
    const { code, out, err } = temoin('validate', fixture('invalid.json'));
    expect(code).toBe(1);
    const lines = out.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'tenant.id: must be 1 to 40 characters among a-z, 0-9 and "-"',
        'tenant.consentMaxAgeMonths: must be an integer from 6 to 12',
        'tenant.privacyPolicyUrl: must be an http: or https: URL',
        'tenant.colour: is not a known field',
        'trackers[2].provider: is required',
      ]),
    );
    expect(lines.find((line) => line.startsWith('trackers[1]: '))).toContain('"crazyegg" is not in the catalog');
    for (const line of lines) expect(line).toMatch(/^[\w.[\]]+: \S/);
    expect(err).toBe(`temoin: ${fixture('invalid.json')} is not a valid config (${lines.length} problems).`);
  });

  it('exits 1 for a misspelt text key, an empty text, a unit that is not "singular|plural" and a __Host- cookie name, each at its path', () => {
    const path = file(config({}, ['matomo'], { cookieName: '__Host-temoin', texts: { fr: { bannerTitel: 'Vos choix', rejectAll: '', d: 'jour|jours|' } } }));
    // lint marks each issue as an error beside its warnings.
    for (const [command, mark] of [['validate', ''], ['lint', 'error ']]) {
      const { code, out } = temoin(command, path);
      expect(code).toBe(1);
      expect(out.split('\n')).toEqual(
        expect.arrayContaining([
          `${mark}cookieName: must be 1 to 64 letters, digits, "_" or "-", not starting with "__Host-" or "__Secure-" (browsers would drop it)`,
          `${mark}texts.fr.rejectAll: must not be empty`,
          `${mark}texts.fr.d: must be "singular|plural" or one form`,
          `${mark}texts.fr.bannerTitel: is not a known field`,
        ]),
      );
    }
  });

  it('names the root of the config "(config)" when the file holds no object', () => {
    const { code, out } = temoin('validate', file('[]'));
    expect(code).toBe(1);
    expect(out.split('\n')[0]).toMatch(/^\(config\): /);
  });
});

describe('reading the config file', () => {
  it('says when the file does not exist', () => {
    const { code, out, err } = temoin('validate', 'tenants/nowhere.json');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe('temoin: cannot read tenants/nowhere.json: there is no such file');
  });

  it('says when the path is a directory, or goes through a file', () => {
    expect(temoin('lint', FIXTURES)).toMatchObject({ code: 1, err: `temoin: cannot read ${FIXTURES}: it is a directory, not a JSON file` });
    const through = `${fixture('valid.json')}/config.json`;
    expect(temoin('cookies', through)).toMatchObject({
      code: 1,
      err: `temoin: cannot read ${through}: a part of the path is a file, not a directory`,
    });
  });

  it('says when the file may not be read', () => {
    const path = file(config());
    chmodSync(path, 0o000);
    // root reads any file: as root, the built command runs as nobody (uid 65534) instead
    const asNobody = () => {
      const { status, stderr } = spawnSync(process.execPath, [BIN, 'validate', path], { uid: 65534, gid: 65534, encoding: 'utf8' });
      return { code: status, err: stderr.trimEnd() };
    };
    const result = process.getuid?.() === 0 ? asNobody() : temoin('validate', path);
    expect(result).toMatchObject({ code: 1, err: `temoin: cannot read ${path}: permission denied` });
  });

  it('gives the line and column of a JSON syntax error, with the line and a caret under it', () => {
    const { code, out, err } = temoin('validate', fixture('broken.json'));
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.split('\n')).toEqual([
      `temoin: ${fixture('broken.json')}:4:31: invalid JSON at line 4, column 31: a comma before "}" is not allowed in JSON`,
      '4 |     "name": "Mutuelle Horizon",',
      '  |                               ^',
    ]);
  });

  it.each([
    ['a missing comma', '{\n  "tenant": {}\n  "trackers": []\n}', 3, 3, 'expected "," or "}", found "\\""'],
    ['single quotes', "{\n  'tenant': {}\n}", 2, 3, `expected a property name in double quotes, found "'" (JSON strings take double quotes)`],
    ['an unquoted value', '{ "trackers": [matomo] }', 1, 16, 'expected a value, found matomo: strings take double quotes'],
    ['a comment', '{\n  // tenant\n}', 2, 3, 'comments are not allowed in JSON'],
    ['an unclosed object', '{\n  "tenant": {\n    "id": "x"\n', 2, 13, 'this "{" is never closed by "}"'],
    ['an unclosed string', '{ "tenant": "x }', 1, 13, 'this string is never closed by a double quote'],
    ['a line break in a string', '{ "a": "x\ny" }', 1, 10, 'a line break inside a string must be escaped'],
    ['a leading zero', '{ "revision": 01 }', 1, 15, 'invalid number "01"'],
    ['text after the value', '{}\n{}', 2, 1, 'unexpected "{" after the end of the JSON value'],
    ['an empty file', '  \n', 1, 1, 'the file is empty'],
    ['a non-ASCII line (columns count characters, not bytes)', '{ "name": "Mutuelle Émeraude", }', 1, 30, 'a comma before "}" is not allowed in JSON'],
  ])('locates %s', (_, text, line, column, message) => {
    const path = file(text);
    const { code, err } = temoin('validate', path);
    expect(code).toBe(1);
    expect(err.split('\n')[0]).toContain(`${path}:${line}:${column}: invalid JSON at line ${line}, column ${column}: ${message}`);
  });

  it('accepts a UTF-8 byte order mark', () => {
    expect(temoin('validate', file(`\uFEFF${JSON.stringify(config())}`)).code).toBe(0);
  });
});

describe('temoin cookies', () => {
  it('prints one Markdown table per category, the consent cookie first, lifetimes in French words by default', () => {
    const { code, out } = temoin('cookies', fixture('valid.json'));
    expect(code).toBe(0);
    const headings = out.split('\n').filter((line) => line.startsWith('### '));
    expect(headings).toEqual(['### Nécessaires au fonctionnement', '### Mesure d’audience']);
    expect(out).toContain('| Traceur | Fournisseur | Cookie | Finalité | Durée |');
    expect(out).toContain('| Mutuelle Horizon | Mutuelle Horizon | `temoin` | Conserve vos choix sur les cookies. | 6 mois |');
    expect(out).toContain('| Matomo | Matomo (InnoCraft) | `_pk_id.*` |');
    expect(out).toMatch(/`_pk_id\.\*` \| [^|]+ \| 13 mois \|/);
    expect(out).toMatch(/`_pk_ses\.\*` \| [^|]+ \| 30 minutes \|/);
    expect(out).toMatch(/`__zlcmid` \| [^|]+ \| 1 an \|/);
    expect(out.indexOf('`temoin`')).toBeLessThan(out.indexOf('`_pk_id.*`'));
  });

  it('speaks the config’s locale, or the one --locale asks for', () => {
    const english = temoin('cookies', fixture('own-tracker.json')).out;
    expect(english).toContain('| Tracker | Provider | Cookie | Purpose | Lifetime |');
    expect(english).toContain('### Support');
    expect(english).toMatch(/`_ga` \| Distinguishes visitors to measure audience\. \| 2 years \|/);
    const french = temoin('cookies', fixture('own-tracker.json'), '--locale', 'fr').out;
    expect(french).toContain('### Assistance');
    expect(french).toMatch(/`_ga` \| Distingue les visiteurs pour mesurer l’audience\. \| 2 ans \|/);
    expect(temoin('cookies', fixture('valid.json'), '--locale=en').out).toContain('| Matomo | Matomo (InnoCraft) | `_pk_id.*` | Assigns the visitor a unique identifier to measure audience. | 13 months |');
  });

  it('keeps each Markdown row to its five cells whatever the texts hold', () => {
    const { out } = temoin('cookies', fixture('own-tracker.json'));
    const rows = out.split('\n').filter((line) => line.startsWith('| '));
    for (const row of rows) expect(row.split(/(?<!\\)\|/)).toHaveLength(7);
    expect(out).not.toMatch(/(?<!\\)<script/);
    expect(out).toContain('\\*chat\\*');
  });

  it('escapes every text in HTML, so a config cannot inject markup into a privacy policy', () => {
    const { code, out } = temoin('cookies', fixture('own-tracker.json'), '--format', 'html');
    expect(code).toBe(0);
    expect(out).toContain('Chat &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('Mutuelle &lt;Horizon&gt; &amp; &quot;Fils&quot;');
    expect(out).toContain('Horizon | IT &amp; &#39;co&#39;');
    expect(out).toContain('Identifies the *chat* &lt;b&gt;session&lt;/b&gt;.');
    const text = out.replace(/<\/?(div|table|caption|thead|tbody|tr|th|td|code)( [a-z-]+="[\w -]*")*>/g, '');
    expect(text).not.toMatch(/[<>"']/);
    expect(out.match(/<caption>/g)).toHaveLength(2);
    expect(out).toMatch(/^<div class="temoin-cookie-table" lang="en">/);
  });

  it('gives the same rows as JSON, grouped by category', () => {
    const { code, out } = temoin('cookies', fixture('valid.json'), '--format', 'json');
    expect(code).toBe(0);
    const table = JSON.parse(out);
    expect(table.tenant).toBe('mutuelle-horizon');
    expect(table.categories.map((c: { category: string }) => c.category)).toEqual(['functional', 'audience']);
    expect(table.categories[0].cookies[0]).toEqual({
      trackerId: null,
      tracker: 'Mutuelle Horizon',
      provider: 'Mutuelle Horizon',
      category: 'functional',
      cookie: 'temoin',
      purpose: 'Conserve vos choix sur les cookies.',
      lifetime: '6mo',
      lifetimeText: '6 mois',
    });
    expect(table.categories[1].cookies.map((c: { cookie: string }) => c.cookie)).toEqual([
      '_pk_id.*',
      '_pk_ses.*',
      '_pk_ref.*',
      '_pk_cvar.*',
      '__zlcmid',
    ]);
  });

  it('prints no table for an invalid config, only its issues, and exits 1', () => {
    const { code, out } = temoin('cookies', fixture('invalid.json'));
    expect(code).toBe(1);
    expect(out).not.toContain('|');
    expect(out).toContain('tenant.id: must be');
  });

  it('refuses an unknown format or locale', () => {
    expect(temoin('cookies', fixture('valid.json'), '--format', 'pdf')).toMatchObject({
      code: 64,
      err: expect.stringContaining('--format must be one of md, html, json, not "pdf"'),
    });
    expect(temoin('cookies', fixture('valid.json'), '--locale', 'de').code).toBe(64);
  });
});

describe('temoin cookies with several configs (a site with two spaces)', () => {
  const spaces = ['--label', 'Espace public', fixture('vivoptim-public.json'), '--label', 'Espace adhérent', fixture('vivoptim-connected.json')];

  it('prints one table per config, each under its label, with each space’s own lifetimes', () => {
    const { code, out } = temoin('cookies', ...spaces);
    expect(code).toBe(0);
    const [, publicSpace, connected] = out.split(/^## /m);
    expect(publicSpace.split('\n')[0]).toBe('Espace public');
    expect(publicSpace).toMatch(/`__zlcmid` \| [^|]+ \| 4 heures \|/);
    expect(connected.split('\n')[0]).toBe('Espace adhérent');
    expect(connected).toMatch(/`__zlcmid` \| [^|]+ \| 1 an \|/);
    expect(connected).toContain('| 2 minutes 30 secondes |');
  });

  it('labels a config given no --label with its tenant name, and each table in JSON', () => {
    const { code, out } = temoin('cookies', fixture('valid.json'), '--label', 'Adhérents', fixture('vivoptim-connected.json'), '--format', 'json');
    expect(code).toBe(0);
    const tables = JSON.parse(out) as { label: string; tenant: string }[];
    expect(tables.map((t) => [t.label, t.tenant])).toEqual([
      ['Mutuelle Horizon', 'mutuelle-horizon'],
      ['Adhérents', 'vivoptim'],
    ]);
  });

  it('heads each HTML fragment with its label, escaped', () => {
    const { out } = temoin('cookies', '--label', 'Espace <public>', fixture('vivoptim-public.json'), '--format', 'html', '--locale', 'en');
    expect(out.split('\n').slice(0, 2)).toEqual(['<h2>Espace &lt;public&gt;</h2>', '<div class="temoin-cookie-table" lang="en">']);
    expect(out).toContain('<td>4 hours</td>');
  });

  it('prints no table at all when one of the configs is invalid', () => {
    const { code, out, err } = temoin('cookies', fixture('valid.json'), fixture('invalid.json'));
    expect(code).toBe(1);
    expect(out).not.toContain('| Traceur |');
    expect(err).toContain(`${fixture('invalid.json')} is not a valid config`);
  });

  it('refuses a --label that names no config after it', () => {
    expect(temoin('cookies', fixture('valid.json'), '--label', 'Public')).toMatchObject({ code: 64, err: expect.stringContaining('--label "Public" names no config') });
    expect(temoin('cookies', '--label', 'A', '--label', 'B', fixture('valid.json'))).toMatchObject({ code: 64, err: expect.stringContaining('--label "A" names no config') });
  });
});

describe('temoin catalog', () => {
  const rows = (out: string) => out.split('\n').slice(1, -1).map((line) => line.split(/\s{2,}/));
  /** The shipped entries of the functional category, read from catalog/ as a user would. */
  const functional = readdirSync(join(ROOT, 'catalog'))
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(join(ROOT, 'catalog', file), 'utf8')) as { id: string; category: string })
    .filter((entry) => entry.category === 'functional')
    .sort((a, b) => (a.id < b.id ? -1 : 1));

  it('lists every entry, sorted by id, with its name, provider, category, cookie count and how well it is known', () => {
    const { code, out } = temoin('catalog');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0].split(/\s+/)).toEqual(['id', 'name', 'provider', 'category', 'cookies', 'known']);
    const ids = rows(out).map((row) => row[0]);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(expect.arrayContaining(['matomo', 'zendesk', 'lisio', 'google-analytics', 'facebook-pixel']));
    expect(rows(out).find((row) => row[0] === 'matomo')).toEqual(['matomo', 'Matomo', 'Matomo (InnoCraft)', 'audience', '4', 'vendor']);
    expect(rows(out).find((row) => row[0] === 'facebook-pixel')?.[3]).toBe('audience, advertising');
    expect(lines.at(-1)).toMatch(new RegExp(`^${ids.length} entries: \\d+ from the vendor, \\d+ partly, \\d+ from other pages only\\.$`));
  });

  it('says an entry is known from the vendor, partly or from other pages only, as its cookies’ basis gives it', () => {
    const known = (id: string) => rows(temoin('catalog').out).find((row) => row[0] === id)?.[5];
    // Every cookie from the vendor's own pages; three of Hotjar's seven; none of Dailymotion's.
    expect([known('matomo'), known('hotjar'), known('dailymotion')]).toEqual(['vendor', 'partial', 'other']);
    const counts = temoin('catalog').out.split('\n').at(-1)!.match(/\d+/g)!.map(Number);
    const levels = rows(temoin('catalog').out).map((row) => row[5]);
    expect(counts.slice(1)).toEqual(['vendor', 'partial', 'other'].map((level) => levels.filter((l) => l === level).length));
    expect(temoin('catalog', '--search', 'matomo').out.split('\n').at(-1)).toMatch(/^1 entry of \d+: 1 from the vendor\.$/);
  });

  it('finds a word in any case, and a category, "advertising" included', () => {
    expect(rows(temoin('catalog', '--search', 'MATOMO').out).map((row) => row[0])).toEqual(['matomo']);
    expect(rows(temoin('catalog', '--category', 'functional').out).map((row) => row[0])).toEqual(functional.map((entry) => entry.id));
    expect(rows(temoin('catalog', '--category', 'advertising').out).map((row) => row[0])).toContain('facebook-pixel');
    expect(rows(temoin('catalog', '--category', 'advertising').out).map((row) => row[0])).not.toContain('matomo');
    const none = temoin('catalog', '--search', 'no-such-vendor');
    expect(none.code).toBe(0);
    expect(none.out.split('\n').at(-1)).toMatch(/^0 entries of \d+\.$/);
  });

  it('prints the entries themselves as a JSON array with --json', () => {
    const { code, out } = temoin('catalog', '--json', '--category', 'functional');
    expect(code).toBe(0);
    const entries = JSON.parse(out) as { id: string; cookies: unknown[] }[];
    expect(entries).toEqual(functional);
    expect(entries.find((e) => e.id === 'lisio')?.cookies).toEqual([expect.objectContaining({ basis: 'other' })]);
  });

  it('takes no file', () => {
    expect(temoin('catalog', 'config.json')).toMatchObject({ code: 64, err: expect.stringContaining('catalog takes no file') });
  });
});

describe('temoin lint', () => {
  it('finds nothing in a clean config and exits 0, with or without --strict', () => {
    expect(temoin('lint', fixture('valid.json'))).toMatchObject({ code: 0, out: `${fixture('valid.json')}: no warnings.` });
    expect(temoin('lint', fixture('valid.json'), '--strict').code).toBe(0);
  });

  it('reports warnings and exits 0 without --strict, 2 with it', () => {
    const lax = temoin('lint', fixture('azur-like.json'));
    expect(lax.code).toBe(0);
    expect(lax.out).toContain('2 warnings (exit 0; --strict exits 2 on warnings).');
    const strict = temoin('lint', fixture('azur-like.json'), '--strict');
    expect(strict.code).toBe(2);
    expect(rulesFired(strict.out)).toEqual(rulesFired(lax.out));
  });

  describe('excluded-paths', () => {
    it('hints, without a warning, that a config with audience trackers and no excludedPaths may need them', () => {
      for (const rest of [{ excludedPaths: undefined }, { excludedPaths: [] }]) {
        const { code, out } = temoin('lint', file(config({}, [ownTracker('session', 'functional', 'session'), 'matomo', 'zendesk'], rest)));
        expect(code).toBe(0);
        expect(rulesFired(out)).toEqual(['excluded-paths']);
        expect(out).toContain('hint excludedPaths: none, so once accepted matomo, zendesk also run on pages whose mere visit can reveal health data');
        expect(out).toContain('("/espace-adherent/*")');
        expect(out).toMatch(/: no warnings, 1 hint\.$/);
      }
    });

    it('never makes --strict exit 2, nor counts as a warning beside one', () => {
      const path = file(config({}, ['matomo'], { excludedPaths: [] }));
      expect(temoin('lint', path, '--strict').code).toBe(0);
      const warned = temoin('lint', file(config({ privacyPolicyUrl: undefined }, ['matomo'], { excludedPaths: [] })));
      expect(rulesFired(warned.out).sort()).toEqual(['excluded-paths', 'privacy-policy-url']);
      expect(warned.out).toContain(': 1 warning, 1 hint (exit 0; --strict exits 2 on warnings).');
    });

    it('stays silent with excluded paths, or with no audience tracker, and for an invalid config', () => {
      expect(rulesFired(temoin('lint', file(config({}, ['matomo']))).out)).toEqual([]);
      expect(rulesFired(temoin('lint', file(config({}, [ownTracker('session', 'functional', 'session')], { excludedPaths: [] }))).out)).toEqual([]);
      const invalid = temoin('lint', file(config({ id: 'Horizon' }, ['matomo'], { excludedPaths: [] })));
      expect(invalid.code).toBe(1);
      expect(rulesFired(invalid.out)).toEqual([]);
    });

    it('counts a catalog audience tracker filed under a category of its own', () => {
      const categories = [{ id: 'statistiques', name: { fr: 'Statistiques' } }];
      const { out } = temoin('lint', file(config({}, [{ id: 'matomo', category: 'statistiques' }], { categories, excludedPaths: [] })));
      expect(rulesFired(out)).toEqual(['excluded-paths']);
    });
  });

  describe('exempt-conditions', () => {
    it('hints, for each tracker run exempt, the vendor’s conditions and the CNIL’s, which temoin cannot check, without failing --strict', () => {
      const { code, out } = temoin('lint', fixture('exempt-matomo.json'), '--strict');
      expect(code).toBe(0);
      expect(rulesFired(out)).toEqual(['exempt-conditions']);
      expect(out).toContain('hint trackers[0].exempt: matomo runs without consent');
      expect(out).toContain('IP addresses anonymised (2 bytes at least), no User ID');
      expect(out).toContain('no linking with other processing nor across sites');
    });

    it('stays silent for the same tracker waiting for consent', () => {
      expect(rulesFired(temoin('lint', file(config({}, ['matomo']))).out)).toEqual([]);
    });
  });

  describe('audience-cookie-lifetime', () => {
    it('fires for Google Analytics’ 2-year cookies and advises gtag’s cookie_expires', () => {
      const { out } = temoin('lint', fixture('azur-like.json'));
      expect(rulesFired(out)).toEqual(['audience-cookie-lifetime', 'audience-cookie-lifetime']);
      expect(out).toContain('warning trackers[0]: google-analytics: cookie _ga lives 2 years');
      expect(out).toContain('cookie _ga_* lives 2 years');
      expect(out).toContain("gtag('config', '<measurement id>', { cookie_expires: 34128000 })");
    });

    it('fires for a site’s own audience tracker, with advice of its own, and at 396 days but not 395', () => {
      const { out } = temoin('lint', file(config({}, [ownTracker('stats', 'audience', '396d')])));
      expect(rulesFired(out)).toEqual(['audience-cookie-lifetime']);
      expect(out).toContain('Shorten stats_id');
      expect(out).not.toContain('cookie_expires');
      expect(temoin('lint', file(config({}, [ownTracker('stats', 'audience', '395d')]))).out).toContain('no warnings');
    });

    it('still fires when a config files Google Analytics under a category of its own', () => {
      const categories = [{ id: 'statistiques', name: { fr: 'Statistiques' } }];
      const { out } = temoin('lint', file(config({}, [{ id: 'google-analytics', category: 'statistiques' }], { categories })));
      expect(rulesFired(out)).toEqual(['audience-cookie-lifetime', 'audience-cookie-lifetime']);
    });

    it('fires for an advertising tracker filed under a category of its own, quoting the setting its entry gives', () => {
      const categories = [{ id: 'publicite', name: { fr: 'Publicité' } }];
      const ads = {
        ...ownTracker('ads', 'publicite', '2y'),
        advertising: true,
        cookies: [{ name: 'ads_id', lifetime: '1y2mo', purpose: { fr: 'Cible.' }, lifetimeSetting: 'Set expiry_days: 395 in the tag.' }],
      };
      const { out } = temoin('lint', file(config({}, [ads], { categories })));
      expect(rulesFired(out)).toEqual(['audience-cookie-lifetime']);
      expect(out).toContain('ads: cookie ads_id lives 1 year 2 months; CNIL recommends 13 months at most for an advertising tracker too');
      expect(out).toContain('Shorten it: Set expiry_days: 395 in the tag. Then declare the shorter lifetime of ads_id');
    });

    it('stays silent for Matomo’s 13 months, for Google Analytics shortened to 13 months, and outside the audience', () => {
      expect(rulesFired(temoin('lint', fixture('valid.json')).out)).toEqual([]);
      const shortened = {
        id: 'google-analytics',
        cookies: [
          { name: '_ga', lifetime: '13mo', purpose: { fr: 'Distingue les visiteurs.' } },
          { name: '_ga_*', lifetime: '13mo', purpose: { fr: 'État de la session.' } },
        ],
      };
      expect(rulesFired(temoin('lint', file(config({}, [shortened]))).out)).toEqual([]);
      const categories = [{ id: 'support', name: { fr: 'Assistance' } }];
      expect(rulesFired(temoin('lint', file(config({}, [ownTracker('chat', 'support', '2y')], { categories }))).out)).toEqual([]);
    });
  });

  describe('functional-not-exempt', () => {
    it('fires when a config moves a catalog tracker that needs consent into the functional category', () => {
      const { code, out } = temoin('lint', fixture('functional-moved.json'), '--strict');
      expect(code).toBe(2);
      expect(rulesFired(out)).toEqual(['functional-not-exempt']);
      expect(out).toContain('warning trackers[0].category: matomo is in the catalog\'s "audience" category');
    });

    it('stays silent for Lisio, functional in the catalog, and for a site’s own functional tracker', () => {
      const { out } = temoin('lint', file(config({}, ['lisio', ownTracker('session', 'functional', 'session')])));
      expect(rulesFired(out)).not.toContain('functional-not-exempt');
    });
  });

  describe('cookie-not-vendor-documented', () => {
    it('fires for each cookie of basis "other" of a catalog tracker, naming the tracker, the cookie and that no vendor page documents it', () => {
      const { code, out } = temoin('lint', file(config({}, ['matomo', 'hotjar'])), '--strict');
      expect(code).toBe(2);
      expect(rulesFired(out)).toEqual(Array(4).fill('cookie-not-vendor-documented'));
      expect(out).toContain(
        'warning trackers[1]: hotjar: no page of Hotjar Ltd (Contentsquare) documents cookie _hjSession_*; its name and lifetime (30 minutes) come from other public pages only',
      );
      // Hotjar's help centre lists its survey cookies: those rest on the vendor.
      expect(out).not.toContain('_hjDonePolls');
      expect(out).toContain('temoin catalog --search hotjar --json');
    });

    it('fires for a site’s own tracker that says a cookie rests on other pages, not for one that says nothing', () => {
      const observed = { ...ownTracker('chat', 'audience', '30d'), otherSources: ['https://example.org/observed'] };
      observed.cookies = [{ ...observed.cookies[0], basis: 'other' } as (typeof observed.cookies)[0]];
      expect(rulesFired(temoin('lint', file(config({}, [observed]))).out)).toEqual(['cookie-not-vendor-documented']);
      expect(rulesFired(temoin('lint', file(config({}, [ownTracker('chat', 'audience', '30d')]))).out)).toEqual([]);
    });

    it('says so when the entry names no page at all for the cookie, as lisio’s', () => {
      const { out } = temoin('lint', file(config({}, ['lisio'])));
      expect(out).toContain('lisio: no page of Lisio documents cookie lisio*; its name and lifetime (90 days) come from no public page the entry names. [cookie-not-vendor-documented]');
      expect(out).toContain("declare it in the config's lisio entry.");
    });

    it('stays silent once the config declares the cookies itself, as it found them', () => {
      const declared = { id: 'hotjar', cookies: [{ name: '_hjSessionUser_*', lifetime: '1y', purpose: { fr: 'Identifie le visiteur.' } }] };
      expect(rulesFired(temoin('lint', file(config({}, [declared]))).out)).toEqual([]);
    });
  });

  describe('privacy-policy-url', () => {
    it('fires when tenant.privacyPolicyUrl is missing', () => {
      const { code, out } = temoin('lint', fixture('no-policy.json'), '--strict');
      expect(code).toBe(2);
      expect(rulesFired(out)).toEqual(['privacy-policy-url']);
      expect(out).toContain('warning tenant.privacyPolicyUrl: missing');
    });

    it('stays silent when it is set', () => {
      expect(rulesFired(temoin('lint', file(config({ privacyPolicyUrl: POLICY }))).out)).toEqual([]);
    });
  });

  describe('consent-age', () => {
    it.each([[24], [5], [6.5], ['6']])('fires for %j months, an error since the config is then invalid: exit 1', (months) => {
      const { code, out, err } = temoin('lint', file(config({ consentMaxAgeMonths: months })));
      expect(code).toBe(1);
      expect(rulesFired(out)).toEqual(['consent-age']);
      expect(out).toContain(`error tenant.consentMaxAgeMonths: ${JSON.stringify(months)}: a choice must be kept from 6 to 12 months`);
      // The rule's explanation replaces the bare validation issue on the same field.
      expect(out).not.toContain('tenant.consentMaxAgeMonths: must be');
      expect(err).toContain('is not a valid config (1 error, 0 warnings)');
    });

    it.each([[6], [9], [12], [undefined]])('stays silent for %j', (months) => {
      expect(temoin('lint', file(config({ consentMaxAgeMonths: months })))).toMatchObject({ code: 0, out: expect.stringContaining('no warnings') });
    });
  });

  it('lists an invalid config’s issues as errors next to the warnings it can still find, and exits 1 even without --strict', () => {
    const { code, out } = temoin('lint', file({ tenant: { id: 'Horizon', name: 'Horizon' }, trackers: ['matomo'] }));
    expect(code).toBe(1);
    expect(out).toContain('warning tenant.privacyPolicyUrl: missing');
    expect(out).toContain('error tenant.id: must be 1 to 40 characters');
  });
});

describe('the command line', () => {
  it('prints help with every command on --help, and each rule on lint --help', () => {
    const help = temoin('--help');
    expect(help.code).toBe(0);
    for (const command of ['validate', 'cookies', 'lint', 'catalog']) expect(help.out).toMatch(new RegExp(`^  temoin ${command} `, 'm'));
    const lint = temoin('lint', '--help');
    expect(lint.code).toBe(0);
    for (const rule of ['audience-cookie-lifetime', 'functional-not-exempt', 'privacy-policy-url', 'consent-age', 'excluded-paths']) expect(lint.out).toContain(rule);
  });

  it('names an unknown command and suggests the closest one', () => {
    expect(temoin('valdate', 'x.json')).toMatchObject({ code: 64, err: expect.stringContaining('unknown command "valdate"; did you mean "validate"?') });
  });

  it('shows the usage when a command misses its file, gets two, or an unknown option', () => {
    expect(temoin()).toMatchObject({ code: 64, err: expect.stringContaining('Usage:') });
    expect(temoin('validate')).toMatchObject({ code: 64, err: expect.stringContaining('validate needs a config file') });
    expect(temoin('validate', 'a.json', 'b.json')).toMatchObject({ code: 64, err: expect.stringContaining('takes one config file, not 2') });
    expect(temoin('lint', '--stric', 'a.json')).toMatchObject({ code: 64, err: expect.stringContaining('did you mean --strict?') });
  });
});

describe('the built command, dist/cli.mjs', () => {
  const node = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });

  beforeAll(() => {
    if (!existsSync(BIN)) throw new Error('dist/cli.mjs is missing: run `npm run build` first');
    // `npm test` has built once. A second `npm run build` empties dist/ and writes the command anew,
    // as this build into an empty folder does; the rename puts it in place at once for the other tests.
    const out = mkdtempSync(join(ROOT, 'node_modules/.temoin-cli-'));
    const rebuilt = spawnSync('npx', ['vite', 'build', '--mode', 'cli', '--outDir', out, '--logLevel', 'error'], { cwd: ROOT, encoding: 'utf8' });
    if (rebuilt.status !== 0) throw new Error(`vite build --mode cli failed: ${rebuilt.stderr}`);
    renameSync(join(out, 'cli.mjs'), BIN);
    rmSync(out, { recursive: true });
  }, 60_000);

  it('stays executable after a second build, so that npx temoin runs it', () => {
    expect(statSync(BIN).mode & 0o111).toBe(0o111);
    const npx = spawnSync('npx', ['temoin', '--version'], { cwd: ROOT, encoding: 'utf8' });
    expect(npx).toMatchObject({ status: 0, stderr: '' });
    expect(npx.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    // npx itself takes seconds to start on a loaded machine: more than the default 5 s test timeout.
  }, 30_000);

  it('ends quietly with exit 0 when its reader stops early (temoin catalog | head -1)', () => {
    const shell = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${BIN}" catalog | head -1`], { cwd: ROOT, encoding: 'utf8' });
    expect(shell.stdout.startsWith('id ')).toBe(true);
    expect(shell.stderr).toBe('');
    expect(shell.status).toBe(0);
  });

  it('is a Node script with a shebang, as package.json’s bin needs', () => {
    expect(readFileSync(BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin).toEqual({ temoin: './dist/cli.mjs' });
  });

  it('exits 0, 1 and 2 as the commands say, results on stdout and failures on stderr', () => {
    expect(node('validate', fixture('valid.json'))).toMatchObject({ status: 0, stderr: '' });
    const invalid = node('validate', fixture('invalid.json'));
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toContain('tenant.consentMaxAgeMonths: must be an integer from 6 to 12\n');
    expect(invalid.stderr).toContain('is not a valid config');
    expect(node('lint', fixture('azur-like.json'), '--strict').status).toBe(2);
    expect(node('cookies', fixture('valid.json'), '--format', 'html').stdout).toContain('<caption>Mesure d’audience</caption>');
  });

  it('explains a missing file and an unknown command', () => {
    expect(node('validate', 'nowhere.json')).toMatchObject({ status: 1, stdout: '', stderr: 'temoin: cannot read nowhere.json: there is no such file\n' });
    expect(node('lnit', 'x.json')).toMatchObject({ status: 64, stderr: expect.stringContaining('did you mean "lint"?') });
  });
});

/**
 * Every `$ npx temoin …` example of the README with the output printed under it, up to the next
 * example or the end of its block: stdout then stderr, as a terminal shows them one after the other.
 */
function readmeExamples(): { command: string; shown: string }[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const blocks = Array.from(readme.matchAll(/```console\n([\s\S]*?)```/g), (m) => m[1]);
  return blocks.flatMap((block) =>
    block
      .split(/^(?=\$ npx temoin )/m)
      .filter((part) => part.startsWith('$ npx temoin '))
      .map((part) => {
        const [first, ...rest] = part.trimEnd().split('\n');
        return { command: first.slice('$ npx temoin '.length), shown: rest.join('\n') };
      }),
  );
}

describe('the README', () => {
  const examples = readmeExamples();

  it('shows examples of every command', () => {
    const commands = new Set(examples.map(({ command }) => command.split(' ')[0]));
    expect([...commands]).toEqual(expect.arrayContaining(['--help', 'validate', 'cookies', 'lint', 'catalog']));
  });

  it.each(examples)('shows the real output of `temoin $command`', ({ command, shown }) => {
    const [line, pipe] = command.split(/ \| |; /);
    // Words as a shell splits them: a "double-quoted" one may hold spaces.
    const words = Array.from(line.matchAll(/"([^"]*)"|(\S+)/g), (m) => m[1] ?? m[2]);
    const { code, out, err } = temoin(...words);
    let printed = [out, err].filter(Boolean).join('\n');
    if (pipe?.startsWith('head -')) printed = out.split('\n').slice(0, Number(pipe.slice('head -'.length))).join('\n');
    if (pipe === 'echo "exit $?"') printed += `\nexit ${code}`;
    expect(printed).toBe(shown);
  });
});
