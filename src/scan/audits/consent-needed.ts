import type { ResolvedConfig, Tracker } from '../../config/types';
import { needsConsent } from '../declared';
import type { CookieRecord, StorageRecord } from '../model';
import type { PassName } from '../types';
import { type Audit, type AuditInput, about, finding, setByText, subject } from './audit';

/** The tracker declaring a cookie or storage key, if any (temoin's own are no tracker's). */
export function declaringTracker(item: CookieRecord | StorageRecord): Tracker | undefined {
  const declaration = item.declaration;
  if (!declaration || typeof declaration === 'string' || 'own' in declaration) return undefined;
  return 'tracker' in declaration ? declaration.tracker : declaration;
}

/** The tracker needing consent that a cookie or storage key is declared by, if any. */
export function consentTracker(config: ResolvedConfig | null, item: CookieRecord | StorageRecord): Tracker | undefined {
  const tracker = declaringTracker(item);
  return config && tracker && needsConsent(config, tracker) ? tracker : undefined;
}

/** A rule finding what a tracker needing consent stored in one pass: `before-consent`, `after-refusal`. */
export function presentInPass(audit: Pick<Audit, 'id' | 'severity'>, pass: PassName, when: string) {
  return ({ config, model }: AuditInput) =>
    [...model.cookies, ...model.storage].flatMap((item) => {
      const tracker = consentTracker(config, item);
      const sighting = item.seen[pass];
      if (!tracker || !sighting) return [];
      return [
        finding(audit, {
          pass,
          url: sighting.page,
          tracker: tracker.id,
          setBy: sighting.setBy,
          ...about(item),
          message: `${subject(item)} of ${tracker.id}, which needs consent, is stored ${when}, first on ${sighting.page}${setByText(sighting.setBy)}.`,
        }),
      ];
    });
}
