/** The rules a config follows, shared by the zod schemas (`schema.ts`) and the browser's validator (`checks.ts`). */

export const ID = /^[a-z0-9-]{1,40}$/;
export const ID_RULE = 'must be 1 to 40 characters among a-z, 0-9 and "-"';

/** A string of at least one character (zod's `minLength(1)`). */
export const NOT_EMPTY_TEXT = /./s;
export const NOT_EMPTY = 'must not be empty';
export const LOCALIZED_RULE = 'needs a "fr" or an "en" text';

export const HTTP_URL_RULE = 'must be an http: or https: URL';

/** Only `http:` and `https:` links ever reach a page: no `javascript:` or `data:` URL. */
export function isHttpUrl(value: string, protocol = /^https?:$/): boolean {
  try {
    return protocol.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** A lifetime's units, largest first: the order in which a compound lifetime writes them. */
export type Unit = 'y' | 'mo' | 'd' | 'h' | 'min' | 's';

/**
 * `"session"`, or one or more count-and-unit pairs, largest unit first, each unit at most once
 * (`"13mo"`, `"2min30s"`, `"150s"`; docs/contract.md §2). Groups are plain ones, bytes being counted.
 */
export const LIFETIME = /^(session|(?=\d)([1-9]\d*y)?([1-9]\d*mo)?([1-9]\d*d)?([1-9]\d*h)?([1-9]\d*min)?([1-9]\d*s)?)$/;
export const LIFETIME_RULE = 'must be "session" or counts of y, mo, d, h, min, s, largest first ("13mo", "2min30s")';

/** A lifetime's pairs, largest unit first: `"2min30s"` → `[[2, "min"], [30, "s"]]`; `[]` for a session; `undefined` if invalid. */
export function lifetimeParts(value: string): [number, Unit][] | undefined {
  if (!LIFETIME.test(value)) return undefined;
  return [...value.matchAll(/(\d+)([a-z]+)/g)].map(([, count, unit]) => [+count, unit as Unit]);
}

/** 13 months in days, on the Gregorian calendar's average month (365.2425 / 12 days). */
export const THIRTEEN_MONTHS_DAYS = (13 * 365.2425) / 12;
const DAYS: Record<Unit, number> = { s: 1 / 86400, min: 1 / 1440, h: 1 / 24, d: 1, mo: 365.2425 / 12, y: 365.2425 };

/** A valid lifetime in days: 0 for a session. */
export const lifetimeDays = (lifetime: string): number =>
  (lifetimeParts(lifetime) ?? []).reduce((days, [count, unit]) => days + count * DAYS[unit], 0);

/**
 * The vendors' consent APIs temoin calls (`ConsentApi`): names, not calls, so that no text of a
 * config ever becomes code the page runs.
 */
export const CONSENT_APIS = ['matomo', 'gtag-analytics', 'gtag-ads', 'clarity', 'piano', 'meta', 'tiktok'] as const;
export const CONSENT_API = /^(matomo|gtag-analytics|gtag-ads|clarity|piano|meta|tiktok)$/;
export const CONSENT_API_RULE = 'must be one of "matomo", "gtag-analytics", "gtag-ads", "clarity", "piano", "meta", "tiktok"';

/**
 * A declared cookie name, a final `*` making it a prefix. Wider than an RFC 6265 token, since
 * vendors document names such as `AMCV_…@AdobeOrg` or chat ids with `/`, which their scripts store
 * percent-encoded (`AMCV_…%40AdobeOrg`) and `document-cookies.ts` reads decoded; still printable ASCII without
 * what ends a name or a pair in the Cookie header and in `document.cookie` (`=`, `;`, `,`,
 * whitespace, control characters), without quotes and backslashes (RFC 6265 §4.1.1
 * cookie-octets), and `*` only as the final prefix mark.
 */
export const COOKIE_NAME = /^[!#-)+\--:<>-[\]-~]+\*?$/;
export const COOKIE_NAME_RULE = 'must be a cookie name (no space ; , = " or \\), optionally ending in * to match a prefix';

/** A `localStorage` / `sessionStorage` key; a final `*` makes it a prefix, never a bare `*` (all of the site's storage). */
export const STORAGE_KEY = /^[^*]+\*?$/;
export const STORAGE_KEY_RULE = 'must be a storage key, optionally ending in * to match a prefix';

export const HTTPS_URL_RULE = 'must be an https: URL';

export const isHttpsUrl = (value: string): boolean => isHttpUrl(value, /^https:$/);

export const MAX_AGE_RULE = 'must be an integer from 6 to 12';
export const REVISION_RULE = 'must be an integer of 1 or more';

export const DOMAIN = /^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/i;
export const DOMAIN_RULE = 'must be a domain name such as "example.org"';

export const COOKIE_NAME_OPTION = /^[\w-]{1,64}$/;
export const COOKIE_NAME_OPTION_RULE = 'must be 1 to 64 characters among letters, digits, "_" and "-"';

/**
 * A URL path pattern of `excludedPaths` (docs/contract.md §3): from `/`, the characters of an
 * RFC 3986 path, `*` matching any run of characters. Others (a space, an accented letter) must be
 * written percent-encoded, as `location.pathname` spells them, or the pattern would never match.
 */
export const PATH_PATTERN = /^\/[\w\-.~!$&'()*+,;=:@%/]*$/;
export const PATH_PATTERN_RULE =
  'must be a URL path from "/", * matching any run of characters ("/espace-adherent/*"), other characters than those of a URL path percent-encoded';

/**
 * A path on the page's own origin (docs/contract.md §11): a leading `/`, then printable ASCII but
 * `\`, and no `//` anywhere: `//host/x` would name another host, and browsers read `\` as `/`.
 */
export const ENDPOINT_PATH = /^(?!.*\/\/)\/[!-[\]-~]*$/;
export const ENDPOINT_PATH_RULE = 'must be a path of this site, such as "/temoin/consent"';

export const TRACKER_REF_RULE = 'must be a catalog id or a tracker object';

export const LOCALES = ['fr', 'en'] as const;
/** One of `LOCALES`, for the browser's validator, which has no enum (the property test keeps both equal). */
export const LOCALE = /^(fr|en)$/;
export const LOCALE_RULE = 'must be one of "fr", "en"';
