import { type ConfigIssue, TemoinConfigError } from './error';
import * as rule from './rules';

/** The message of a rule asking for one of `values`, the list the rule is made of. */
const mustBeOneOf = (values: readonly string[]) => `must be one of ${values.map((value) => `"${value}"`).join(', ')}`;

/**
 * What each rule of a config (`rules.ts`) says when broken, once: the browser's checks name the
 * rule (`Problem`), the zod schemas (`schema.ts`) say these texts. Apart from the rules, so that a
 * page loads them only for an invalid config (`temoin-config-errors.mjs`); `init()`, the CLI and
 * the server bundle them. Each names what is expected: the path names the field. A list in the
 * order of the rules' numbers, not an object keyed by them: the keys weighed 70 B gzip in every npm
 * bundle; `tests/unit/messages.test.ts` checks that each rule says what it asks for.
 */
export const MESSAGES: readonly (string | ((...values: string[]) => string))[] = [
  'must be a string',
  'must be an integer',
  'must be true or false',
  'must be an array',
  'must be an object',
  'is required',
  'is not a known field',
  `must be 1 to ${rule.ID_MAX_LENGTH} characters among a-z, 0-9 and "-"`,
  'must not be empty',
  'needs a "fr" or an "en" text',
  'must be an http: or https: URL',
  'must be an https: URL',
  'must be "session" or counts of y, mo, d, h, min, s, largest first ("13mo", "2min30s")',
  'must be a cookie name (no space ; , = " or \\), a final * matching a prefix',
  'must be a storage key, a final * matching a prefix',
  `must be an integer from ${rule.MIN_MONTHS} to ${rule.MAX_MONTHS}`,
  `must be an integer of ${rule.MIN_REVISION} or more`,
  'must be a domain name such as "example.org"',
  `must be 1 to ${rule.COOKIE_NAME_MAX_LENGTH} letters, digits, "_" or "-", not starting with "__Host-" or "__Secure-" (browsers would drop it)`,
  'must be a URL path from "/", * for any characters ("/espace-adherent/*"), others than a URL path\'s percent-encoded',
  'must be a path of this site, such as "/temoin/consent"',
  mustBeOneOf(rule.BASES),
  'must be a catalog id or a tracker object',
  mustBeOneOf(rule.LOCALES),
  'must be "singular|plural" or one form',
  (id: string) => `"${id}" is already a category`,
  (id: string) => `"${id}" is listed twice`,
  (id: string, known: string) => `"${id}" is not a category; known: ${known}`,
];

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
