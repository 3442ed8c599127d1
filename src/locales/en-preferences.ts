import { EXEMPT_NOTE } from './exempt-note';
import type { PreferencesTexts } from './fr-preferences';
import { SAVED } from './saved';

/** The widget's English texts that only the preferences dialog and the cookie table show. */
export const enPreferences: PreferencesTexts = {
  saved: SAVED.en,
  exemptNote: EXEMPT_NOTE.en,
  preferencesTitle: 'Cookie preferences',
  functional: 'Strictly necessary',
  preferencesText: 'Turn each use on or off. Your choice is kept for {months} months.',
  save: 'Save my choices',
  close: 'Close',
  alwaysOn: 'Always on',
  partial: 'Partial',
  provider: 'Provider',
  providedBy: 'Provider: {name}',
  cookies: 'Cookies',
  privacyOf: '{name} privacy policy',
  functionalText: 'Needed for the site or for a service you ask for, they are exempt from consent.',
  exemptGroup: 'Audience measurement exempt from consent',
  exemptText: 'Anonymous statistics for this site alone, which the CNIL exempts from consent. Turn them off to object.',
  exemptMark: 'exempt from consent',
  audienceText: 'Traffic statistics, to improve the site.',
  tracker: 'Tracker',
  cookie: 'Cookie',
  purpose: 'Purpose',
  lifetime: 'Lifetime',
  consentCookie: 'Keeps your choices about cookies.',
  session: 'session',
  s: 'second|seconds',
  min: 'minute|minutes',
  h: 'hour|hours',
  d: 'day|days',
  mo: 'month|months',
  y: 'year|years',
};
