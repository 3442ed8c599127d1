import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import * as z from 'zod/mini';
import { defineConfig, type Plugin } from 'vite';
import { exportName } from './src/config/export-name.ts';
import { catalogEntryModule, runtimeEntry } from './src/config/runtime-entry.ts';
import { LOCALES } from './src/config/rules.ts';
import { trackerSchema } from './src/config/schema.ts';
import type { Locale, Tracker } from './src/config/types.ts';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/**
 * Identifies what a validated config depends on (the catalog and the code: the schema, and which
 * integration files the config needs), so that a new build validates again.
 */
function buildId(): string {
  const hash = createHash('sha256').update(pkg.version);
  for (const dir of ['catalog', 'src']) {
    for (const file of readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => resolve(entry.parentPath, entry.name))
      .sort()) {
      hash.update(relative('.', file)).update(readFileSync(file));
    }
  }
  return hash.digest('hex').slice(0, 12);
}

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

/** The `temoin` command must stay runnable after every build, not only after the first `npx` call. */
function executable(): Plugin {
  return {
    name: 'temoin-executable',
    writeBundle(options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk' && output.isEntry) chmodSync(resolve(options.dir ?? 'dist', output.fileName), 0o755);
      }
    },
  };
}

/** A catalog entry as a page in one locale loads it: `virtual:temoin-catalog-entry/<id>.<locale>`. */
const CATALOG_ENTRY = 'virtual:temoin-catalog-entry/';

/**
 * The catalog entries a page loads, one module per entry and locale (`temoin-catalog-<id>.mjs` in
 * French, the default locale, `temoin-catalog-<id>.en.mjs` in English): without their documentation
 * fields, their texts in that language alone.
 */
function runtimeCatalogEntries(): Plugin {
  return {
    name: 'temoin-runtime-catalog-entries',
    resolveId: (id) => (id.startsWith(CATALOG_ENTRY) ? `\0${id}` : null),
    load(id) {
      if (!id.startsWith(`\0${CATALOG_ENTRY}`)) return null;
      const [name, locale] = id.slice(CATALOG_ENTRY.length + 1).split('.') as [string, Locale];
      const file = resolve('catalog', `${name}.json`);
      this.addWatchFile(file);
      return `export default ${JSON.stringify(runtimeEntry(JSON.parse(readFileSync(file, 'utf8')) as Tracker, locale))};`;
    },
  };
}

/** The catalog's ids: its file names. */
const CATALOG_IDS = readdirSync('catalog')
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length))
  .sort();

const define = {
  __TEMOIN_VERSION__: JSON.stringify(pkg.version),
  __TEMOIN_BUILD__: JSON.stringify(buildId()),
  __TEMOIN_CATALOG_IDS__: JSON.stringify(CATALOG_IDS),
};

/**
 * In the script tag's chunks, `__TEMOIN_PREFERENCES_CHUNK__` names the preferences chunk's file, so
 * that the UI can fetch it again under a new URL after a failed load (src/module-import.ts). The
 * name still holds its hash placeholder here: the bundler writes the final one in its place.
 */
function preferencesChunkName(): Plugin {
  return {
    name: 'temoin-preferences-chunk-name',
    renderChunk(code, _chunk, _options, meta) {
      if (!code.includes('__TEMOIN_PREFERENCES_CHUNK__')) return null;
      const preferences = Object.values(meta.chunks).find((other) => other.name === 'preferences');
      if (!preferences) throw new Error('no preferences chunk in the build');
      return code.replaceAll('__TEMOIN_PREFERENCES_CHUNK__', JSON.stringify(`./${preferences.fileName}`));
    },
  };
}

