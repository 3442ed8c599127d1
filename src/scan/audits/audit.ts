import type { ResolvedConfig, Tracker } from '../../config/types';
import type { CookieRecord, Model, StorageRecord } from '../model';
import type { Artifacts, Finding, PassName, RuleId, Severity } from '../types';

/** What every audit reads: the recorded artifacts, the model built from them, the config, the catalog. */
export interface AuditInput {
  artifacts: Artifacts;
  model: Model;
  /** The config the site is checked against: the page's, or `--config`; null when there is none. */
  config: ResolvedConfig | null;
  catalog: Readonly<Record<string, Tracker>>;
}

/** One rule of docs/contract.md §15: a pure function from the artifacts to its findings. */
export interface Audit {
  id: RuleId;
  severity: Severity;
  /** What the rule checks, for the reports' headings. */
  title: { en: string; fr: string };
  run(input: AuditInput): Finding[];
}

/** `cookie _ga`, `localStorage key hj_id`: what a finding is about, in its message. */
export const subject = (item: CookieRecord | StorageRecord): string => ('name' in item ? `cookie ${item.name}` : `${item.area} key ${item.key}`);

/** The finding's fields naming its cookie or storage key. */
export const about = (item: CookieRecord | StorageRecord): Pick<Finding, 'cookie' | 'storageKey'> =>
  'name' in item ? { cookie: item.name } : { storageKey: item.key };

/** ` (set by URL)` when the browser told what set it. */
export const setByText = (setBy: string | null | undefined): string => (setBy ? ` (set by ${setBy})` : '');

export function finding(
  audit: Pick<Audit, 'id' | 'severity'>,
  fields: { pass: PassName | null; url: string | null; tracker: string | null; message: string; suggestion?: string | null; setBy?: string | null } & Pick<
    Finding,
    'cookie' | 'storageKey'
  >,
): Finding {
  return { rule: audit.id, severity: audit.severity, suggestion: null, ...fields };
}
