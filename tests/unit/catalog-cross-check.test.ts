import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  crossCheck,
  type DatabaseCookie,
  databaseCookies,
  main,
  parseCsv,
  reportMarkdown,
  retentionDays,
  sameLifetime,
  sameName,
} from '../../scripts/catalog-cross-check';
import type { Tracker } from '../../src/config/types';

const ROOT = resolve(import.meta.dirname, '../..');

const row = (name: string, platform: string, retention: string, wildcard = false, controller = platform): DatabaseCookie => ({
  name,
  platform,
  retention,
  wildcard,
  controller,
});

const entry = (id: string, name: string, provider: string, cookies: [string, string][]): Tracker => ({
  id,
  name,
  provider,
  category: 'audience',
  description: { en: name },
  cookies: cookies.map(([cookie, lifetime]) => ({ name: cookie, lifetime, purpose: { en: 'x' }, basis: 'vendor' })),
  sources: ['https://example.org/cookies'],
});

describe('reading the Open Cookie Database', () => {
  it('parses its CSV: quoted commas, doubled quotes, line breaks inside quotes, CRLF', () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\n"two\nlines",x,\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['two\nlines', 'x', ''],
    ]);
  });

  it('reads every row of the committed CSV by its header’s columns, wildcards flagged', () => {
    const rows = databaseCookies(readFileSync(join(ROOT, 'scripts/open-cookie-database/open-cookie-database.csv'), 'utf8'));
    expect(rows.length).toBeGreaterThan(2000);
    expect(rows.find((r) => r.name === '_ga_')).toMatchObject({ platform: 'Google Analytics', wildcard: true });
    expect(() => databaseCookies('Platform,Name\nx,y\n')).toThrow(/no "Cookie \/ Data Key name" column/);
  });

  it.each([
    ['1 year', 365.2425],
    ['13 Months', (13 * 365.2425) / 12],
    ['90 Days', 90],
    ['30 minutes after last activity', 30 / 1440],
    ['30 seconds till 1 year', 30 / 86400],
    ['Session', 'session'],
    ['End of session (browser)', 'session'],
    ['Unknown', undefined],
    ['10 Nov 2030', undefined],
  ])('reads the retention period %j', (text, days) => {
    if (typeof days === 'number') expect(retentionDays(text)).toBeCloseTo(days, 9);
    else expect(retentionDays(text)).toBe(days);
  });
});

describe('comparing a catalog cookie with the database', () => {
  it('takes lifetimes within 3 % for the same: 13 months and 389 days, a year and 365 days, not 13 months and a year', () => {
    expect(sameLifetime('13mo', 389)).toBe(true);
    expect(sameLifetime('1y', 365)).toBe(true);
    expect(sameLifetime('13mo', 365.2425)).toBe(false);
    expect(sameLifetime('30min', 'session')).toBe(false);
    expect(sameLifetime('session', 'session')).toBe(true);
  });

  it('matches names as the catalog and the database write prefixes', () => {
    expect(sameName('_ga_*', row('_ga_', 'Google Analytics', '2 years', true))).toBe(true);
    expect(sameName('_fb*', row('_fbp', 'Facebook', '90 days'))).toBe(true);
    expect(sameName('_gac_UA-1', row('_gac_', 'Google Analytics', '90 days', true))).toBe(true);
    expect(sameName('_pk_id.*', row('_pk_id', 'Matomo', '13 months', true))).toBe(true);
    expect(sameName('_ga', row('_gat', 'Google Analytics', '1 minute'))).toBe(false);
    expect(sameName('_pk_cvar.*', row('_pk_cvar', 'Matomo', '3 years'))).toBe(false);
  });
});

