/**
 * The French texts the UI shows beside the banner's, which `temoin.js` hands it (fr.ts): the status
 * line's once a choice is recorded, and the banner's note on audience measurement exempt from
 * consent (docs/contract.md §17). A module of their own, which the UI brings (ui/mount.ts), so that
 * `temoin.js` carries neither: its first banner is never shown for a config with an exempt tracker
 * (src/first-visit.ts). The preferences' texts hold them too, for the proof and where every text key
 * is listed with its default (docs/texts.md, `temoin configure`).
 */
export const frUi = {
  saved: 'Choix enregistrés',
  exemptNote:
    'Mesure d’audience exemptée de consentement ({trackers})\u00a0: des statistiques anonymes, comme la CNIL le permet\u00a0; vous pouvez vous y opposer depuis «\u00a0{customise}\u00a0».',
};

export type UiTexts = Record<keyof typeof frUi, string>;
