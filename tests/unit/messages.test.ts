import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/config/messages';
import * as rules from '../../src/config/rules';

/** The rules a config may break, by number (`rules.ts`): what a problem names, `MESSAGES` saying it. */
const numbered = Object.entries(rules).filter(([name]) => name.endsWith('_RULE')) as [string, number][];

/** What each rule says, in part (those taking values with "x" and "y"): `MESSAGES` lists them by number, so a message out of its place fails here. */
const SAID: Record<string, string> = {
  STRING_RULE: 'must be a string',
  INTEGER_RULE: 'must be an integer',
  BOOLEAN_RULE: 'must be true or false',
  ARRAY_RULE: 'must be an array',
  OBJECT_RULE: 'must be an object',
  REQUIRED_RULE: 'is required',
  UNKNOWN_FIELD_RULE: 'is not a known field',
  ID_RULE: 'characters among a-z, 0-9 and "-"',
  NOT_EMPTY_RULE: 'must not be empty',
  LOCALIZED_RULE: 'needs a "fr" or an "en" text',
  HTTP_URL_RULE: 'must be an http: or https: URL',
  HTTPS_URL_RULE: 'must be an https: URL',
  LIFETIME_RULE: 'must be "session" or counts of',
  COOKIE_NAME_RULE: 'must be a cookie name',
  STORAGE_KEY_RULE: 'must be a storage key',
  MAX_AGE_RULE: 'must be an integer from 6 to 12',
  REVISION_RULE: 'must be an integer of 1 or more',
  DOMAIN_RULE: 'must be a domain name',
  COOKIE_NAME_OPTION_RULE: '"__Host-" or "__Secure-"',
  PATH_PATTERN_RULE: 'must be a URL path from "/"',
  ENDPOINT_PATH_RULE: 'must be a path of this site',
  BASIS_RULE: 'must be one of "vendor", "other"',
  TRACKER_REF_RULE: 'must be a catalog id or a tracker object',
  LOCALE_RULE: 'must be one of "fr", "en"',
  PLURAL_TEXT_RULE: 'must be "singular|plural" or one form',
  CATEGORY_TWICE_RULE: '"x" is already a category',
  TRACKER_TWICE_RULE: '"x" is listed twice',
  NO_CATEGORY_RULE: '"x" is not a category; known: y',
  CONSENT_API_RULE: 'must be one of "matomo", "gtag-analytics", "gtag-ads", "clarity", "piano", "meta", "tiktok"',
  NO_EXEMPTION_RULE: '"x" has no "exemption" to run under',
  OVER_13_MONTHS_RULE: 'cookie x lives over 13 months',
};

describe('the rules a config may break', () => {
  it('each have a number of their own', () => {
    const numbers = numbered.map(([, number]) => number);
    for (const number of numbers) expect(Number.isInteger(number)).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('each have a message, but an unknown catalog id, which the caller words, and no message is left over', () => {
    const said = numbered.filter(([name]) => name !== 'UNKNOWN_ID_RULE');
    expect(Object.keys(MESSAGES).sort()).toEqual(said.map(([, number]) => String(number)).sort());
    expect(Object.keys(SAID).sort()).toEqual(said.map(([name]) => name).sort());
  });

  it.each(Object.entries(SAID))('say what they ask for, each at its number: %s', (name, said) => {
    const message = MESSAGES[(rules as unknown as Record<string, number>)[name]];
    expect(typeof message === 'string' ? message : message('x', 'y')).toContain(said);
  });
});
