/** The rules a config follows, shared by the zod schemas (`schema.ts`) and the browser's validator (`checks.ts`). */

export const ID = /^[a-z0-9-]{1,40}$/;
export const ID_RULE = 'must be 1 to 40 characters among a-z, 0-9 and "-"';

export const NOT_EMPTY = 'must not be empty';
export const LOCALIZED_RULE = 'needs a "fr" or an "en" text';

export const HTTP_URL_RULE = 'must be an http: or https: URL';

/** Only `http:` and `https:` links ever reach a page: no `javascript:` or `data:` URL. */
export function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** `"session"`, or a count (group 1) and a unit (group 2). */
export const LIFETIME = /^(?:session|([1-9]\d*)(min|h|d|mo|y))$/;
export const LIFETIME_RULE = 'must be "session" or a number and a unit among min, h, d, mo, y (e.g. "13mo")';

/** A cookie name is an RFC 6265 token; a final `*` makes it a prefix. */
export const COOKIE_NAME = /^[\w!#$%&'+\-.^`|~]+\*?$/;
export const COOKIE_NAME_RULE = 'must be a cookie name, optionally ending in * to match a prefix';

export const MAX_AGE_RULE = 'must be an integer from 6 to 12';
export const REVISION_RULE = 'must be an integer of 1 or more';

export const DOMAIN = /^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/i;
export const DOMAIN_RULE = 'must be a domain name such as "example.org"';

export const COOKIE_NAME_OPTION = /^[\w-]{1,64}$/;
export const COOKIE_NAME_OPTION_RULE = 'must be 1 to 64 characters among letters, digits, "_" and "-"';

export const TRACKER_REF_RULE = 'must be a catalog id or a tracker object';

export const LOCALES = ['fr', 'en'] as const;
