import type { ResolvedConfig } from '../config/types';
import { type Consent, type Grants, grantsOf } from '../consent/consent';
import type { Integration } from '../integrations/integration';
import { matchesCookieName } from './cookies';

/**
 * Removes the `localStorage` and `sessionStorage` keys matching `patterns` (a final `*` matches
 * any rest): an identifier a tracker keeps in storage is withdrawn with its cookies.
 */
export function clearStorage(patterns: readonly string[]): void {
  if (!patterns.length) return;
  for (const area of ['localStorage', 'sessionStorage'] as const) {
    try {
      const storage = window[area];
      for (const key of Object.keys(storage)) if (patterns.some((pattern) => matchesCookieName(pattern, key))) storage.removeItem(key);
    } catch {
      // Storage disabled or denied (privacy settings, sandboxed frame): no tracker could write there either.
    }
  }
}

/**
 * Removes the `storage` keys of every tracker that may not run under `grants`, as its cookies are
 * (docs/contract.md §2, §6): the integration below, and the withdrawal once more after a stop.
 */
export function clearRefusedStorage(config: ResolvedConfig, grants: Grants): void {
  clearStorage(config.trackers.flatMap((t) => (grants.trackers[t.id] ? [] : (t.storage ?? []))));
}

/**
 * The `storage` keys of every tracker that may not run are removed whenever its cookies are
 * (docs/contract.md §2): when the page starts (before a choice, only what is exempt from consent
 * runs, an exempt audience measurement included, §17), on each refusal, withdrawal and reset. Only
 * configs whose trackers declare keys use it: for the script tag it is a file of its own,
 * `temoin-storage.mjs`.
 */
export const storageClearing: Integration = (config, consent) => {
  if (!config.trackers.some((t) => t.storage?.length)) return;
  const clear = (consent: Consent | null) => clearRefusedStorage(config, consent ?? grantsOf(config, {}));
  clear(consent);
  return clear;
};
