/**
 * The rules a config follows, shared by the zod schemas (`schema.ts`) and the browser's validator
 * (`checks.ts`). What each says when broken is in `messages.ts`: a page loads it only for an invalid
 * config.
 */

import { isHttpUrl } from './http-url';

/** Every numeric bound of a config, and its default months, once: the zod schemas and the browser's checks both read these. */
export const ID_MAX_LENGTH = 40;
export const COOKIE_NAME_MAX_LENGTH = 64;
export const MIN_MONTHS = 6;
export const MAX_MONTHS = 12;
export const DEFAULT_MONTHS = 6;
export const MIN_REVISION = 1;

/**
 * The rules a config may break, by number: a problem names one (`Problem.rule`), and
 * `MESSAGES[rule]` (`messages.ts`) says what it asks for. Numbers rather than names: the validator
 * of every first visit and of every npm bundle holds them by the dozen. `UNKNOWN_ID_RULE`, an id
 * the catalog at hand lacks, is said by the caller (`UnknownId`).
 */
export const STRING_RULE = 0;
export const INTEGER_RULE = 1;
export const BOOLEAN_RULE = 2;
export const ARRAY_RULE = 3;
export const OBJECT_RULE = 4;
export const REQUIRED_RULE = 5;
export const UNKNOWN_FIELD_RULE = 6;
export const ID_RULE = 7;
export const NOT_EMPTY_RULE = 8;
export const LOCALIZED_RULE = 9;
export const HTTP_URL_RULE = 10;
export const HTTPS_URL_RULE = 11;
export const LIFETIME_RULE = 12;
export const COOKIE_NAME_RULE = 13;
export const STORAGE_KEY_RULE = 14;
export const MAX_AGE_RULE = 15;
export const REVISION_RULE = 16;
export const DOMAIN_RULE = 17;
export const COOKIE_NAME_OPTION_RULE = 18;
export const PATH_PATTERN_RULE = 19;
export const ENDPOINT_PATH_RULE = 20;
export const BASIS_RULE = 21;
export const TRACKER_REF_RULE = 22;
export const LOCALE_RULE = 23;
export const PLURAL_TEXT_RULE = 24;
export const CATEGORY_TWICE_RULE = 25;
export const TRACKER_TWICE_RULE = 26;
export const NO_CATEGORY_RULE = 27;
export const UNKNOWN_ID_RULE = 28;

export const ID = new RegExp(`^[a-z0-9-]{1,${ID_MAX_LENGTH}}$`);

/** A string of at least one character (zod's `minLength(1)`). */
export const NOT_EMPTY_TEXT = /./s;

export { isHttpUrl } from './http-url';

/** A lifetime's units, largest first: the order in which a compound lifetime writes them. */
export const UNITS = ['y', 'mo', 'd', 'h', 'min', 's'] as const;
export type Unit = (typeof UNITS)[number];

/**
 * `"session"`, or one or more count-and-unit pairs, largest unit first, each unit at most once
 * (`"13mo"`, `"2min30s"`, `"150s"`; docs/contract.md §2). Groups are plain ones, bytes being counted.
 */
export const LIFETIME = /^(session|(?=\d)([1-9]\d*y)?([1-9]\d*mo)?([1-9]\d*d)?([1-9]\d*h)?([1-9]\d*min)?([1-9]\d*s)?)$/;

/** A lifetime's pairs, largest unit first: `"2min30s"` → `[[2, "min"], [30, "s"]]`; `[]` for a session; `undefined` if invalid. */
export function lifetimeParts(value: string): [number, Unit][] | undefined {
  if (!LIFETIME.test(value)) return undefined;
  return [...value.matchAll(/(\d+)([a-z]+)/g)].map(([, count, unit]) => [+count, unit as Unit]);
}

/** Days in each unit, on the Gregorian calendar's average month (365.2425 / 12 days). */
const UNIT_DAYS: Record<Unit, number> = { s: 1 / 86400, min: 1 / 1440, h: 1 / 24, d: 1, mo: 365.2425 / 12, y: 365.2425 };

/** A lifetime in days: 0 for a session (and for an invalid value). */
export const lifetimeDays = (value: string): number =>
  (lifetimeParts(value) ?? []).reduce((days, [count, unit]) => days + count * UNIT_DAYS[unit], 0);

