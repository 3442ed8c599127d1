/**
 * What a config declares, as the audits ask it: which tracker a cookie name or a storage key
 * belongs to, whether that tracker needs consent, and which catalog entry a stranger resembles.
 */
import type { ResolvedConfig, Tracker, TrackerCookie } from '../config/types';
import { matchesCookieName } from '../trackers/cookies';
import { isExcludedPage } from '../trackers/excluded-paths';

/** temoin's own consent cookie and `temoin:` storage keys: declared by every config (docs/contract.md §15). */
export const OWN = 'temoin';
const OWN_STORAGE = 'temoin:*';

/** A cookie name's declaration: the tracker, its cookie entry, or temoin's consent cookie. */
export type CookieDeclaration = { tracker: Tracker; cookie: TrackerCookie } | { own: true; months: number };

export function declaredCookie(config: ResolvedConfig | null, name: string): CookieDeclaration | undefined {
  if (!config) return undefined;
  if (name === config.cookieName) return { own: true, months: config.tenant.consentMaxAgeMonths };
  for (const tracker of config.trackers) {
    const cookie = tracker.cookies.find((declared) => matchesCookieName(declared.name, name));
    if (cookie) return { tracker, cookie };
  }
  return undefined;
}

/** The tracker declaring a storage key, `OWN` for temoin's, undefined for none. */
export function declaredStorage(config: ResolvedConfig | null, key: string): Tracker | typeof OWN | undefined {
  if (!config) return undefined;
  if (matchesCookieName(OWN_STORAGE, key)) return OWN;
  return config.trackers.find((tracker) => tracker.storage?.some((pattern) => matchesCookieName(pattern, key)));
}

/** Set by the config for a tracker running exempt from consent (docs/contract.md §15). */
export const isExempt = (tracker: Tracker): boolean => (tracker as Tracker & { exempt?: boolean }).exempt === true;

/** Whether a tracker's category is a required one (functional): it runs whatever the choice. */
export const isFunctional = (config: ResolvedConfig, tracker: Tracker): boolean =>
  config.categories.some((category) => category.id === tracker.category && category.required);

/** A tracker that must wait for the visitor's consent: neither functional nor running exempt. */
export const needsConsent = (config: ResolvedConfig, tracker: Tracker): boolean => !isFunctional(config, tracker) && !isExempt(tracker);

/** A page of `excludedPaths` (docs/contract.md §3). */
export function isExcludedUrl(config: ResolvedConfig | null, url: string): boolean {
  if (!config?.excludedPaths.length) return false;
  try {
    return isExcludedPage(config.excludedPaths, new URL(url).pathname);
  } catch {
    return false;
  }
}

/** The catalog entry whose cookie names (or storage keys) match a name: "did you mean `hotjar`?". */
export function catalogMatch(catalog: Readonly<Record<string, Tracker>>, name: string, kind: 'cookie' | 'storage'): string | null {
  const entries = Object.values(catalog).sort((a, b) => a.id.localeCompare(b.id));
  const found = entries.find((entry) =>
    kind === 'cookie' ? entry.cookies.some((cookie) => matchesCookieName(cookie.name, name)) : entry.storage?.some((key) => matchesCookieName(key, name)),
  );
  return found?.id ?? null;
}
