/** The one text the core shows: the button that reopens the preferences once a choice exists. */
export const manageCookies = 'Gestion des cookies';

/**
 * The widget's French texts, the default locale. A config's `texts.fr[key]` replaces any of them;
 * `{name}` placeholders are filled in. Units of a lifetime are `singular|plural`.
 */
export const fr = {
  manageCookies,
  bannerTitle: 'Vos choix sur les cookies',
  bannerText: 'Avec votre accord, {tenant} utilise des cookies pour\u00a0: {purposes}. Vous pouvez changer d’avis à tout moment depuis «\u00a0{manage}\u00a0».',
  continueNote: 'Continuer sans accepter revient à tout refuser.',
  privacyPolicy: 'Politique de confidentialité',
  acceptAll: 'Tout accepter',
  rejectAll: 'Tout refuser',
  customise: 'Personnaliser',
  continueWithout: 'Continuer sans accepter',
  preferencesTitle: 'Préférences de cookies',
  preferencesText: 'Activez ou désactivez chaque usage. Votre choix est conservé {months}\u00a0mois.',
  save: 'Enregistrer mes choix',
  close: 'Fermer',
  saved: 'Choix enregistrés',
  alwaysOn: 'Toujours actif',
  partial: 'Partiel',
  provider: 'Fournisseur',
  providedBy: 'Fournisseur\u00a0: {name}',
  cookies: 'Cookies',
  privacyOf: 'Politique de confidentialité de {name}',
  functional: 'Nécessaires au fonctionnement',
  functionalText: 'Indispensables au site ou à un service que vous demandez, ils sont exemptés de consentement.',
  audience: 'Mesure d’audience',
  audienceText: 'Statistiques de fréquentation, pour améliorer le site.',
  tracker: 'Traceur',
  cookie: 'Cookie',
  purpose: 'Finalité',
  lifetime: 'Durée',
  consentCookie: 'Conserve vos choix sur les cookies.',
  session: 'session',
  s: 'seconde|secondes',
  min: 'minute|minutes',
  h: 'heure|heures',
  d: 'jour|jours',
  mo: 'mois|mois',
  y: 'an|ans',
};

export type Texts = Record<keyof typeof fr, string>;
