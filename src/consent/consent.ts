import type { ResolvedConfig } from '../config/types';
import { type ConsentRecord, type Decisions, optionalTrackerIds } from './record';

/** A visitor's valid choice, as the API and events give it. */
export interface Consent {
  /** Random id of this choice (128 bits, base64url): proof of it, used for nothing else. */
  id: string;
  tenant: string;
  revision: number;
  decidedAt: Date;
  expiresAt: Date;
  /** Every tracker of the config: `true` when it may run. Functional trackers are always `true`. */
  trackers: Record<string, boolean>;
  /**
   * Every category of the config: `true` when all its trackers may run, consented to: a tracker
   * running exempt does not count until the visitor consents to it.
   */
  categories: Record<string, boolean>;
  /**
   * Fingerprint of the config the choice was given under (docs/contract.md §12), to match it with the
   * site's proof bundle of that release. Absent for a choice stored before temoin recorded it.
   */
  configFingerprint?: string;
  /** Who decided: the visitor, or the browser's Global Privacy Control signal (a refusal, never stored). */
  source: 'visitor' | 'gpc';
}

/** What may run under `decisions`, per tracker and per category. */
export type Grants = Pick<Consent, 'trackers' | 'categories'>;

/**
 * Every tracker granted when functional or decided so (1), an exempt one unless objected to (2,
 * docs/contract.md §17); every category when it is functional, or has trackers and all of them
 * are functional or consented to.
 */
export function grantsOf(config: ResolvedConfig, decisions: Decisions): Grants {
  const optional = optionalTrackerIds(config);
  const consented = (id: string) => !optional.includes(id) || decisions[id] === 1;
  const trackers = Object.fromEntries(config.trackers.map(({ id, exempt }) => [id, exempt ? decisions[id] !== 2 : consented(id)]));
  const categories = Object.fromEntries(
    config.categories.map(({ id, required }) => {
      const members = config.trackers.filter((t) => t.category === id);
      return [id, required || (members.length > 0 && members.every((t) => consented(t.id)))];
    }),
  );
  return { trackers, categories };
}

/** The choice as the API gives it. */
export function toConsent(record: ConsentRecord, config: ResolvedConfig): Consent {
  const { decisions, ...fields } = record;
  return { ...fields, decidedAt: new Date(record.decidedAt), expiresAt: new Date(record.expiresAt), ...grantsOf(config, decisions), source: 'visitor' };
}
