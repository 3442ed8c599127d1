import type { BannerTexts } from './fr';
import { MANAGE_COOKIES } from './manage-cookies';

/** The widget's English texts that the banner shows (`locale: "en"`). A config's `texts.en[key]` replaces any of them. */
export const en: BannerTexts = {
  manageCookies: MANAGE_COOKIES.en,
  bannerTitle: 'Your choices about cookies',
  bannerText: 'With your consent, {tenant} uses cookies for: {purposes}. You can change your mind at any time from “{manage}”.',
  continueNote: 'Continuing without accepting rejects them all.',
  privacyPolicy: 'Privacy policy',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  customise: 'Customise',
  continueWithout: 'Continue without accepting',
  audience: 'Audience measurement',
};
