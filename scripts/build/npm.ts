import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin, UserConfig } from 'vite';
import * as z from 'zod/mini';
import { exportName } from '../../src/config/export-name.ts';
import { runtimeEntry } from '../../src/config/runtime-entry.ts';
import { LOCALES } from '../../src/config/rules.ts';
import { trackerSchema } from '../../src/config/schema.ts';
import type { Locale, Tracker } from '../../src/config/types.ts';
import { define } from './define.ts';

/** `dist/catalog.schema.json`: the catalog entry schema for editors (`"$schema"` in users' own files). */
function catalogJsonSchema(): Plugin {
  return {
    name: 'temoin-catalog-json-schema',
    closeBundle() {
      const schema = { title: 'temoin tracker', ...z.toJSONSchema(trackerSchema as z.ZodMiniType) };
      writeFileSync('dist/catalog.schema.json', `${JSON.stringify(schema, null, 2)}\n`);
    },
  };
}

/**
 * The modules behind `temoin/catalog` (`virtual:temoin-catalog`) and `temoin/catalog/<locale>`
 * (`virtual:temoin-catalog-<locale>`), generated from `catalog/*.json` at each build.
 */
const CATALOG_MODULE = 'virtual:temoin-catalog';
const CATALOG_MODULE_ID = new RegExp(`${CATALOG_MODULE}(?:-(${LOCALES.join('|')}))?$`);

/**
 * `dist/catalog.mjs`, `dist/catalog-fr.mjs`, `dist/catalog-en.mjs` and their types: each catalog
 * file as a named export (`matomo`, `googleAnalytics`), as pages need it (without its
 * documentation fields: `src/config/runtime-entry.ts`; in one language for `temoin/catalog/<locale>`),
 * so that a site's bundler keeps only the entries it imports, and `catalog`, all of them, for sites
 * whose configs name trackers by id (docs/contract.md §13).
 */
function catalogModule(): Plugin {
  const entries = () =>
    readdirSync('catalog')
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => {
        const tracker = JSON.parse(readFileSync(resolve('catalog', file), 'utf8')) as Tracker;
        const name = exportName(tracker.id);
        if (!/^[a-z][a-zA-Z0-9]*$/.test(name)) throw new Error(`catalog/${file}: id "${tracker.id}" makes no export name`);
        const doc = `/** ${tracker.name} (${tracker.provider}), \`${tracker.category}\`: \`catalog/${file}\`. */`;
        return { tracker, name, doc };
      });
  return {
    name: 'temoin-catalog-module',
    // Lib mode resolves its entries against the root: the id arrives as a path ending in the name.
    resolveId(id) {
      const match = CATALOG_MODULE_ID.exec(id);
      return match ? `\0${match[0]}` : undefined;
    },
    load(id) {
      const match = id.startsWith('\0') ? CATALOG_MODULE_ID.exec(id) : null;
      if (!match) return undefined;
      const locale = match[1] as Locale | undefined;
      for (const file of readdirSync('catalog')) this.addWatchFile(resolve('catalog', file));
      const all = entries();
      return [
        ...all.map(({ tracker, name, doc }) => `${doc}\nexport const ${name} = ${JSON.stringify(runtimeEntry(tracker, locale))};`),
        `export const catalog = [${all.map(({ name }) => name).join(', ')}];`,
      ].join('\n');
    },
    writeBundle() {
      const all = entries();
      const types = [
        "import type { Tracker } from './index.js';",
        ...all.map(({ name, doc }) => `${doc}\nexport declare const ${name}: Tracker;`),
        '/** Every catalog entry: `init(config, { catalog })` resolves a config\'s tracker ids against them. */',
        'export declare const catalog: readonly Tracker[];',
      ];
      mkdirSync('dist/types', { recursive: true });
      writeFileSync('dist/types/catalog.d.ts', `${types.join('\n')}\n`);
    },
  };
}

/**
 * `vite build` (mode `production`) writes the npm entry points and nothing else: `temoin.mjs` (the
 * UI a dynamic-import chunk beside it), `schema.mjs`, `catalog.mjs`, `catalog-fr.mjs` and
 * `catalog-en.mjs` (generated from `catalog/`), their chunks (`npm/<module>.js`),
 * `catalog.schema.json` and `types/catalog.d.ts`; library mode, dependencies external. A lazy
 * chunk imports what it shares with `temoin.mjs` from `temoin.mjs` itself (`allow-extension`: the
 * entry exports those bindings too, under names no declaration gives), not from shared chunks of
 * their own: a site's bundler then split js-cookie out of its entry chunk, 0.26 kB more on the
 * page (`tests/browser/consumer.test.ts`, imported entries 9.90 -> 9.64 kB). The chunks' names
 * carry no hash of their own: the site's bundler hashes the chunks it writes, and each dynamic
 * import of the entry names one (imported entries -35 B gzip). In a folder of their own, so that
 * no chunk named after its module (`temoin`, `storage`) meets a file of the script tag.
 */
export const npm: UserConfig = {
  define,
  plugins: [catalogJsonSchema(), catalogModule()],
  build: {
    emptyOutDir: false,
    lib: {
      entry: {
        temoin: 'src/index.ts',
        schema: 'src/schema.ts',
        catalog: CATALOG_MODULE,
        ...Object.fromEntries(LOCALES.map((locale) => [`catalog-${locale}`, `${CATALOG_MODULE}-${locale}`])),
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.mjs`,
    },
    rolldownOptions: {
      external: [/^preact/, /^zod/, /^js-cookie/],
      preserveEntrySignatures: 'allow-extension',
      output: { chunkFileNames: 'npm/[name].js' },
    },
  },
};
