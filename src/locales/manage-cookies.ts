/**
 * The one text the core shows, in each locale: the button that reopens the preferences once a
 * choice exists. A module of its own, so that the launcher's look (launcher-look.ts), which an npm
 * entry and the validator carry, does not bring the banner's texts along; the French one apart, so
 * that the French texts `temoin.js` holds for its first banner (fr.ts) do not bring the English one.
 */
export const MANAGE_COOKIES_FR = 'Gestion des cookies';
export const MANAGE_COOKIES = { fr: MANAGE_COOKIES_FR, en: 'Cookie settings' };
