import { type ConfigIssue, TemoinConfigError } from './error';
import * as rule from './rules';

const oneOf = (values: readonly string[]) => `must be one of ${values.map((value) => `"${value}"`).join(', ')}`;

/**
 * What each rule of a config (`rules.ts`) says when broken, once: the browser's checks name the
 * rule (`Problem`), the zod schemas (`schema.ts`) say these texts. Apart from the rules, so that a
 * page loads them only for an invalid config (`temoin-config-errors.mjs`); `init()`, the CLI and
 * the server bundle them. Each names what is expected: the path names the field.
 */
export const MESSAGES: Readonly<Record<number, string | ((...values: string[]) => string)>> = {
  [rule.STRING_RULE]: 'must be a string',
  [rule.INTEGER_RULE]: 'must be an integer',
  [rule.BOOLEAN_RULE]: 'must be true or false',
  [rule.ARRAY_RULE]: 'must be an array',
  [rule.OBJECT_RULE]: 'must be an object',
  [rule.REQUIRED_RULE]: 'is required',
  [rule.UNKNOWN_FIELD_RULE]: 'is not a known field',
  [rule.ID_RULE]: `must be 1 to ${rule.ID_MAX_LENGTH} characters among a-z, 0-9 and "-"`,
  [rule.NOT_EMPTY_RULE]: 'must not be empty',
  [rule.LOCALIZED_RULE]: 'needs a "fr" or an "en" text',
  [rule.HTTP_URL_RULE]: 'must be an http: or https: URL',
  [rule.HTTPS_URL_RULE]: 'must be an https: URL',
  [rule.LIFETIME_RULE]: 'must be "session" or counts of y, mo, d, h, min, s, largest first ("13mo", "2min30s")',
  [rule.CONSENT_API_RULE]: oneOf(rule.CONSENT_APIS),
  [rule.COOKIE_NAME_RULE]: 'must be a cookie name (no space ; , = " or \\), a final * matching a prefix',
  [rule.STORAGE_KEY_RULE]: 'must be a storage key, a final * matching a prefix',
  [rule.MAX_AGE_RULE]: `must be an integer from ${rule.MIN_MONTHS} to ${rule.MAX_MONTHS}`,
  [rule.REVISION_RULE]: `must be an integer of ${rule.MIN_REVISION} or more`,
  [rule.DOMAIN_RULE]: 'must be a domain name such as "example.org"',
  [rule.COOKIE_NAME_OPTION_RULE]: `must be 1 to ${rule.COOKIE_NAME_MAX_LENGTH} letters, digits, "_" or "-", not starting with "__Host-" or "__Secure-" (browsers would drop it)`,
  [rule.PATH_PATTERN_RULE]: 'must be a URL path from "/", * for any characters ("/espace-adherent/*"), others than a URL path\'s percent-encoded',
  [rule.ENDPOINT_PATH_RULE]: 'must be a path of this site, such as "/temoin/consent"',
  [rule.BASIS_RULE]: oneOf(rule.BASES),
  [rule.TRACKER_REF_RULE]: 'must be a catalog id or a tracker object',
  [rule.LOCALE_RULE]: oneOf(rule.LOCALES),
  [rule.PLURAL_TEXT_RULE]: 'must be "singular|plural" or one form',
  [rule.CATEGORY_TWICE_RULE]: (id: string) => `"${id}" is already a category`,
  [rule.TRACKER_TWICE_RULE]: (id: string) => `"${id}" is listed twice`,
  [rule.NO_CATEGORY_RULE]: (id: string, known: string) => `"${id}" is not a category; known: ${known}`,
  [rule.NO_EXEMPTION_RULE]: (id: string) => `"${id}" has no "exemption" to run under`,
  [rule.OVER_13_MONTHS_RULE]: (cookie: string) => `cookie ${cookie} lives over 13 months`,
};

/** One problem of a config, as the validator finds it: where, which rule (`rules.ts`), and the values its message names. */
export interface Problem {
  path: string;
  rule: number;
  values: string[];
}

/** What to say of a catalog id that is not in the catalog: the script tag, the CLI and init() say it their way. */
export type UnknownId = (id: string) => string;

/** The error listing every problem, each with its path and its message. */
export function configError(problems: readonly Problem[], unknownId: UnknownId): TemoinConfigError {
  return new TemoinConfigError(
    problems.map(({ path, rule: broken, values }): ConfigIssue => {
      const message = broken === rule.UNKNOWN_ID_RULE ? unknownId : MESSAGES[broken];
      return { path, message: typeof message === 'string' ? message : message(...values) };
    }),
  );
}
