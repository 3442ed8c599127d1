import { importModule as load } from '../module-import';
import { checkTracker } from './checks';
import type { explain } from './errors-script-tag';
import type { Problem } from './messages';
import { resolution } from './resolution';
import { ID, LOCALES, UNKNOWN_ID_RULE } from './rules';
import { catalogEntryModule } from './runtime-entry';
import type { Locale, ResolvedConfig, Tracker } from './types';

/**
 * A catalog entry with its texts in `locale`, a module of its own beside this file
 * (`catalogEntryModule()`, scripts/build/chunks.ts): a loader per entry weighs nothing, however large the catalog.
 * The catalog entries, `temoin-ids.mjs` and `temoin-config-errors.mjs` are entries of the build, not
 * the bundler's chunks, whose `import()` would bring its preload helper along: each is imported by
 * its URL, under a new one after a failure (module-import.ts), so that the next `init()` fetches it again.
 */
const entry = async (id: string, locale: Locale): Promise<Tracker> => (await load<{ default: Tracker }>(`${catalogEntryModule(id, locale)}.mjs`)).default;

/** Whether a tracker object is a whole tracker by itself; if not, it can only replace fields of a catalog entry. */
function whole(ref: unknown): boolean {
  const problems: Problem[] = [];
  checkTracker(ref, '', problems);
  return !problems.length;
}

/**
 * The script tag's validator: loads the catalog entries the config names, side by side, in its
 * language, then validates it against them. A first visit thus downloads the trackers a site
 * uses, and neither the whole catalog nor the list of its ids: an id is known by its entry
 * loading. Only a whole tracker object, which may or may not replace a catalog entry, needs the
 * list (`temoin-ids.mjs`). Problems are told by `temoin-config-errors.mjs`, loaded only for them;
 * should it fail to load, the one error still names where they are.
 * @throws {TemoinConfigError} listing every problem, each with its path.
 */
export async function resolveLoadingEntries(input: unknown): Promise<ResolvedConfig> {
  const refs = (input as { trackers?: unknown } | null)?.trackers;
  const list: unknown[] = Array.isArray(refs) ? refs : [];
  const catalog: Record<string, Tracker> = Object.create(null);
  // The ids whose entry did not load, with why: unknown ids, or the network's failure, which the catalog's list tells apart.
  const failed: Record<string, unknown> = Object.create(null);
  let ids: Promise<typeof import('./catalog-ids')> | undefined;
  // The entries in the config's language; for a locale that is none, French, and validation says why.
  const locale: unknown = (input as { tenant?: { locale?: unknown } } | null)?.tenant?.locale;
  const shown = LOCALES.find((known) => known === locale) ?? 'fr';
  await Promise.all(
    list.map(async (ref) => {
      const id: unknown = typeof ref === 'string' ? ref : (ref as { id?: unknown } | null)?.id;
      // Never a URL made of another string than an id: a-z, 0-9 and "-".
      if (typeof id !== 'string' || !ID.test(id)) return;
      if (typeof ref === 'string' || !whole(ref)) {
        await entry(id, shown).then((tracker) => (catalog[id] = tracker), (error: unknown) => (failed[id] = error));
        return;
      }
      ids ??= load('temoin-ids.mjs');
      if ((await ids).CATALOG_IDS.includes(id)) catalog[id] = await entry(id, shown);
    }),
  );
  const resolved = resolution(input, catalog);
  if (!Array.isArray(resolved)) return resolved;
  throw await load<{ explain: typeof explain }>('temoin-config-errors.mjs').then(
    (errors) => errors.explain(resolved, failed),
    (error: Error) => {
      const where = resolved.map(({ path, rule, values }) => `${path || '(config)'}${rule === UNKNOWN_ID_RULE ? ` ("${values[0]}")` : ''}`);
      return new Error(`temoin: invalid config at ${where.join(', ')}, or a catalog entry did not load; the messages did not load either: ${error.message}`);
    },
  );
}
