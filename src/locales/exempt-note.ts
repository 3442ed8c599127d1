/**
 * The banner's note on audience measurement exempt from consent (docs/contract.md §17), in each
 * locale: a module of its own, which the UI brings (ui/mount.ts), so that the French texts
 * `temoin.js` holds for its first banner (fr.ts) do not carry it. That banner is never shown for a
 * config with an exempt tracker (src/first-visit.ts), whose name comes with its catalog entry. The
 * preferences' texts hold it too, for the proof and where every text key is listed with its default.
 */
export const EXEMPT_NOTE = {
  fr: 'Mesure d’audience exemptée de consentement ({trackers})\u00a0: des statistiques anonymes, comme la CNIL le permet\u00a0; vous pouvez vous y opposer depuis «\u00a0{customise}\u00a0».',
  en: 'Audience measurement exempt from consent ({trackers}): anonymous statistics, as the CNIL allows; you can object from “{customise}”.',
};
