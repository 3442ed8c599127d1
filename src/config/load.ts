import { type Catalog, resolveConfig } from './resolve';
import { notInCatalog } from './not-in-catalog';
import { LOCALES } from './rules';
import { catalogEntryModule } from './runtime-entry';
import type { Locale, ResolvedConfig, Tracker } from './types';

declare const __TEMOIN_CATALOG_IDS__: string[];
/** The catalog's ids (its file names), from the build. */
const CATALOG_IDS = __TEMOIN_CATALOG_IDS__;

/** This module's URL; named, so that Vite does not take `new URL(…, import.meta.url)` for an asset of the build. */
const here = import.meta.url;
/**
 * A catalog entry with its texts in `locale`, a module of its own beside this file
 * (`catalogEntryModule()`, see vite.config.ts): a list of ids weighs less than a loader per entry,
 * however large the catalog.
 */
const entry = async (id: string, locale: Locale): Promise<Tracker> =>
  (await import(/* @vite-ignore */ new URL(`${catalogEntryModule(id, locale)}.mjs`, here).href)).default;

/**
 * The "did you mean" hints, `temoin-suggest.mjs` beside this file: by its URL, as the catalog
 * entries, not through the bundler's `import()`, which would bring its preload helper along.
 */
const hints = async (): Promise<typeof import('./suggest')> => import(/* @vite-ignore */ new URL('temoin-suggest.mjs', here).href);

/**
 * The script tag's validator: loads the catalog entries the config names, side by side, in its
 * language, then validates it against them. A first visit thus downloads the trackers a site
 * uses, not the whole catalog.
 * @throws {TemoinConfigError} listing every problem, each with its path.
 */
export async function resolveLoadingEntries(input: unknown): Promise<ResolvedConfig> {
  const refs = (input as { trackers?: unknown } | null)?.trackers;
  const list: unknown[] = Array.isArray(refs) ? refs : [];
  const catalog: Record<string, Tracker> = Object.create(null);
  // The entries in the config's language; for a locale that is none, French, and validation says why.
  const locale: unknown = (input as { tenant?: { locale?: unknown } } | null)?.tenant?.locale;
  const shown = LOCALES.find((known) => known === locale) ?? 'fr';
  const [suggest] = await Promise.all([
    // The hints load only for a config naming an unknown id; should they fail to load, the message
    // goes without them.
    list.some((ref) => typeof ref === 'string' && !CATALOG_IDS.includes(ref)) ? hints().catch(() => undefined) : undefined,
    ...list.map(async (ref) => {
      const id: unknown = typeof ref === 'string' ? ref : (ref as { id?: unknown } | null)?.id;
      if (CATALOG_IDS.includes(id as string)) catalog[id as string] = await entry(id as string, shown);
    }),
  ]);
  return resolveConfig(input, catalog as Catalog, notInCatalog(CATALOG_IDS, suggest?.closest));
}
