import { importModule } from '../module-import';

/**
 * The preferences chunk's file beside this one, in the script tag's chunks (the build writes it in,
 * see vite.config.ts); undeclared where a bundler owns the file names (the npm build, the unit tests).
 */
declare const __TEMOIN_PREFERENCES_CHUNK__: string | undefined;

/**
 * In the script tag's chunks, the module of the preferences chunk that holds `key`: the chunk exports
 * each module's namespace under a minified name. Fetched by its URL, again after a failure (see
 * importModule), and not through the bundler's `import()`, which it would wrap in its preload
 * helper: a kilobyte on a first visit, for a chunk with nothing to preload.
 */
const fromChunk = async <M>(key: keyof M): Promise<M> =>
  Object.values(await importModule<Record<string, M>>(__TEMOIN_PREFERENCES_CHUNK__!)).find((namespace) => namespace[key])!;

/*
 * Where a bundler owns the files (the npm build, the unit tests), its own import. The condition is
 * decided once the build writes the chunk's name in, so the minifier keeps one branch.
 */

/** The preferences dialog's code. */
export const loadPreferencesLayer: () => Promise<typeof import('./preferences/preferences-layer')> =
  typeof __TEMOIN_PREFERENCES_CHUNK__ === 'string' ? () => fromChunk('createPreferencesLayer') : () => import('./preferences/preferences-layer');

/** Fills `element` with a cookie table (docs/contract.md §9); Preact and the table load on demand. */
export const renderCookieTable: typeof import('./preferences/cookie-table').renderCookieTable = async (...args) =>
  (
    await (typeof __TEMOIN_PREFERENCES_CHUNK__ === 'string'
      ? fromChunk<typeof import('./preferences/cookie-table')>('renderCookieTable')
      : import('./preferences/cookie-table'))
  ).renderCookieTable(...args);
