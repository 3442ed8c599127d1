/**
 * What the UI's status line says once a choice is recorded, in each locale: a module of its own,
 * which the UI brings (ui/mount.ts), so that the French texts `temoin.js` holds for its first
 * banner (fr.ts) do not carry it. The preferences' texts hold it too, where every text key is listed
 * with its default (docs/texts.md, `temoin configure`).
 */
export const SAVED = { fr: 'Choix enregistrés', en: 'Choices saved' };
