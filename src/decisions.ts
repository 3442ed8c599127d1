import type { ResolvedConfig } from './config/types';
import { type Consent, type Grants, toConsent } from './consent/consent';
import { type ConsentRecord, createRecord, type Decision, type Decisions, optionalTrackerIds } from './consent/record';
import { matchesCookieName } from './trackers/cookies';

/*
 * What a running instance decides, apart from what it does to the page (instance.ts): pure
 * functions of the config and the choice, tested without a DOM (tests/unit/decisions.test.ts).
 */

/** A change of choice: categories first, then trackers, each `true` to grant. Unnamed ones keep their state. */
export interface ConsentUpdate {
  trackers?: Record<string, boolean>;
  categories?: Record<string, boolean>;
}

/**
 * The choice a page starts with: the stored one, else, for a browser sending Global Privacy Control
 * (`gpc`) where the config follows it, a refusal of every optional tracker that is never stored (no
 * banner; the visitor may still opt in), else none.
 */
export function startingConsent(config: ResolvedConfig, record: ConsentRecord | null, gpc: boolean): Consent | null {
  return record ? toConsent(record, config) : config.globalPrivacyControl && gpc ? { ...toConsent(createRecord(config, {}), config), source: 'gpc' } : null;
}

/** Whether tracker or category `id` may run under `grants`; an id the config does not know never may. */
export const isGrantedIn = ({ trackers, categories }: Grants, id: string): boolean => (Object.hasOwn(trackers, id) ? trackers[id] : categories[id] === true);

/** Whether to ask the visitor, at the start as after `reset()`: without a choice, and only where something needs consent. */
export const asksForChoice = (config: ResolvedConfig, consent: Consent | null): boolean => !consent && optionalTrackerIds(config).length > 0;

/**
 * Every tracker needing consent given `decision`, but one the `current` decisions object to, which
 * stays so: refusing is no objection, nor does it take one back (docs/contract.md §17).
 */
export const decideAll = (config: ResolvedConfig, decision: Decision, current?: Decisions): Decisions =>
  Object.fromEntries(optionalTrackerIds(config).map((id) => [id, current?.[id] === 2 ? 2 : decision]));

/**
 * The decisions after `update(change)`, from the `current` ones (none: all refused): categories
 * first, then trackers, so a tracker's decision wins over its category's. Functional trackers
 * have no decision to change. A tracker running exempt (docs/contract.md §17): its category's
 * `true` consents to it, `false` refuses that consent and keeps an objection; its own `false`
 * objects (2), its own `true` takes an objection back without consenting.
 * @throws {Error} naming an id the config does not know; then nothing is decided.
 */
export function updatedDecisions(config: ResolvedConfig, current: Decisions | undefined, { trackers = {}, categories = {} }: ConsentUpdate): Decisions {
  const decisions = { ...(current ?? decideAll(config, 0)) };
  for (const [kind, changes] of [['category', categories], ['tracker', trackers]] as const) {
    for (const [id, granted] of Object.entries(changes)) {
      const members = config.trackers.filter((t) => (kind === 'tracker' ? t.id : t.category) === id);
      if (kind === 'tracker' ? !members.length : !config.categories.some((c) => c.id === id)) {
        throw new Error(`temoin: update(): no ${kind} "${id}" in the config`);
      }
      for (const { id, exempt } of members) {
        const own = kind === 'tracker' && exempt;
        if (id in decisions) decisions[id] = (granted ? (own ? decisions[id] & 1 : 1) : own ? 2 : decisions[id] & 2) as Decision;
      }
    }
  }
  return decisions;
}

/**
 * Whether the page's cookie `name` goes under `grants` (docs/contract.md §6), decided for the real
 * name: a tracker that may not run declares it (its exact name, or a prefix matching it), and no
 * tracker that may run does (`sharedWith`, or a prefix of its own): then it is the granted one's to
 * keep. The consent cookie always stays.
 */
export function clearsCookie(config: ResolvedConfig, grants: Grants): (name: string) => boolean {
  const declaredBy = (granted: boolean, name: string) =>
    config.trackers.some((t) => grants.trackers[t.id] === granted && t.cookies.some((cookie) => matchesCookieName(cookie.name, name)));
  return (name) => name !== config.cookieName && declaredBy(false, name) && !declaredBy(true, name);
}
