import type { Locale } from '../config/types';

/** The one text a returning visitor's page shows: the button that reopens the preferences. */
export const launcherLabel: Record<Locale, string> = {
  fr: 'Gestion des cookies',
  en: 'Cookie settings',
};
