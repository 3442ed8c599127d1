import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod/mini';
import { defineConfig, type Plugin } from 'vite';
import { trackerSchema } from './src/config/schema.ts';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/** Identifies what validation depends on (schema code and catalog), so a new build validates again. */
function buildId(): string {
  const hash = createHash('sha256').update(pkg.version);
  for (const dir of ['catalog', 'src/config']) {
    for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(resolve(dir, file)));
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

const define = {
  __TEMOIN_VERSION__: JSON.stringify(pkg.version),
  __TEMOIN_BUILD__: JSON.stringify(buildId()),
};

/**
 * For the script tag: each chunk it loads → the chunks that one imports, from the chunks build's
 * manifest, so that temoin.js fetches them all at once instead of one round trip after another.
 */
function chunkImports(): Record<string, string[]> {
  type Manifest = Record<string, { file: string; isEntry?: boolean; imports?: string[] }>;
  const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8')) as Manifest;
  const all = (key: string): string[] => (manifest[key].imports ?? []).flatMap((dep) => [manifest[dep].file, ...all(dep)]);
  const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
  return Object.fromEntries(entries.map((key) => [manifest[key].file, [...new Set(all(key))]]));
}

/**
 * Four builds into `dist/`, in this order:
 * - default: `temoin.mjs` for npm (dependencies external, the UI a dynamic-import chunk);
 * - `--mode chunks`: `temoin-config.mjs`, `temoin-ui.mjs` and `temoin-consent-mode.mjs`, the ES
 *   modules the script tag loads beside itself when a page needs them, and the chunks they share;
 * - `--mode embed`: `temoin.js`, the self-contained IIFE of the script tag (no validator, no UI);
 * - `--mode cli`: `cli.mjs`, the `temoin` command.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'embed') {
    return {
      define: { ...define, __TEMOIN_CHUNK_IMPORTS__: JSON.stringify(chunkImports()) },
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
      build: {
        emptyOutDir: false,
        ssr: 'src/cli/main.ts',
        target: 'node20',
        rolldownOptions: { output: { entryFileNames: 'cli.mjs', banner: '#!/usr/bin/env node' } },
      },
    };
  }
  if (mode === 'chunks') {
    // Not lib mode: lib mode leaves ES output unminified (for consumers' tree-shaking); these run as shipped.
    return {
      define,
      build: {
        emptyOutDir: false,
        minify: true,
        modulePreload: false,
        manifest: true,
        rolldownOptions: {
          input: {
            'temoin-config': 'src/config/load.ts',
            'temoin-ui': 'src/ui/index.ts',
            'temoin-consent-mode': 'src/integrations/google-consent-mode.ts',
          },
          preserveEntrySignatures: 'exports-only',
          output: {
            format: 'es',
            entryFileNames: '[name].mjs',
            // A catalog entry is named after its id: `temoin-catalog-matomo.mjs`.
            chunkFileNames: (chunk) =>
              chunk.facadeModuleId?.includes('/catalog/') ? 'temoin-catalog-[name].mjs' : 'temoin-[name]-[hash].mjs',
            // Preact with the preferences dialog and the cookie table, its only users: one file, one
            // round trip when a visitor opens the preferences (the bench times it).
            codeSplitting: {
              groups: [
                { name: 'preferences', test: /node_modules[\\/]preact[\\/]|src[\\/]ui[\\/](preferences|category|tracker|switch|actions|cookie-table)/ },
                // what the banner and the validator share stays out of it, in chunks of their own
                { name: 'texts', test: /src[\\/](ui[\\/]texts|locales[\\/])/, priority: 1 },
                // with Vite's dynamic-import helper, which the validator (catalog entries) and the UI share
                { name: 'rules', test: /src[\\/]config[\\/]rules|vite[\\/]preload-helper/, priority: 2 },
              ],
            },
          },
        },
      },
    };
  }
  return {
    define,
    plugins: [catalogJsonSchema()],
    build: {
      lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'temoin.mjs' },
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
            testTimeout: 30_000,
            hookTimeout: 60_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
