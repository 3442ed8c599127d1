import { exportName } from './config/export-name';
import { type Catalog, resolveConfig } from './config/resolve';
import type { ResolvedConfig, TemoinConfig, Tracker } from './config/types';
import { consentEndpoint } from './consent/endpoint';
import { createInstance, type InstanceOptions, type TemoinInstance } from './instance';
import type { Integration } from './integrations/integration';
import { googleConsentMode } from './integrations/google-consent-mode';

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

/**
 * Clearing trackers' `storage` keys (docs/contract.md §6), a chunk loaded only for a config whose
 * trackers declare keys: the keys go a moment after the cookies, each clearing in the order asked.
 */
const storageClearing: Integration = (config, consent) => {
  if (!config.trackers.some((t) => t.storage?.length)) return;
  // A file that does not load: the browser's own error, which names it, is logged once.
  const clearing = import('./trackers/storage').then((module) => module.storageClearing(config, consent), console.error);
  return (consent) => void clearing.then((clear) => clear?.(consent));
};

/**
 * The floating button, its stylesheet and its label a chunk of their own, loaded once a choice
 * exists: a first visit's bundle carries none of them, as the script tag's core carries no look
 * (`config/cache.ts`).
 */
const loadLauncher =
  (config: ResolvedConfig): InstanceOptions['launcher'] =>
  (open) => {
    // A file that does not load: the browser's own error names it.
    const drawn = import('./launcher-drawn').then((module) => module.drawLauncher(config, open));
    // Removed before it loaded, it goes as soon as drawn, in the same task: never seen.
    return { remove: () => void drawn.then((launcher) => launcher.remove()) };
  };

/**
 * Starts temoin with a config (docs/contract.md §3, §7): validates it, applies the stored choice,
 * gates the page's trackers, and shows the banner when there is no valid choice yet. The UI loads
 * on demand.
 * @throws {Error} where there is no DOM (server-side rendering, Node): temoin runs in the page.
 * @throws {TemoinConfigError} when the config is invalid; then nothing runs.
 */
export function init(config: TemoinConfig, { catalog = [] }: InitOptions = {}): TemoinInstance {
  // Where there is a document there is a window: server-side rendering, Node and workers have neither.
  if (typeof document === 'undefined') {
    throw new Error(
      'temoin: init() needs a browser page, and there is no document here: call it in an effect or mounted hook',
    );
  }
  // No prototype: `"constructor"` is no entry.
  const byId: Catalog = Object.assign(Object.create(null), Object.fromEntries(catalog.map((tracker) => [tracker.id, tracker])));
  const resolve = (input: unknown) => resolveConfig(input, byId, unknownId(Object.keys(byId)));
  const resolved = resolve(config);
  return createInstance(resolved, {
    // A cookie table naming another config (docs/contract.md §9): resolved against the same catalog.
    loadUi: async () => ({ ...(await import('./ui/index')), resolveTableConfig: resolve }),
    launcher: loadLauncher(resolved),
    integrations: [googleConsentMode, consentEndpoint(() => import('./consent/endpoint-call')), storageClearing],
    loadWithdrawal: () => import('./integrations/withdrawal'),
  });
}
