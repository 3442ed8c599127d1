import * as z from 'zod/mini';
import type { Tracker } from './types';

const ID = /^[a-z0-9-]{1,40}$/;
const ID_RULE = 'must be 1 to 40 characters among a-z, 0-9 and "-"';

export const idSchema = z.string().check(z.regex(ID, ID_RULE));

const text = z.string().check(z.minLength(1, 'must not be empty'));

export const localizedTextSchema = z
  .strictObject({ fr: z.optional(text), en: z.optional(text) })
  .check(z.refine((t) => t.fr !== undefined || t.en !== undefined, 'needs a "fr" or an "en" text'));

/** Only `http:` and `https:` links ever reach a page: no `javascript:` or `data:` URL. */
export function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

export const httpUrlSchema = z.string().check(z.refine(isHttpUrl, 'must be an http: or https: URL'));

export const LIFETIME = /^(session|[1-9]\d*(min|h|d|mo|y))$/;

/** A cookie name is an RFC 6265 token; a final `*` makes it a prefix. */
const COOKIE_NAME = /^[\w!#$%&'+\-.^`|~]+\*?$/;

const cookieSchema = z.strictObject({
  name: z.string().check(z.regex(COOKIE_NAME, 'must be a cookie name, optionally ending in * to match a prefix')),
  lifetime: z
    .string()
    .check(z.regex(LIFETIME, 'must be "session" or a number and a unit among min, h, d, mo, y (e.g. "13mo")')),
  purpose: localizedTextSchema,
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

const locale = z.enum(['fr', 'en']);

export const configSchema = z.strictObject({
  tenant: z.strictObject({
    id: idSchema,
    name: text,
    consentMaxAgeMonths: z._default(
      z.int().check(z.gte(6, 'must be an integer from 6 to 12'), z.lte(12, 'must be an integer from 6 to 12')),
      6,
    ),
    privacyPolicyUrl: z.optional(httpUrlSchema),
    locale: z._default(locale, 'fr'),
    cookieDomain: z.optional(
      z.string().check(z.regex(/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/i, 'must be a domain name such as "example.org"')),
    ),
  }),
  revision: z._default(z.int().check(z.gte(1, 'must be an integer of 1 or more')), 1),
  trackers: z.array(z.union([z.string(), z.looseObject({})], 'must be a catalog id or a tracker object')),
  categories: z._default(z.array(categorySchema), []),
  cookieName: z._default(
    z.string().check(z.regex(/^[\w-]{1,64}$/, 'must be 1 to 64 characters among letters, digits, "_" and "-"')),
    'temoin',
  ),
  googleConsentMode: z._default(z.boolean(), false),
  floatingButton: z._default(z.boolean(), true),
  globalPrivacyControl: z._default(z.boolean(), true),
  nonce: z.optional(text),
  texts: z._default(z.partialRecord(locale, z.record(z.string(), z.string())), {}),
});
