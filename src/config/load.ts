import { type Catalog, resolveConfig } from './resolve';
import { notInCatalog } from './suggest';
import type { ResolvedConfig, Tracker } from './types';

/** Each catalog entry, a module of its own (`temoin-catalog-<id>.mjs`), by id (file name = id). */
const entries: Record<string, () => Promise<Tracker>> = Object.create(null);
for (const [path, load] of Object.entries(import.meta.glob<Tracker>('../../catalog/*.json', { import: 'default' }))) {
  entries[path.slice(path.lastIndexOf('/') + 1, -5)] = load;
}

/**
 * The script tag's validator: loads the catalog entries the config names, side by side, then
 * validates it against them. A first visit thus downloads the trackers a site uses, not the
 * whole catalog.
 * @throws {TemoinConfigError} listing every problem, each with its path.
 */
export async function loadConfig(input: unknown): Promise<ResolvedConfig> {
  const refs = (input as { trackers?: unknown } | null)?.trackers;
  const catalog: Record<string, Tracker> = Object.create(null);
  await Promise.all(
    (Array.isArray(refs) ? refs : []).map(async (ref) => {
      const id: unknown = typeof ref === 'string' ? ref : (ref as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && entries[id]) catalog[id] = await entries[id]();
    }),
  );
  return resolveConfig(input, catalog as Catalog, notInCatalog(Object.keys(entries)));
}
