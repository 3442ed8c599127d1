import type { Consent } from '../consent/consent';
import { optionalTrackerIds } from '../consent/record';
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
 * The `storage` keys of every optional tracker not granted are removed whenever its cookies are
 * (docs/contract.md §2): when the page starts (no choice yet counts as refused), on each refusal,
 * withdrawal and reset. Only configs whose trackers declare keys use it: for the script tag it is
 * a file of its own, `temoin-storage.mjs`.
 */
export const storageClearing: Integration = (config, consent) => {
  const optional = optionalTrackerIds(config);
  const keyed = config.trackers.filter((t) => t.storage?.length && optional.includes(t.id));
  if (!keyed.length) return;
  const clear = (consent: Consent | null) => clearStorage(keyed.flatMap((t) => (consent?.trackers[t.id] ? [] : (t.storage ?? []))));
  clear(consent);
  return clear;
};
