declare const __TEMOIN_CATALOG_IDS__: string[];

/**
 * The catalog's ids (its file names), from the build. Not in what a first visit loads: the script
 * tag knows an id by its entry loading (`load.ts`), and loads this list, `temoin-ids.mjs`, only to
 * tell whether a whole tracker object replaces a catalog entry; the messages of an invalid config
 * (`errors-script-tag.ts`) bring their own copy.
 */
export const CATALOG_IDS: readonly string[] = __TEMOIN_CATALOG_IDS__;