/**
 * Six builds into `dist/`, in this order:
 * - default: the npm entry points, `temoin.mjs` (the UI a dynamic-import chunk), `schema.mjs` and
 *   `catalog.mjs` (generated from `catalog/`), dependencies external;
 * - `--mode chunks`: `temoin-ui.mjs` (validator and UI), the catalog entries
 *   (`temoin-catalog-<id>.mjs`), `temoin-consent-mode.mjs`, `temoin-endpoint.mjs` and `temoin-storage.mjs`, the ES modules
 *   the script tag loads beside itself when a page needs them, `temoin-suggest.mjs` (the
 *   "did you mean" hints for a config naming an unknown catalog id), and the preferences chunk;
 * - `--mode withdrawal`: `temoin-withdrawal.mjs`, what follows a choice made in the page, alone in
 *   its build so that it shares no file with the chunks above;
 * - `--mode embed`: `temoin.js`, the self-contained IIFE of the script tag (no validator, no UI);
 * - `--mode cli`: `cli.mjs`, the `temoin` command;
 * - `--mode server`: `server.mjs`, `temoin/server`.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'embed') {
    return {
      define,
      build: {
        emptyOutDir: false,
        minify: true,
        lib: { entry: 'src/embed.ts', formats: ['iife'], name: 'TemoinEmbed', fileName: () => 'temoin.js' },
      },
    };
  }
  if (mode === 'cli') {
    // `dist/cli.mjs`, the `temoin` command: a Node ES module, `node:` built-ins external, the rest bundled.
    return {
      define,
      ssr: { noExternal: true },
      plugins: [executable()],
      build: {
        emptyOutDir: false,
        ssr: 'src/cli/main.ts',
        target: 'node20',
        rolldownOptions: { output: { entryFileNames: 'cli.mjs', banner: '#!/usr/bin/env node' } },
      },
    };
  }
  if (mode === 'server') {
    // `dist/server.mjs`, `temoin/server`: the consent endpoint for Node, the config checks and the
    // catalog bundled in, no DOM.
    return {
      define,
      ssr: { noExternal: true },
      build: {
        emptyOutDir: false,
        ssr: 'src/server/index.ts',
        target: 'node20',
        rolldownOptions: { output: { entryFileNames: 'server.mjs' } },
      },
    };
  }
  if (mode === 'withdrawal') {
    // `temoin-withdrawal.mjs`, what follows a choice made in the page (docs/contract.md §17), which
    // temoin.js imports by URL: a build of its own, so that the modules it shares with the
    // integrations' files stay copies in it, not a file of their own that those would wait for.
    return {
      define,
      build: {
        emptyOutDir: false,
        minify: true,
        rolldownOptions: {
          input: 'src/integrations/withdrawal.ts',
          preserveEntrySignatures: 'allow-extension',
          output: { format: 'es', entryFileNames: 'temoin-withdrawal.mjs' },
        },
      },
    };
  }
  if (mode === 'chunks') {
    // Not lib mode: lib mode leaves ES output unminified (for consumers' tree-shaking); these run as shipped.
    return {
      define,
      plugins: [preferencesChunkName(), runtimeCatalogEntries()],
      build: {
        emptyOutDir: false,
        minify: true,
        modulePreload: false,
        // `.vite/manifest.json`: every file a script-tag page may load, which the proof bundle hashes
        manifest: true,
        rolldownOptions: {
          input: {
            'temoin-ui': 'src/embed-ui.ts',
            'temoin-consent-mode': 'src/integrations/consent-mode-script-tag.ts',
            'temoin-endpoint': 'src/consent/endpoint-script-tag.ts',
            'temoin-storage': 'src/trackers/storage-script-tag.ts',
            // The "did you mean" hints, which the validator imports by URL only for a config naming an unknown id.
            'temoin-suggest': 'src/config/suggest.ts',
            // Each catalog entry a file of its own per locale, which the validator imports by id.
            ...Object.fromEntries(
              CATALOG_IDS.flatMap((id) => LOCALES.map((locale) => [catalogEntryModule(id, locale), `${CATALOG_ENTRY}${id}.${locale}`])),
            ),
          },
          preserveEntrySignatures: 'allow-extension',
          output: {
            format: 'es',
            entryFileNames: '[name].mjs',
            chunkFileNames: 'temoin-[name]-[hash].mjs',
            // Preact with the preferences dialog and the cookie table, its only users: one file, one
            // round trip when a visitor opens the preferences (the bench times it). What they share
            // with the banner (the texts) stays in temoin-ui.mjs, which is loaded by then.
            codeSplitting: {
              groups: [
                { name: 'preferences', includeDependenciesRecursively: false, test: /node_modules[\\/]preact[\\/]|src[\\/](ui[\\/](preferences|category|tracker|switch|actions|cookie-)|locales[\\/]\w+-preferences|config[\\/]source|document-parsed)/ },
              ],
            },
          },
        },
      },
    };
  }
  return {
    define,
    plugins: [catalogJsonSchema(), catalogModule()],
    build: {
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
      rolldownOptions: { external: [/^preact/, /^zod/] },
    },
    test: {
      reporters: ['default', 'json'],
      outputFile: { json: 'node_modules/.vitest-report.json' },
      projects: [
        {
          define,
          test: { name: 'unit', environment: 'happy-dom', include: ['tests/unit/**/*.test.{ts,tsx}'] },
        },
        {
          define,
          test: {
            name: 'browser',
            environment: 'node',
            include: ['tests/browser/**/*.test.ts'],
            // Prints one line per engine (Firefox, WebKit) not installed here: its journeys are skipped.
            globalSetup: ['tests/browser/support/engines-setup.ts'],
            testTimeout: 30_000,
            hookTimeout: 60_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
