import type { Locale, Tracker } from '../config/types';

/**
 * Catalog entries matching a search, by id, name, vendor, category or cookie name: `_ga` finds
 * Google Analytics through its `_ga` and `_ga_*` cookies, and a cookie's real name (`_pk_id.1.a2b3`)
 * finds the entry whose prefix declares it.
 */
export function searchCatalog(entries: readonly Tracker[], query: string, locale: Locale): Tracker[] {
  const word = query.trim().toLowerCase();
  if (!word) return [...entries];
  const cookieMatches = (name: string) => {
    const lower = name.toLowerCase();
    return lower.includes(word) || (lower.endsWith('*') && word.startsWith(lower.slice(0, -1)));
  };
  return entries.filter(
    (entry) =>
      [entry.id, entry.name, entry.provider, entry.category, entry.description[locale] ?? ''].some((text) => text.toLowerCase().includes(word)) ||
      (entry.advertising && 'advertising'.includes(word)) ||
      entry.cookies.some((cookie) => cookieMatches(cookie.name)),
  );
}