/**
 * A declared cookie name, a final `*` making it a prefix. Wider than an RFC 6265 token, since
 * vendors document names such as `AMCV_…@AdobeOrg` or chat ids with `/`, which their scripts store
 * percent-encoded (`AMCV_…%40AdobeOrg`) and js-cookie reads decoded; still printable ASCII without
 * what ends a name or a pair in the Cookie header and in `document.cookie` (`=`, `;`, `,`,
 * whitespace, control characters), without quotes and backslashes (RFC 6265 §4.1.1
 * cookie-octets), and `*` only as the final prefix mark.
 */
export const COOKIE_NAME = /^[!#-)+\--:<>-[\]-~]+\*?$/;

/** A `localStorage` / `sessionStorage` key; a final `*` makes it a prefix, never a bare `*` (all of the site's storage). */
export const STORAGE_KEY = /^[^*]+\*?$/;

export const isHttpsUrl = (value: string): boolean => isHttpUrl(value, /^https:$/);

export const DOMAIN = /^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/i;

/**
 * The consent cookie's name: a plain token, never with a prefix browsers enforce (letter case
 * ignored), which they drop when the cookie is written with a `Domain` or without `Secure`, as
 * temoin may write it.
 */
export const COOKIE_NAME_OPTION = new RegExp(`^(?!__(host|secure)-)[\\w-]{1,${COOKIE_NAME_MAX_LENGTH}}$`, 'i');

/**
 * A URL path pattern of `excludedPaths` (docs/contract.md §3): from `/`, the characters of an
 * RFC 3986 path, `*` matching any run of characters. Others (a space, an accented letter) must be
 * written percent-encoded, as `location.pathname` spells them, or the pattern would never match.
 */
export const PATH_PATTERN = /^\/[\w\-.~!$&'()*+,;=:@%/]*$/;

/**
 * A path on the page's own origin (docs/contract.md §11): a leading `/`, then printable ASCII but
 * `\`, and no `//` anywhere: `//host/x` would name another host, and browsers read `\` as `/`.
 */
export const ENDPOINT_PATH = /^(?!.*\/\/)\/[!-[\]-~]*$/;

/**
 * Where a catalog cookie's name and lifetime come from (docs/contract.md §2): the vendor's own
 * documentation or code, or only other public pages (a reproduction, a cookie database, an observation).
 */
export const BASES = ['vendor', 'other'] as const;

export const LOCALES = ['fr', 'en'] as const;

/** The consent cookie, name and value, stays under 1 KB (docs/contract.md §6). */
export const CONSENT_COOKIE_MAX = 1023;

/**
 * The longest the consent cookie of a config can be: `name=`, the record's fields at their widest
 * (format 2: `2.`, the fingerprint's 16 hex digits, two times of 9 base-36 digits, the consent id's
 * 22 characters and 6 dots, 65 characters with the `=`), and `id:d` for each tracker needing
 * consent, `~` between them (one fewer `~` than trackers: 64 and 3 a tracker). `consent/record.ts` writes it; record.test.ts holds the real value to this bound.
 */
export const consentCookieLength = (cookieName: string, tenantId: string, revision: number, optionalIds: readonly string[]): number =>
  optionalIds.reduce((length, id) => length + id.length + 3, 64 + cookieName.length + tenantId.length + String(revision).length);

/**
 * The keys of the widget's texts that `texts.fr` and `texts.en` may replace (docs/texts.md): the
 * banner's (src/locales/fr.ts), then the preferences dialog's and the cookie table's
 * (src/locales/fr-preferences.ts), the last of which, `UNITS`, a lifetime's units;
 * `tests/unit/texts-docs.test.ts` keeps them equal to the locales. One string, split: the list
 * weighs on the synchronous validator of `init()`.
 */
const KEYS =
  'manageCookies bannerTitle bannerText continueNote privacyPolicy acceptAll rejectAll customise continueWithout saved functional audience preferencesTitle preferencesText save close alwaysOn partial provider providedBy cookies privacyOf functionalText audienceText tracker cookie purpose lifetime consentCookie session';
export const TEXT_KEYS = [...KEYS.split(' '), ...UNITS];
/** A text shown as it is, not blank: a blank *Tout refuser* would break the equal choice between accepting and refusing. */
export const VISIBLE_TEXT = /\S/;
/** A unit's text: its singular and plural (`"jour|jours"`), or one form for both, neither blank. */
export const PLURAL_TEXT = /^[^|]*[^|\s][^|]*(\|[^|]*[^|\s][^|]*)?$/;
