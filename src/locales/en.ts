import type { Texts } from './fr';

/** The one text the core shows: the button that reopens the preferences once a choice exists. */
export const manageCookies = 'Cookie settings';

/** The widget's English texts (`locale: "en"`). A config's `texts.en[key]` replaces any of them. */
export const en: Texts = {
  manageCookies,
  bannerTitle: 'Your choices about cookies',
  bannerText: 'With your consent, {tenant} uses cookies for: {purposes}. You can change your mind at any time from “{manage}”.',
  continueNote: 'Continuing without accepting rejects them all.',
  privacyPolicy: 'Privacy policy',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  customise: 'Customise',
  continueWithout: 'Continue without accepting',
  preferencesTitle: 'Cookie preferences',
  preferencesText: 'Turn each use on or off. Your choice is kept for {months} months.',
  save: 'Save my choices',
  close: 'Close',
  saved: 'Choices saved',
  alwaysOn: 'Always on',
  partial: 'Partial',
  provider: 'Provider',
  providedBy: 'Provider: {name}',
  cookies: 'Cookies',
  privacyOf: '{name} privacy policy',
  functional: 'Strictly necessary',
  functionalText: 'Needed for the site or for a service you ask for, they are exempt from consent.',
  audience: 'Audience measurement',
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
