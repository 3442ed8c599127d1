import { MANAGE_COOKIES_FR } from './manage-cookies';

/**
 * The widget's French texts that the banner shows, the default locale (the preferences' own come
 * with them: fr-preferences.ts). A config's `texts.fr[key]` replaces any of them; `{name}`
 * placeholders are filled in.
 */
export const fr = {
  manageCookies: MANAGE_COOKIES_FR,
  bannerTitle: 'Vos choix sur les cookies',
  bannerText: 'Avec votre accord, {tenant} utilise des cookies pour\u00a0: {purposes}. Vous pouvez changer d’avis à tout moment depuis «\u00a0{manage}\u00a0».',
  continueNote: 'Continuer sans accepter revient à tout refuser.',
  privacyPolicy: 'Politique de confidentialité',
  acceptAll: 'Tout accepter',
  rejectAll: 'Tout refuser',
  customise: 'Personnaliser',
  continueWithout: 'Continuer sans accepter',
  audience: 'Mesure d’audience',
};

export type BannerTexts = Record<keyof typeof fr, string>;
