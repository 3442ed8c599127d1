import * as rule from './rules';
import type { CategoryInput, Locale, LocalizedText, ResolvedConfig, Tracker, TrackerCookie } from './types';

/** A config whose fields are checked and defaulted; its trackers and categories are still to resolve. */
export type CheckedConfig = Omit<ResolvedConfig, 'trackers' | 'categories'> & {
  trackers: (string | Record<string, unknown>)[];
  categories: CategoryInput[];
};
import { array, boolean, integer, object, oneOf, optional, partial, record, string, stringOrObject } from './validate';

/** The browser's checks of a config and of a tracker: the rules of `schema.ts`, at a fraction of the bytes. */

const id = string(rule.ID, rule.ID_RULE);
const text = string((s) => s.length > 0, rule.NOT_EMPTY);
const httpUrl = string(rule.isHttpUrl, rule.HTTP_URL_RULE);

const localized = object<LocalizedText>({ fr: optional(text), en: optional(text) }, (t) =>
  t.fr === undefined && t.en === undefined ? rule.LOCALIZED_RULE : undefined,
);

const cookie = object<TrackerCookie>({
  name: string(rule.COOKIE_NAME, rule.COOKIE_NAME_RULE),
  lifetime: string(rule.LIFETIME, rule.LIFETIME_RULE),
  purpose: localized,
  sharedWith: optional(object({ trackers: array(id), reason: text })),
  lifetimeSetting: optional(text),
});

const trackerFields = {
  $schema: optional(string()),
  name: text,
  provider: text,
  category: id,
  advertising: optional(boolean),
  description: localized,
  privacyPolicyUrl: optional(httpUrl),
  cookies: array(cookie),
  storage: optional(array(string(rule.STORAGE_KEY, rule.STORAGE_KEY_RULE))),
  sources: optional(array(string(rule.isHttpsUrl, rule.HTTPS_URL_RULE))),
};

export const checkTracker = object<Tracker>({ id, ...trackerFields });

/** `{ id, …fields }`: any field but `id` may be left to the catalog entry it overrides. */
export const checkTrackerOverride = object<Partial<Tracker> & { id: string }>({ id, ...partial(trackerFields) });

const category = object<CategoryInput>({ id, name: localized, description: optional(localized) });

const locale = oneOf(rule.LOCALES);

export const checkConfig = object<CheckedConfig>({
  tenant: object({
    id,
    name: text,
    consentMaxAgeMonths: optional(integer(6, 12, rule.MAX_AGE_RULE), 6),
    privacyPolicyUrl: optional(httpUrl),
    locale: optional<Locale>(locale, 'fr'),
    cookieDomain: optional(string(rule.DOMAIN, rule.DOMAIN_RULE)),
  }),
  revision: optional(integer(1, Number.MAX_SAFE_INTEGER, rule.REVISION_RULE), 1),
  trackers: array(stringOrObject(rule.TRACKER_REF_RULE)),
  categories: optional(array(category), []),
  cookieName: optional(string(rule.COOKIE_NAME_OPTION, rule.COOKIE_NAME_OPTION_RULE), 'temoin'),
  googleConsentMode: optional(boolean, false),
  floatingButton: optional(boolean, true),
  globalPrivacyControl: optional(boolean, true),
  nonce: optional(text),
  excludedPaths: optional(array(string(rule.PATH_PATTERN, rule.PATH_PATTERN_RULE)), []),
  consentEndpoint: optional(string(rule.ENDPOINT_PATH, rule.ENDPOINT_PATH_RULE)),
  texts: optional(object({ fr: optional(record(string())), en: optional(record(string())) }), {}),
});
