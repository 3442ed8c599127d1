import { type Audit, finding, setByText } from './audit';
import { declaringTracker } from './consent-needed';
import { declaredSeconds, inWords, longestLife, MARGIN } from './lifetime';

/** A declared cookie whose observed expiry is later than its declared lifetime allows (a session cookie carrying one included). */
export const lifetimeLonger: Audit = {
  id: 'lifetime-longer',
  severity: 'warning',
  title: { en: 'Lives longer than declared', fr: 'Vit plus longtemps que déclaré' },
  run: ({ model }) =>
    model.cookies.flatMap((record) => {
      const declaration = record.declaration;
      const life = longestLife(record);
      if (!declaration || !life) return [];
      const allowed = declaredSeconds(declaration);
      if (allowed > 0 && life.seconds <= allowed + MARGIN) return [];
      const declared = 'own' in declaration ? `${declaration.months} months (consentMaxAgeMonths)` : declaration.cookie.lifetime;
      const setBy = record.writes[0]?.setBy ?? null;
      return [
        finding(lifetimeLonger, {
          pass: life.pass,
          url: life.page,
          tracker: declaringTracker(record)?.id ?? null,
          setBy,
          cookie: record.name,
          message: `cookie ${record.name} is set to live ${inWords(life.seconds)}, declared ${declared}, on ${life.page}${setByText(setBy)}.`,
        }),
      ];
    }),
};
