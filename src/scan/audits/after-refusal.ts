import type { Audit } from './audit';
import { presentInPass } from './consent-needed';

/** A cookie or storage key of a tracker needing consent, written or present after *Tout refuser*. */
export const afterRefusal: Audit = {
  id: 'after-refusal',
  severity: 'error',
  title: { en: 'Stored after refusing', fr: 'Déposé après un refus' },
  run: (input) => presentInPass(afterRefusal, 'refused', 'after the visitor refused everything')(input),
};
