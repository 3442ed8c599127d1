import type { Locale, ResolvedConfig } from '../config/types';
import { preferencesWords } from './preferences-texts';
import type { TextKey } from './texts';

/** One declared cookie, as a privacy policy lists it (docs/contract.md §9). */
export interface CookieRow {
  /** Catalog or config id of the tracker; `null` for temoin's own consent cookie. */
  trackerId: string | null;
  /** Its name, followed by "(exempt from consent)" when it runs exempt (docs/contract.md §17). */
  tracker: string;
  /** `true` when the tracker runs exempt from consent until the visitor objects; absent otherwise. */
  exempt?: true;
  provider: string;
  /** Category id. */
  category: string;
  cookie: string;
  purpose: string;
  /** As declared: `"13mo"`, `"session"`. */
  lifetime: string;
  /** In words, in the table's locale: "13 mois". */
  lifetimeText: string;
}

export interface CookieGroup {
  category: string;
  name: string;
  cookies: CookieRow[];
}

/** One column of the table: its header's text, its cell for a row, and whether that cell is code (a cookie's name). */
export interface Column {
  key: TextKey;
  cell(row: CookieRow): string;
  code?: boolean;
}

/** The table's columns, in order. */
export const COLUMNS: Column[] = [
  { key: 'tracker', cell: (row) => row.tracker },
  { key: 'provider', cell: (row) => row.provider },
  { key: 'cookie', cell: (row) => row.cookie, code: true },
  { key: 'purpose', cell: (row) => row.purpose },
  { key: 'lifetime', cell: (row) => row.lifetimeText },
];

/**
 * The cookie table of a privacy policy, grouped by category in the config's order: temoin's own
 * consent cookie first among the necessary ones (a policy must declare it too), then each
 * tracker's cookies. Empty categories are left out.
 */
export function cookieGroups(config: ResolvedConfig, locale: Locale = config.tenant.locale): CookieGroup[] {
  const w = preferencesWords(config, locale);
  const { tenant } = config;
  return config.categories
    .map((category) => {
      const cookies: CookieRow[] = config.trackers
        .filter((tracker) => tracker.category === category.id)
        .flatMap((tracker) =>
          tracker.cookies.map((cookie) => ({
            trackerId: tracker.id,
            tracker: tracker.exempt ? `${tracker.name} (${w.t('exemptMark')})` : tracker.name,
            ...(tracker.exempt && { exempt: true as const }),
            provider: tracker.provider,
            category: category.id,
            cookie: cookie.name,
            purpose: w.pick(cookie.purpose),
            lifetime: cookie.lifetime,
            lifetimeText: w.lifetime(cookie.lifetime),
          })),
        );
      if (category.required) {
        const lifetime = `${tenant.consentMaxAgeMonths}mo`;
        cookies.unshift({
          trackerId: null,
          tracker: tenant.name,
          provider: tenant.name,
          category: category.id,
          cookie: config.cookieName,
          purpose: w.t('consentCookie'),
          lifetime,
          lifetimeText: w.lifetime(lifetime),
        });
      }
      return { category: category.id, name: w.categoryName(category), cookies };
    })
    .filter((group) => group.cookies.length > 0);
}
