import * as rule from './rules';
import type { CategoryInput, Locale, LocalizedText, ResolvedConfig, Tracker, TrackerCookie } from './types';
import { array, boolean, type Field, integer, is, isObject, object, oneOf, string } from './validate';

/** A config whose fields are checked and defaulted; its trackers and categories are still to resolve. */
export type CheckedConfig = Omit<ResolvedConfig, 'trackers' | 'categories'> & {
  trackers: (string | Record<string, unknown> | undefined)[];
  categories: (CategoryInput | undefined)[];
};

/** The browser's checks of a config and of a tracker: the rules of `schema.ts`, at a fraction of the bytes. */

const id = string(rule.ID, rule.ID_RULE);
const text = string(rule.NOT_EMPTY_TEXT, rule.NOT_EMPTY_RULE);
const httpUrl = string({ test: rule.isHttpUrl }, rule.HTTP_URL_RULE);
const httpsUrls = array(string({ test: rule.isHttpsUrl }, rule.HTTPS_URL_RULE));

const localized = object<LocalizedText>({ fr: [text], en: [text] }, (t) =>
  t.fr === undefined && t.en === undefined ? rule.LOCALIZED_RULE : undefined,
);

const cookie = object<TrackerCookie>({
  name: string(rule.COOKIE_NAME, rule.COOKIE_NAME_RULE),
  lifetime: string(rule.LIFETIME, rule.LIFETIME_RULE),
  purpose: localized,
  sharedWith: [object({ trackers: array(id), reason: text })],
  lifetimeSetting: [text],
  basis: [oneOf(rule.BASES, rule.BASIS_RULE)],
  thirdParty: [boolean],
});

export const checkTracker = object<Tracker>({
  $schema: [string()],
  id,
  name: text,
  provider: text,
  category: id,
  advertising: [boolean],
  description: localized,
  privacyPolicyUrl: [httpUrl],
  cookies: array(cookie),
  storage: [array(string(rule.STORAGE_KEY, rule.STORAGE_KEY_RULE))],
  sources: [httpsUrls],
  otherSources: [httpsUrls],
});

const category = object<CategoryInput>({ id, name: localized, description: [localized] });

/** One locale's overrides of the widget's texts: known keys only, none blank, a unit's as `singular|plural`. */
const texts: Field = [
  object(
    Object.fromEntries(
      rule.TEXT_KEYS.map((key) => [
        key,
        [(rule.UNITS as readonly string[]).includes(key) ? string(rule.PLURAL_TEXT, rule.PLURAL_TEXT_RULE) : string(rule.VISIBLE_TEXT, rule.NOT_EMPTY_RULE)],
      ]),
    ),
  ),
];

export const checkConfig = object<CheckedConfig>({
  tenant: object({
    id,
    name: text,
    consentMaxAgeMonths: [integer(rule.MIN_MONTHS, rule.MAX_MONTHS, rule.MAX_AGE_RULE), rule.DEFAULT_MONTHS],
    privacyPolicyUrl: [httpUrl],
    locale: [oneOf(rule.LOCALES, rule.LOCALE_RULE), 'fr' satisfies Locale],
    cookieDomain: [string(rule.DOMAIN, rule.DOMAIN_RULE)],
  }),
  revision: [integer(rule.MIN_REVISION, Number.MAX_SAFE_INTEGER, rule.REVISION_RULE), rule.MIN_REVISION],
  // A string or an object, which `resolution.ts` tells apart and checks against the catalog.
  trackers: array(is<string | Record<string, unknown>>((ref) => typeof ref === 'string' || isObject(ref), rule.TRACKER_REF_RULE)),
  categories: [array(category), []],
  cookieName: [string(rule.COOKIE_NAME_OPTION, rule.COOKIE_NAME_OPTION_RULE), 'temoin'],
  googleConsentMode: [boolean, false],
  floatingButton: [boolean, true],
  globalPrivacyControl: [boolean, true],
  nonce: [text],
  excludedPaths: [array(string(rule.PATH_PATTERN, rule.PATH_PATTERN_RULE)), []],
  consentEndpoint: [string(rule.ENDPOINT_PATH, rule.ENDPOINT_PATH_RULE)],
  texts: [object({ fr: texts, en: texts }), {}],
});
