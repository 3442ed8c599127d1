/**
 * The one text the core shows, in each language: the button that reopens the preferences once a
 * choice exists. A module of its own, so that the launcher's look (`launcher-look.ts`, which every
 * npm bundle's entry holds) takes it without the banner's texts, which come with the UI.
 */
export const MANAGE_COOKIES = { fr: 'Gestion des cookies', en: 'Cookie settings' };
