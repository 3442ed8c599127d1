import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogEntries } from '../../scripts/catalog-entries';
import { catalogTable, END, main, START, withTable } from '../../scripts/catalog-readme';

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
