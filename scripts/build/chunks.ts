import { readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { Plugin, UserConfig } from 'vite';
import { catalogEntryModule, runtimeEntry } from '../../src/config/runtime-entry.ts';
import { LOCALES } from '../../src/config/rules.ts';
import type { Locale, Tracker } from '../../src/config/types.ts';
import { en } from '../../src/locales/en.ts';
import { enUi } from '../../src/locales/en-ui.ts';
import { CATALOG_IDS, define } from './define.ts';

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

/** The English texts of the script tag's UI: `virtual:temoin-english`. */
const ENGLISH = 'virtual:temoin-english';

/**
 * `temoin-en.mjs`, the texts the script tag's UI shows for an English config (src/embed-ui.ts): the
 * banner's (locales/en.ts), the status line's and the exempt note (locales/en-ui.ts), written in
 * as one object. A copy, not those modules: the preferences chunk holds them too, and would
 * otherwise import them from this file, which a French page never loads.
 */
function englishTexts(): Plugin {
  return {
    name: 'temoin-english-texts',
    resolveId: (id) => (id === ENGLISH ? `\0${id}` : null),
    load: (id) => (id === `\0${ENGLISH}` ? `export default ${JSON.stringify({ ...en, ...enUi })};` : null),
  };
}

/**
 * The files that hold one object and nothing else (the catalog entries, `temoin-en.mjs`) as
 * `export default {…}`: the bundler writes `var e={…};export{e as default};`, some 13 bytes more a
 * file, which a first visit downloads once per entry of its config. The build fails if a file of
 * theirs has another shape.
 */
function dataModules(): Plugin {
  const shape = /^var (\w+)=(.*);export\{\1 as default\};?\s*$/s;
  return {
    name: 'temoin-data-modules',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        const id = chunk.type === 'chunk' ? chunk.facadeModuleId : null;
        if (chunk.type !== 'chunk' || !id || !(id.startsWith(`\0${CATALOG_ENTRY}`) || id === `\0${ENGLISH}`)) continue;
        const [, , value] = shape.exec(chunk.code) ?? this.error(`${chunk.fileName}: not one exported object, as the data modules are`);
        chunk.code = `export default${value};`;
      }
    },
  };
}

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
      return code.replaceAll('__TEMOIN_PREFERENCES_CHUNK__', JSON.stringify(preferences.fileName));
    },
  };
}

/** The modules that load when a visitor opens the preferences or a page holds a cookie table: Preact's dialog and table. */
export const PREFERENCES_FOLDER = resolve('src/ui/preferences') + sep;

interface ModuleGraph {
  getModuleInfo(id: string): { isEntry: boolean; importers: readonly string[]; dynamicImporters: readonly string[] } | null;
}

/**
 * Whether `id` is in the preferences folder, or reached only through it: every module that imports
 * it, statically or not, is (Preact, the preferences' texts, what the cookie table reads). What the
 * banner or an entry imports too is not: it is loaded by the time the preferences are.
 */
function onlyThroughPreferences(id: string, graph: ModuleGraph, seen: ReadonlySet<string> = new Set()): boolean {
  if (id.startsWith(PREFERENCES_FOLDER) || seen.has(id)) return true;
  const info = graph.getModuleInfo(id);
  const importers = [...(info?.importers ?? []), ...(info?.dynamicImporters ?? [])];
  if (!info || info.isEntry || importers.length === 0) return false;
  const path = new Set(seen).add(id);
  return importers.every((importer) => onlyThroughPreferences(importer, graph, path));
}

/**
 * `vite build --mode chunks` writes the ES modules the script tag loads beside itself when a page
 * needs them, and nothing else: `temoin-ui.mjs` (validator and UI), `temoin-en.mjs` (the UI's
 * English texts), the catalog entries (`temoin-catalog-<id>.mjs`, `temoin-catalog-<id>.en.mjs`),
 * `temoin-consent-mode.mjs`, `temoin-endpoint.mjs`, `temoin-storage.mjs`, `temoin-ids.mjs` (the catalog's ids, for a config
 * holding whole tracker objects, which may replace catalog entries), `temoin-preferences-<hash>.mjs` and
 * `.vite/manifest.json`. `temoin-config-errors.mjs` is a build of its own (`config-errors.ts`).
 * Not lib mode: lib mode leaves ES output unminified (for consumers' tree-shaking); these run as shipped.
 */
export const chunks: UserConfig = {
  define,
  plugins: [preferencesChunkName(), runtimeCatalogEntries(), englishTexts(), dataModules()],
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
        // The catalog's ids, which the validator imports by URL only for a config holding whole tracker objects.
        'temoin-ids': 'src/config/catalog-ids.ts',
        // The English texts, which the UI imports by URL only for an English config.
        'temoin-en': ENGLISH,
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
        // with the banner (the texts) comes with them: temoin.js holds the banner's own and hands
        // them to temoin-ui.mjs (src/ui/mount.ts, BannerParts).
        codeSplitting: {
          groups: [
            {
              name: (id, graph) => (onlyThroughPreferences(id, graph) ? 'preferences' : null),
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
};
