import { exportName } from './config/export-name';
import { type Catalog, resolveConfig } from './config/resolve';
import type { ResolvedConfig, TemoinConfig, Tracker } from './config/types';
import { createInstance, type TemoinInstance } from './instance';
import { type IntegrationName, integrationNames } from './integrations/files';
import { type Integration, safely } from './integrations/integration';

export interface InitOptions {
  /**
   * The catalog entries that ids in `config.trackers` name: `import { catalog } from 'temoin/catalog'`
   * for all of them, or only the ones the config names (`[matomo, zendesk]`). Without it, the
   * config's trackers must be tracker objects, such as the entries `temoin/catalog` exports.
   */
  catalog?: readonly Tracker[];
}

/** Only the entries a site imports reach its bundle, so an id needs the entry given to init(). */
function unknownId(ids: string[]): (id: string) => string {
  return (id) =>
    ids.length
      ? `"${id}" is not in init()'s catalog: ${ids.join(', ')}`
      : `"${id}" needs its catalog entry: import { ${exportName(id)} } from 'temoin/catalog', or init(config, { catalog })`;
}

/** The chunk of each integration a config may use, as the script tag's files are (`integrations/files.ts`). */
const CHUNKS: Record<IntegrationName, () => Promise<{ integration: Integration }>> = {
  'consent-mode': () => import('./integrations/consent-mode-script-tag'),
  endpoint: () => import('./consent/endpoint-script-tag'),
  storage: () => import('./trackers/storage-script-tag'),
};

/**
 * The integrations `config` uses beyond Matomo's, as one: their chunks load at once, each starts
 * once they have, and takes each choice after. The gate waits for `loaded` (Consent Mode's defaults
 * must reach `gtag` before any gated script runs), and releases nothing if a chunk fails to load.
 */
function integrationChunks(config: ResolvedConfig): { integration: Integration; loaded: Promise<unknown> } {
  const loaded = Promise.all(integrationNames(config).map((name) => CHUNKS[name]())).catch((error) => {
    console.error('temoin: an integration failed to load: no gated script runs', error);
    return new Promise<never>(() => {});
  });
  return {
    loaded,
    integration: (config, consent) => {
      const started = loaded.then((modules) => modules.map(({ integration }) => safely(() => integration(config, consent))));
      return (changed) => started.then((updates) => Promise.all(updates.map((update) => safely(() => update?.(changed)))));
    },
  };
}

/**
 * Starts temoin with a config (docs/contract.md §3, §7): validates it, applies the stored choice,
 * gates the page's trackers, and shows the banner when there is no valid choice yet. The UI loads
 * on demand.
 * @throws {Error} where there is no DOM (server-side rendering, Node): temoin runs in the page.
 * @throws {TemoinConfigError} when the config is invalid; then nothing runs.
 */
export function init(config: TemoinConfig, { catalog = [] }: InitOptions = {}): TemoinInstance {
  if (typeof document === 'undefined' || typeof window === 'undefined') {
    throw new Error(
      'temoin: init() needs a browser page, and there is no document here: call it in an effect or a mounted hook',
    );
  }
  // No prototype: `"constructor"` is no entry.
  const byId: Catalog = Object.assign(Object.create(null), Object.fromEntries(catalog.map((tracker) => [tracker.id, tracker])));
  const resolve = (input: unknown) => resolveConfig(input, byId, unknownId(Object.keys(byId)));
  const resolved = resolve(config);
  const { integration, loaded } = integrationChunks(resolved);
  return createInstance(resolved, {
    // A cookie table naming another config (docs/contract.md §9): resolved against the same catalog.
    loadUi: async () => ({ ...(await import('./ui/index')), resolveTableConfig: async (input) => resolve(input) }),
    loadLauncher: () => import('./launcher'),
    integrations: [integration],
    releaseAfter: loaded,
    loadWithdrawal: () => import('./integrations/withdrawal'),
  });
}
