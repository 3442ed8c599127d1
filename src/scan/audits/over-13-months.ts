import { isFunctional } from '../declared';
import { type Audit, finding, setByText } from './audit';
import { declaringTracker } from './consent-needed';
import { inWords, longestLife, MARGIN, THIRTEEN_MONTHS } from './lifetime';

/**
 * A cookie of a tracker that is not functional set to live over 13 months (CNIL délibération
 * 2020-091, art. 5): one needing consent, or one running exempt, whose exemption requires it too.
 */
export const over13Months: Audit = {
  id: 'over-13-months',
  severity: 'warning',
  title: { en: 'Lives over 13 months', fr: 'Vit plus de 13 mois' },
  run: ({ model, config }) =>
    model.cookies.flatMap((record) => {
      const tracker = declaringTracker(record);
      const life = longestLife(record);
      if (!config || !tracker || isFunctional(config, tracker) || !life || life.seconds <= THIRTEEN_MONTHS + MARGIN) return [];
      const setBy = record.writes[0]?.setBy ?? null;
      return [
        finding(over13Months, {
          pass: life.pass,
          url: life.page,
          tracker: tracker.id,
          setBy,
          cookie: record.name,
          message: `cookie ${record.name} of ${tracker.id} is set to live ${inWords(life.seconds)}, over the 13 months CNIL allows, on ${life.page}${setByText(setBy)}.`,
        }),
      ];
    }),
};
