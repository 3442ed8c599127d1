import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogEntries } from '../../scripts/catalog-entries';
import { catalogTable, END, main, START, withTable } from '../../scripts/catalog-readme';
import type { Tracker } from '../../src/config/types';

const ROOT = resolve(import.meta.dirname, '../..');
const readme = () => readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('the README’s catalog table', () => {
  it('is the one catalog/ gives today (npm run catalog:readme rewrites it)', () => {
    expect(withTable(readme(), catalogTable(catalogEntries(ROOT)))).toBe(readme());
  });

  it('has a row for every catalog file, with how well it is known', () => {
    const table = readme().slice(readme().indexOf(START), readme().indexOf(END));
    const ids = Array.from(table.matchAll(/^\| `([a-z0-9-]+)` \|/gm), (m) => m[1]);
    expect(ids).toEqual(catalogEntries(ROOT).map((entry) => entry.id));
    expect(table).toMatch(/^\| `matomo` \| Matomo \(InnoCraft\) \| audience \| `_pk_id\.\*`, `_pk_ses\.\*`, `_pk_ref\.\*`, `_pk_cvar\.\*` \| vendor \|$/m);
    expect(table).toMatch(/^\| `youtube` \|.*\| partial \(other pages only: `PREF`\) \|$/m);
  });
});

describe('the Open Cookie Database’s data in the catalog (Apache License 2.0)', () => {
  const entry = (id: string, otherSources?: string[]): Tracker => ({
    id,
    name: id,
    provider: id,
    category: 'audience',
    description: { en: id },
    cookies: [{ name: `${id}_id`, lifetime: '1y', purpose: { en: 'x' }, basis: otherSources ? 'other' : 'vendor' }],
    sources: otherSources ? undefined : ['https://example.org/cookies'],
    otherSources,
  });

  it('names, after the table, the entries that cite the database and where its licence notice ships', () => {
    const database = 'https://github.com/jkwakman/Open-Cookie-Database/blob/master/open-cookie-database.csv';
    const table = catalogTable([entry('acme', [database]), entry('beta'), entry('gamma', ['https://example.org/policy', database])]);
    expect(table).toContain('**Third-party data.** 2 entries cite the [Open Cookie Database](https://github.com/jkwakman/Open-Cookie-Database) (Apache License 2.0) in their `otherSources`: `acme`, `gamma`.');
    expect(table).toContain('`catalog/NOTICE`');
    expect(catalogTable([entry('beta'), entry('gamma', ['https://example.org/policy'])])).not.toContain('Third-party data');
  });

  it('ships its notice and licence in catalog/, which the npm package holds, while an entry cites it', () => {
    expect(readme()).toMatch(/\*\*Third-party data\.\*\* \d+ entries cite the \[Open Cookie Database\]/);
    const notice = readFileSync(join(ROOT, 'catalog/NOTICE'), 'utf8');
    expect(notice).toContain('Open Cookie Database');
    expect(notice).toContain('Apache License, Version 2.0 (LICENSE-open-cookie-database beside');
    expect(readFileSync(join(ROOT, 'catalog/LICENSE-open-cookie-database'), 'utf8')).toBe(readFileSync(join(ROOT, 'scripts/open-cookie-database/LICENSE'), 'utf8'));
    expect(existsSync(join(ROOT, 'scripts/open-cookie-database/NOTICE'))).toBe(true);
    expect((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] }).files).toContain('catalog');
  });
});

describe('npm run catalog:readme', () => {
  let root: string | undefined;
  afterEach(() => root && rmSync(root, { recursive: true, force: true }));

  function scratch(): string {
    root = mkdtempSync(join(tmpdir(), 'temoin-readme-'));
    cpSync(join(ROOT, 'catalog'), join(root, 'catalog'), { recursive: true });
    cpSync(join(ROOT, 'README.md'), join(root, 'README.md'));
    return root;
  }

  it('finds a new entry stale with --check (exit 1, README untouched), then writes it', () => {
    const dir = scratch();
    const acme = { id: 'acme', name: 'Acme', provider: 'Acme | Co', category: 'audience', description: { en: 'Acme' }, cookies: [], sources: ['https://acme.example/no-cookies'] };
    writeFileSync(join(dir, 'catalog/acme.json'), JSON.stringify(acme));
    const log: string[] = [];
    expect(main(dir, (line) => log.push(line), ['--check'])).toBe(1);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(readme());
    expect(main(dir, (line) => log.push(line))).toBe(0);
    const written = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(written).toContain('| `acme` | Acme \\| Co | audience | none | vendor |');
    expect(written.replace(/^\| `acme` .*\n/m, '').replace(/^\d+ entries: \d+/m, '')).toBe(readme().replace(/^\d+ entries: \d+/m, ''));
    expect(main(dir, (line) => log.push(line), ['--check'])).toBe(0);
    expect(log).toEqual([
      'README.md: the catalog table differs from catalog/; run npm run catalog:readme.',
      `README.md: catalog table written (${catalogEntries(ROOT).length + 1} entries).`,
      `README.md: the catalog table is current (${catalogEntries(ROOT).length + 1} entries).`,
    ]);
  });

  it('exits 2 and says why when the README lost its markers', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'README.md'), readme().replace(END, ''));
    const log: string[] = [];
    expect(main(dir, (line) => log.push(line))).toBe(2);
    expect(log[0]).toContain('lacks the lines');
  });
});
