import type { ResolvedConfig } from '../config/types';
import { type Grants, grantsOf } from '../consent/consent';
import type { ConsentRecord } from '../consent/record';
import { clearsCookie } from '../decisions';
import { clearCookies } from '../trackers/cookies';
import { isExcludedPage } from '../trackers/excluded-paths';
import { callPage, CONSENT_API_CALLS } from './consent-apis';

/**
 * What follows a choice in the page once it is recorded (docs/contract.md §17): a tracker whose
 * consent is withdrawn, or an exempt one the visitor objects to, stops at once, through its
 * vendor's consent API (`consentApi` of its entry, `consent-apis.ts`) or else by a reload; one granted again after
 * that resumes; an exempt one moves between the vendor's exempt and full modes. Loaded after a
 * choice made in the page (`temoin-withdrawal.mjs` for the script tag), never on a page view
 * that only applies a stored choice.
 */

/**
 * The storage keys' clearing (trackers/storage.ts). In the script tag's `temoin-withdrawal.mjs`, the
 * `temoin-storage.mjs` beside it (the build writes its name in), fetched by its URL, not through the
 * bundler's `import()`, which it would wrap in its preload helper; where a bundler owns the files
 * (the npm build, the unit tests), its own import: a chunk of its own, so that a site's bundler
 * preloads nothing with this file (its entry then carries no list of what each chunk imports).
 */
declare const __TEMOIN_STORAGE_FILE__: string | undefined;
const loadStorage: () => Promise<typeof import('../trackers/storage')> =
  typeof __TEMOIN_STORAGE_FILE__ === 'string'
    ? () => import(/* @vite-ignore */ new URL(__TEMOIN_STORAGE_FILE__, import.meta.url).href)
    : () => import('../trackers/storage');

/** Trackers stopped through their consent API in this page: a later grant resumes them. */
const revoked = new Set<string>();

/**
 * The trackers whose gated elements ran in this page: a released script no longer has the type
 * `text/plain`, a released iframe has its `src`. An element of a category counts for each of its trackers.
 */
function ranInPage(config: ResolvedConfig): Set<string> {
  const ran = new Set<string>();
  for (const element of Array.from(document.querySelectorAll('[data-temoin-tracker],[data-temoin-category]'))) {
    const released = element instanceof HTMLScriptElement ? element.type.toLowerCase() !== 'text/plain' : element.hasAttribute('src');
    const tracker = element.getAttribute('data-temoin-tracker');
    const category = element.getAttribute('data-temoin-category');
    if (released) for (const t of config.trackers) if (t.id === tracker || (!tracker && t.category === category)) ran.add(t.id);
  }
  return ran;
}

/**
 * Deletes, once more, the cookies and storage keys of every tracker that may not run now, as the
 * choice did (docs/contract.md §6): its script may have written them again between the choice and its stop.
 */
function clearStopped(config: ResolvedConfig, grants: Grants): void {
  clearCookies(clearsCookie(config, grants));
  if (config.trackers.some((t) => t.storage?.length)) void loadStorage().then((module) => module.clearRefusedStorage(config, grants));
}

/**
 * Follows the choice that replaced `previous` (`null`: none yet) with `current` (`null`: forgotten
 * by `reset()`). `sent` is what the integrations gave back for the choice, settled once they took it
 * (the consent endpoint's call answered): a reload waits for it.
 */
export function followChoice(config: ResolvedConfig, previous: ConsentRecord | null, current: ConsentRecord | null, sent: unknown[]): void {
  // Nothing needing consent ran on an excluded page (docs/contract.md §3): nothing to stop.
  if (isExcludedPage(config.excludedPaths)) return;
  // What may run before and after, as the instance grants it: before any choice, what is exempt.
  const before = grantsOf(config, previous?.decisions ?? {});
  const after = grantsOf(config, current?.decisions ?? {});
  const ran = ranInPage(config);
  let reload = false;
  for (const { id, consentApi, exempt } of config.trackers) {
    const api = consentApi && CONSENT_API_CALLS[consentApi];
    const now = after.trackers[id];
    if (before.trackers[id] && !now) {
      if (api?.revoke.every(callPage)) revoked.add(id);
      else reload ||= ran.has(id);
    } else if (now && (revoked.delete(id) || (exempt && (previous?.decisions[id] === 1) !== (current?.decisions[id] === 1)))) {
      // Resumed, or an exempt tracker consented to (Tout accepter: the vendor's full mode) or no longer (its exempt mode).
      (exempt && current?.decisions[id] !== 1 ? api?.exempt : api?.grant)?.forEach(callPage);
    }
  }
  clearStopped(config, after);
  if (reload && config.reloadOnWithdrawal) void Promise.all(sent).then(() => location.reload());
}
