import * as z from 'zod/mini';
import { MESSAGES } from './messages';
import * as rule from './rules';
import type { Tracker } from './types';

/**
 * The published contract of a config and of a catalog entry, for users' own tooling (and the JSON
 * Schema generated from them). The browser validates with `checks.ts`, which enforces the same rules.
 */

/** What a rule without values says (`messages.ts`), as the browser's validator says it. */
const say = (broken: number) => MESSAGES[broken] as string;

export const idSchema = z.string().check(z.regex(rule.ID, say(rule.ID_RULE)));

const text = z.string().check(z.minLength(1, say(rule.NOT_EMPTY_RULE)));

export const localizedTextSchema = z
  .strictObject({ fr: z.optional(text), en: z.optional(text) })
  .check(z.refine((t) => t.fr !== undefined || t.en !== undefined, say(rule.LOCALIZED_RULE)));

export const httpUrlSchema = z.string().check(z.refine(rule.isHttpUrl, say(rule.HTTP_URL_RULE)));

const httpsUrlSchema = z.string().check(z.refine(rule.isHttpsUrl, say(rule.HTTPS_URL_RULE)));

const cookieSchema = z.strictObject({
  name: z.string().check(z.regex(rule.COOKIE_NAME, say(rule.COOKIE_NAME_RULE))),
  lifetime: z.string().check(z.regex(rule.LIFETIME, say(rule.LIFETIME_RULE))),
  purpose: localizedTextSchema,
  sharedWith: z.optional(z.strictObject({ trackers: z.array(idSchema), reason: text })),
  lifetimeSetting: z.optional(text),
  basis: z.optional(z.enum(rule.BASES, say(rule.BASIS_RULE))),
  thirdParty: z.optional(z.boolean()),
});

const trackerShape = {
  $schema: z.optional(z.string()),
  id: idSchema,
  name: text,
  provider: text,
  category: idSchema,
  advertising: z.optional(z.boolean()),
  description: localizedTextSchema,
  privacyPolicyUrl: z.optional(httpUrlSchema),
  cookies: z.array(cookieSchema),
  storage: z.optional(z.array(z.string().check(z.regex(rule.STORAGE_KEY, say(rule.STORAGE_KEY_RULE))))),
  sources: z.optional(z.array(httpsUrlSchema)),
  otherSources: z.optional(z.array(httpsUrlSchema)),
  consentApi: z.optional(z.enum(rule.CONSENT_APIS, say(rule.CONSENT_API_RULE))),
  exemption: z.optional(z.strictObject({ conditions: z.optional(localizedTextSchema), url: httpsUrlSchema })),
  exempt: z.optional(z.boolean()),
};

/** One catalog entry (`catalog/<id>.json`), or a site's own tracker. */
export const trackerSchema: z.ZodMiniType<Tracker> = z.strictObject(trackerShape);

/** `{ id, …fields }` in a config: fields override the catalog entry of that id. */
export const trackerOverrideSchema = z.strictObject({ ...z.partial(z.strictObject(trackerShape)).shape, id: idSchema });

const categorySchema = z.strictObject({
  id: idSchema,
  name: localizedTextSchema,
  description: z.optional(localizedTextSchema),
});

const locale = z.enum(rule.LOCALES, say(rule.LOCALE_RULE));

/** One locale's overrides of the widget's texts: known keys only, none blank, a unit's as `singular|plural`. */
const textsSchema = z.strictObject(
  Object.fromEntries(
    rule.TEXT_KEYS.map((key) => [
      key,
      z.optional(
        (rule.UNITS as readonly string[]).includes(key)
          ? z.string().check(z.regex(rule.PLURAL_TEXT, say(rule.PLURAL_TEXT_RULE)))
          : z.string().check(z.regex(rule.VISIBLE_TEXT, say(rule.NOT_EMPTY_RULE))),
      ),
    ]),
  ),
);

export const configSchema = z.strictObject({
  tenant: z.strictObject({
    id: idSchema,
    name: text,
    consentMaxAgeMonths: z._default(z.int().check(z.gte(rule.MIN_MONTHS, say(rule.MAX_AGE_RULE)), z.lte(rule.MAX_MONTHS, say(rule.MAX_AGE_RULE))), rule.DEFAULT_MONTHS),
    privacyPolicyUrl: z.optional(httpUrlSchema),
    locale: z._default(locale, 'fr'),
    cookieDomain: z.optional(z.string().check(z.regex(rule.DOMAIN, say(rule.DOMAIN_RULE)))),
  }),
  revision: z._default(z.int().check(z.gte(rule.MIN_REVISION, say(rule.REVISION_RULE))), rule.MIN_REVISION),
  trackers: z.array(z.union([z.string(), z.looseObject({})], say(rule.TRACKER_REF_RULE))),
  categories: z._default(z.array(categorySchema), []),
  cookieName: z._default(z.string().check(z.regex(rule.COOKIE_NAME_OPTION, say(rule.COOKIE_NAME_OPTION_RULE))), 'temoin'),
  googleConsentMode: z._default(z.boolean(), false),
  floatingButton: z._default(z.boolean(), true),
  globalPrivacyControl: z._default(z.boolean(), true),
  nonce: z.optional(text),
  reloadOnWithdrawal: z._default(z.boolean(), true),
  excludedPaths: z._default(z.array(z.string().check(z.regex(rule.PATH_PATTERN, say(rule.PATH_PATTERN_RULE)))), []),
  consentEndpoint: z.optional(z.string().check(z.regex(rule.ENDPOINT_PATH, say(rule.ENDPOINT_PATH_RULE)))),
  texts: z._default(z.strictObject({ fr: z.optional(textsSchema), en: z.optional(textsSchema) }), {}),
});
