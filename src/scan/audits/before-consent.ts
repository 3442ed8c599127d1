import type { Audit } from './audit';
import { presentInPass } from './consent-needed';

/** A cookie or storage key of a tracker needing consent, written or present before any choice. */
export const beforeConsent: Audit = {
  id: 'before-consent',
  severity: 'error',
  title: { en: 'Stored before any choice', fr: 'Déposé avant tout choix' },
  run: (input) => presentInPass(beforeConsent, 'before', 'before the visitor made any choice')(input),
};
