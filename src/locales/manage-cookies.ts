/**
 * The launcher's one text, in each language: the button that reopens the preferences once a choice
 * exists. A module of its own, so that `launcher.ts` takes it without the banner's texts, which
 * come with the UI.
 */
export const MANAGE_COOKIES = { fr: 'Gestion des cookies', en: 'Cookie settings' };
