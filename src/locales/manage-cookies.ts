/**
 * The one text the core shows, in each locale: the button that reopens the preferences once a
 * choice exists. A module of its own, so that the launcher's look (launcher-look.ts), which an npm
 * entry and the validator carry, does not bring the banner's texts along.
 */
export const MANAGE_COOKIES = { fr: 'Gestion des cookies', en: 'Cookie settings' };
