import type { Finding, Severity } from '../types';
import { afterRefusal } from './after-refusal';
import type { Audit, AuditInput } from './audit';
import { beforeConsent } from './before-consent';
import { declaredNotSeen } from './declared-not-seen';
import { excludedPage } from './excluded-page';
import { lifetimeExtended } from './lifetime-extended';
import { lifetimeLonger } from './lifetime-longer';
import { noWidget } from './no-widget';
import { over13Months } from './over-13-months';
import { undeclared } from './undeclared';

/** Every rule of docs/contract.md §15, worst first: the order reports group findings in. */
export const AUDITS: readonly Audit[] = [
  beforeConsent,
  afterRefusal,
  excludedPage,
  undeclared,
  lifetimeLonger,
  over13Months,
  lifetimeExtended,
  noWidget,
  declaredNotSeen,
];

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Runs every audit; findings come grouped by rule, worst first. */
export const runAudits = (input: AuditInput): Finding[] => AUDITS.flatMap((audit) => audit.run(input));

export type { Audit, AuditInput };
