import type { ResolvedConfig } from '../config/types';
import type { ConsentRecord } from './record';

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
  /** Every category of the config: `true` when all its trackers may run. */
  categories: Record<string, boolean>;
  /** Who decided: the visitor, or the browser's Global Privacy Control signal (a refusal, never stored). */
  source: 'visitor' | 'gpc';
}

/** Whether a category is granted, given its trackers' decisions: functional always, others when every one is and there is one. */
export function categoryGranted(config: ResolvedConfig, categoryId: string, trackers: Record<string, boolean>): boolean {
  const category = config.categories.find((c) => c.id === categoryId);
  if (!category) return false;
  if (category.required) return true;
  const members = config.trackers.filter((t) => t.category === categoryId);
  return members.length > 0 && members.every((t) => trackers[t.id]);
}

export function toConsent(record: ConsentRecord, config: ResolvedConfig, source: Consent['source'] = 'visitor'): Consent {
  const required = new Set(config.categories.filter((c) => c.required).map((c) => c.id));
  const trackers: Record<string, boolean> = {};
  for (const tracker of config.trackers) {
    trackers[tracker.id] = required.has(tracker.category) || record.decisions[tracker.id] === true;
  }
  const categories: Record<string, boolean> = {};
  for (const category of config.categories) categories[category.id] = categoryGranted(config, category.id, trackers);
  return {
    id: record.id,
    tenant: record.tenant,
    revision: record.revision,
    decidedAt: new Date(record.decidedAt),
    expiresAt: new Date(record.expiresAt),
    trackers,
    categories,
    source,
  };
}
