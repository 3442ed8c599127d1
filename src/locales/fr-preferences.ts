import { frUi } from './fr-ui';

/**
 * The widget's French texts that only the preferences dialog and the cookie table show: they come
 * with them in the preferences chunk, not on a first visit; and the status line's text and the
 * banner's exempt note, which the UI brings (fr-ui.ts). Units of a lifetime are
 * `singular|plural`.
 */
export const frPreferences = {
  ...frUi,
  preferencesTitle: 'Préférences de cookies',
  functional: 'Nécessaires au fonctionnement',
  preferencesText: 'Activez ou désactivez chaque usage. Votre choix est conservé {months}\u00a0mois.',
  save: 'Enregistrer mes choix',
  close: 'Fermer',
  alwaysOn: 'Toujours actif',
  partial: 'Partiel',
  provider: 'Fournisseur',
  providedBy: 'Fournisseur\u00a0: {name}',
  cookies: 'Cookies',
  privacyOf: 'Politique de confidentialité de {name}',
  functionalText: 'Indispensables au site ou à un service que vous demandez, ils sont exemptés de consentement.',
  audienceText: 'Statistiques de fréquentation, pour améliorer le site.',
  exemptGroup: 'Mesure d’audience exemptée de consentement',
  exemptText: 'Statistiques anonymes, pour ce site seul, que la CNIL exempte de consentement. Désactivez-les pour vous y opposer.',
  exemptMark: 'exempté de consentement',
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

export type PreferencesTexts = Record<keyof typeof frPreferences, string>;