describe('the cross-check', () => {
  const catalog = [
    entry('acme', 'Acme Analytics', 'Acme Ltd', [
      ['acme_id', '13mo'],
      ['acme_ses', '30min'],
      ['ts', '1y'],
    ]),
    entry('other', 'Other Chat', 'Other SAS', [['oc', '1y']]),
  ];
  const database = [
    row('acme_id', 'Acme', '389 days'),
    row('acme_ses', 'Acme', '1 year'),
    row('acme_new', 'Acme', '1 day'),
    row('ts', 'PayPal', '3 years'),
    row('unrelated', 'PayPal', '1 year'),
  ];

  it('finds the lifetime and vendor disagreements, and the vendor’s cookies an entry leaves out', () => {
    const check = crossCheck(catalog, database);
    expect(check.known).toEqual([
      { id: 'acme', cookie: 'acme_id', agrees: true },
      { id: 'acme', cookie: 'acme_ses', agrees: false },
      { id: 'acme', cookie: 'ts', agrees: false },
    ]);
    expect(check.disagreements.map((d) => [d.id, d.cookie.name, d.kind, d.row.platform])).toEqual([
      ['acme', 'acme_ses', 'lifetime', 'Acme'],
      ['acme', 'ts', 'vendor', 'PayPal'],
    ]);
    expect(check.undeclared.map((u) => [u.id, u.rows.map((r) => r.name)])).toEqual([['acme', ['acme_new']]]);
  });

  it('carries a person’s notes, and the platforms the review gives an entry', () => {
    const review = {
      platforms: { other: ['PayPal'] },
      notes: { 'acme acme_ses': 'Acme’s page gives 30 minutes.', 'other undeclared': 'PayPal’s own site.' },
    };
    const check = crossCheck(catalog, database, review);
    expect(check.disagreements.find((d) => d.cookie.name === 'acme_ses')?.note).toBe('Acme’s page gives 30 minutes.');
    expect(check.undeclared.find((u) => u.id === 'other')).toMatchObject({ note: 'PayPal’s own site.', rows: [{ name: 'ts' }, { name: 'unrelated' }] });
    const report = reportMarkdown(check, 'a test database');
    expect(report).toContain('| acme | `acme_ses` | 30min (vendor) | 1 year (`acme_ses`) | Acme’s page gives 30 minutes. |');
    expect(report).toContain('| acme | `ts` | PayPal (PayPal), `ts` | 3 years | *not reviewed yet* |');
    expect(report).toContain('1 lifetime and 1 vendor disagreements, 1 not reviewed yet.');
  });
});

describe('npm run catalog:cross-check', () => {
  let root: string | undefined;
  afterEach(() => root && rmSync(root, { recursive: true, force: true }));

  /** A copy of the repository's catalog, database and review in a scratch root. */
  function scratch(): string {
    root = mkdtempSync(join(tmpdir(), 'temoin-cross-check-'));
    for (const dir of ['catalog', 'scripts/open-cookie-database', 'docs']) mkdirSync(join(root, dir), { recursive: true });
    cpSync(join(ROOT, 'catalog'), join(root, 'catalog'), { recursive: true });
    cpSync(join(ROOT, 'scripts/open-cookie-database'), join(root, 'scripts/open-cookie-database'), { recursive: true });
    cpSync(join(ROOT, 'scripts/catalog-cross-check.json'), join(root, 'scripts/catalog-cross-check.json'));
    return root;
  }

  it('reports on whatever catalog/ holds when it runs, a new entry included', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'catalog/acme-chat.json'), JSON.stringify(entry('acme-chat', 'Acme Chat', 'Acme', [['_ga', '1d']])));
    const log: string[] = [];
    expect(main(dir, (line) => log.push(line))).toBe(0);
    const report = readFileSync(join(dir, 'docs/catalog-cross-check.md'), 'utf8');
    expect(report).toMatch(/\| acme-chat \| `_ga` \| Google Analytics \(Google\), `_ga` \| 2 years \| \*not reviewed yet\* \|/);
    expect(log[0]).toMatch(/^docs\/catalog-cross-check\.md: \d+ of \d+ catalog cookies known to the database, \d+ disagreements \(1 not reviewed yet\)\.$/);
  });

  it('writes nothing and exits 2 without the database', () => {
    const dir = scratch();
    rmSync(join(dir, 'scripts/open-cookie-database/open-cookie-database.csv'));
    const log: string[] = [];
    expect(main(dir, (line) => log.push(line))).toBe(2);
    expect(log[0]).toMatch(/^catalog-cross-check: ENOENT/);
  });
});
