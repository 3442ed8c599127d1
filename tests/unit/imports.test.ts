// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The rules of docs/architecture.md over the import graph of `src/`, parsed from each file's import statements. */

const SRC = 'src';

interface Import {
  from: string;
  /** The module imported, as a path under `src/` without its extension, or a package name. */
  to: string;
  /** `import type`, or only `type` specifiers: erased from the build. */
  typeOnly: boolean;
}

/** Every `.ts` and `.tsx` file under `src/`, relative to it. */
const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
  .map((file) => file.split('\\').join('/'));

/** A module's name: its path under `src/` without the extension. */
const moduleOf = (file: string) => file.replace(/\.tsx?$/, '');
const modules = files.map(moduleOf);

/** The static imports and re-exports of `source` (text of module `from`); `import()` is not one. */
function importsOf(from: string, source: string): Import[] {
  return [...source.matchAll(/^\s*(import|export)\s+(type\s+)?(?:([^'";]*?)\s+from\s+)?['"]([^'"]+)['"]/gm)].map(([, , typeKeyword, names = '', to]) => {
    const specifiers = /\{([^}]*)\}/.exec(names)?.[1].split(',').map((name) => name.trim()).filter(Boolean) ?? [];
    const onlyTypes = specifiers.length > 0 && !/^\s*\w+\s*,|\*/.test(names) && specifiers.every((name) => name.startsWith('type '));
    return {
      from,
      to: to.startsWith('.') ? relative(SRC, normalize(join(SRC, dirname(from), to))).split('\\').join('/') : to,
      typeOnly: !!typeKeyword || onlyTypes,
    };
  });
}

const graph = files.flatMap((file) => importsOf(moduleOf(file), readFileSync(join(SRC, file), 'utf8')));

const inFolder = (module: string, folder: string) => module.startsWith(`${folder}/`);

/** What runs on every page: not the UI (ui/, embed-ui.ts, loaded on demand), the validator (config/), the CLI and its tools (scan/, configure/) or the server. */
const isCore = (module: string) => !/^(ui|cli|scan|configure|server|config|locales)\//.test(module) && !['embed-ui', 'launcher-look', 'launcher-drawn', 'index', 'schema'].includes(module);

/** The script tag's first banner (docs/contract.md §4): temoin.js shows it, and hands it to the UI it loads. */
const FIRST_BANNER = ['embed', 'first-visit'];
/** The banner's own modules, all that temoin.js holds of ui/. */
const BANNER = ['ui/banner', 'ui/banner-parts', 'ui/names', 'ui/styles', 'ui/texts'];

/** The imports of modules `from` selects that `allowed` does not allow. */
const violations = (from: (module: string) => boolean, allowed: (i: Import) => boolean) =>
  graph.filter((i) => from(i.from) && !allowed(i)).map((i) => `${i.from} → ${i.to}${i.typeOnly ? ' (types)' : ''}`);

describe('the import graph of src/', () => {
  it('is parsed: every module is found, with its imports', () => {
    expect(modules).toContain('instance');
    expect(modules).toContain('ui/preferences/cookie-table');
    expect(graph.filter((i) => i.from === 'instance').map((i) => i.to)).toContain('decisions');
  });

  it('tells type-only imports from the others', () => {
    const parsed = importsOf(
      'ui/x',
      `import type { A } from '../instance';\nimport { type B, type C } from '../instance';\nimport { type D, e } from '../instance';\nimport f from 'preact';\nexport { g } from './y';`,
    );
    expect(parsed.map((i) => [i.to, i.typeOnly])).toEqual([
      ['instance', true],
      ['instance', true],
      ['instance', false],
      ['preact', false],
      ['ui/y', false],
    ]);
  });

  it('has the core import ui/ only through import() and for types, but the first banner of the script tag', () => {
    expect(violations(isCore, (i) => !inFolder(i.to, 'ui') || i.typeOnly || (FIRST_BANNER.includes(i.from) && BANNER.includes(i.to)))).toEqual([]);
  });

  it('has config/ depend on nothing outside config/ but zod, and the script tag’s loader on the import by URL', () => {
    const allowed = (i: Import) => inFolder(i.to, 'config') || i.to.startsWith('zod') || (i.from === 'config/load' && i.to === 'module-import');
    expect(violations((m) => inFolder(m, 'config'), allowed)).toEqual([]);
  });

  it('has consent/ depend only on config/types, its own modules, cookie access (document-cookies) and the Integration type', () => {
    const allowed = (i: Import) =>
      i.to === 'config/types' || inFolder(i.to, 'consent') || i.to === 'document-cookies' || (i.to === 'integrations/integration' && i.typeOnly);
    expect(violations((m) => inFolder(m, 'consent'), allowed)).toEqual([]);
  });

  it('has no integration, nor consent/ or trackers/, import the instance', () => {
    expect(violations((m) => /^(integrations|consent|trackers)\//.test(m), (i) => i.to !== 'instance')).toEqual([]);
  });

  it('has nothing in the browser import the zod schemas', () => {
    const browser = (m: string) => !/^(cli|server)\//.test(m) && !['schema', 'config/schema', 'config/parse', 'config/catalog'].includes(m);
    expect(violations(browser, (i) => i.to !== 'config/schema' || i.typeOnly)).toEqual([]);
  });
});
