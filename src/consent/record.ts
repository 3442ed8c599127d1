import type { ResolvedConfig } from '../config/types';
import { addMonths } from './months';

/**
 * A tracker's decision as the cookie stores it: 1 granted, 0 refused, 2 objected to (refused, and
 * an exempt tracker stopped too, docs/contract.md §17).
 */
export type Decision = 0 | 1 | 2;
export type Decisions = Record<string, Decision>;

/** What the consent cookie holds, and nothing else (docs/contract.md §6). */
export interface ConsentRecord {
  tenant: string;
  revision: number;
  /** Epoch milliseconds, whole seconds. */
  decidedAt: number;
  expiresAt: number;
  /** 128 random bits, base64url: proves the choice and is used for nothing else. */
  id: string;
  /** The decision for each tracker that needs consent. */
  decisions: Decisions;
  /** Fingerprint of the config the choice was given under; absent from a choice stored in format 1. */
  configFingerprint?: string;
}

/** Tolerated clock difference for a decision time slightly in the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The cookie value, dot-separated (seconds in base 36; every character a cookie-octet, RFC 6265 §4.1.1):
 * - format 2, written since the config fingerprint (docs/contract.md §12):
 *   `2.fingerprint.tenant.revision.decidedAt.expiresAt.id.tracker:1~tracker:0`, where a decision is
 *   1 granted, 0 refused, or 2 objected to (§17, written since exempt trackers; before them, no one
 *   objected: a 0 runs an exempt tracker);
 * - format 1, written by temoin 0.1: the same without `fingerprint`. It stays a valid choice, so that
 *   no visitor is asked again because temoin was updated (docs/contract.md §6).
 */
const ENCODED =
  /^(?:1|2\.([\da-f]{16}))\.([\da-z-]{1,40})\.([1-9]\d{0,15})\.([\da-z]{1,9})\.([\da-z]{1,9})\.([\w-]{22})\.([\da-z-]{1,40}:[012](?:~[\da-z-]{1,40}:[012])*)?$/;

export function newConsentId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  // 16 bytes are 22 base64 characters and "==" padding; base64url (RFC 4648 §5) then needs no escaping in a cookie.
  return btoa(String.fromCharCode(...bytes))
    .slice(0, 22)
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

/** The trackers whose use needs the visitor's consent. */
export function optionalTrackerIds(config: ResolvedConfig): string[] {
  return config.trackers.filter((t) => !config.categories.some((c) => c.required && c.id === t.category)).map((t) => t.id);
}

/** The latest expiry of a choice made at `decidedAt`: `consentMaxAgeMonths` calendar months later (docs/contract.md §6). */
function expiryOf(config: ResolvedConfig, decidedAt: number): number {
  return addMonths(new Date(decidedAt), config.tenant.consentMaxAgeMonths).getTime();
}

/** A record as `createRecord` makes it: under the config's fingerprint. */
export type NewRecord = ConsentRecord & { configFingerprint: string };

/** A new record of a choice made now, kept `consentMaxAgeMonths` calendar months. */
export function createRecord(config: ResolvedConfig, decisions: Decisions, now = new Date()): NewRecord {
  const ms = +now;
  const decidedAt = ms - (ms % 1000);
  return {
    tenant: config.tenant.id,
    revision: config.revision,
    decidedAt,
    expiresAt: expiryOf(config, decidedAt),
    id: newConsentId(),
    decisions,
    configFingerprint: config.fingerprint,
  };
}

/** The cookie value of a new record, in format 2: a choice is never written in format 1 again. */
export function encodeRecord(record: NewRecord): string {
  const seconds = (ms: number) => (ms / 1000).toString(36);
  const decisions = Object.entries(record.decisions)
    .map(([id, decision]) => `${id}:${decision}`)
    .join('~');
  return [2, record.configFingerprint, record.tenant, record.revision, seconds(record.decidedAt), seconds(record.expiresAt), record.id, decisions].join('.');
}

/**
 * The stored choice, if it is one this config may apply now; otherwise `null`, *no choice yet*.
 * Fails closed: anything unreadable, altered, from another tenant or an older revision, expired,
 * or silent about one of the config's optional trackers is no choice, never a consent.
 */
export function decodeRecord(value: string | undefined, config: ResolvedConfig, now = Date.now()): ConsentRecord | null {
  const match = ENCODED.exec(value ?? '');
  if (!match) return null;
  const [, configFingerprint, tenant, revision, decided, expires, id, pairs = ''] = match;
  const decidedAt = parseInt(decided, 36) * 1000;
  const expiresAt = parseInt(expires, 36) * 1000;
  if (tenant !== config.tenant.id || +revision !== config.revision) return null;
  // The stored expiry may not reach beyond the tenant's current maximum age (6 to 12 months).
  if (decidedAt > now + CLOCK_SKEW_MS || expiresAt <= now || expiresAt > expiryOf(config, decidedAt) || expiresAt <= decidedAt) return null;

  const decisions: Decisions = Object.create(null);
  // An empty list splits into one empty pair, which names no tracker.
  for (const pair of pairs.split('~')) {
    const [tracker, decision] = pair.split(':');
    if (tracker in decisions) return null;
    decisions[tracker] = +decision as Decision;
  }
  const kept: Decisions = {};
  for (const tracker of optionalTrackerIds(config)) {
    if (!(tracker in decisions)) return null;
    kept[tracker] = decisions[tracker];
  }
  return { tenant, revision: config.revision, decidedAt, expiresAt, id, decisions: kept, configFingerprint };
}
