import { BUILT_IN_CATEGORIES } from './categories';
import { checkConfig, checkTracker } from './checks';
import { configFingerprint } from './fingerprint';
import type { Problem } from './messages';
import * as rule from './rules';
import type { Category, ResolvedConfig, Tracker } from './types';
import { fail, isObject, join, type Validator } from './validate';

/** Runs a validator; `undefined` when it found a problem (each one added to `problems`). */
function check<T>(validator: Validator<T>, input: unknown, path: string, problems: Problem[]): T | undefined {
  const before = problems.length;
  const value = validator(input, path, problems);
  return problems.length === before ? value : undefined;
}

/** Catalog entries by id, without a prototype: `"constructor"` is no entry. */
export type Catalog = Readonly<Record<string, Tracker>>;

/**
 * A tracker of the config: a catalog id, or an object, which is a whole tracker or, with a catalog
 * id, replaces the fields it sets of that entry (a field set to `undefined` keeps the entry's).
 */
function resolveTracker(ref: unknown, path: string, catalog: Catalog, problems: Problem[]): Tracker | undefined {
  if (typeof ref === 'string') {
    const known = catalog[ref];
    if (!known) fail(problems, path, rule.UNKNOWN_ID_RULE, ref);
    // The catalog given to init() is the site's input too: its entries are checked like tracker objects.
    return known && check(checkTracker, known, path, problems);
  }
  // Anything else than a string or an object, `checkConfig` reported.
  if (!isObject(ref)) return undefined;
  const fields = Object.fromEntries(Object.entries(ref).filter(([, value]) => value !== undefined));
  // An id that is no string (even one that cannot become a key) names no entry: checkTracker says so.
  return check(checkTracker, { ...(typeof ref.id === 'string' && catalog[ref.id]), ...fields }, path, problems);
}

/**
 * Validates a config and resolves it against `catalog`, which holds at least the entries the
 * config names (the script tag loads only those): the resolved config, or every problem found,
 * each with its path and the rule it breaks (an id `catalog` lacks: `UNKNOWN_ID_RULE`). What a problem
 * says is the caller's to load (`messages.ts`, `resolve.ts`).
 */
export function resolution(input: unknown, catalog: Catalog): ResolvedConfig | Problem[] {
  const problems: Problem[] = [];
  // What passed of an invalid config too: its categories and trackers still get checked, so that
  // every problem is reported at once.
  const config = checkConfig(input, '', problems);

  const categories: Category[] = [...BUILT_IN_CATEGORIES];
  config?.categories?.forEach((category, i) => {
    // An entry without a valid id is no category (the validator reported it): nothing to compare.
    if (category?.id === undefined) return;
    if (categories.some((c) => c.id === category.id)) {
      fail(problems, `categories[${i}].id`, rule.CATEGORY_TWICE_RULE, category.id);
    }
    categories.push({ ...category, required: false });
  });

  const trackers: Tracker[] = [];
  config?.trackers?.forEach((ref, i) => {
    const path = join('trackers', i);
    const tracker = resolveTracker(ref, path, catalog, problems);
    if (!tracker) return;
    if (trackers.some((t) => t.id === tracker.id)) fail(problems, path, rule.TRACKER_TWICE_RULE, tracker.id);
    else if (!categories.some((c) => c.id === tracker.category)) {
      fail(problems, `${path}.category`, rule.NO_CATEGORY_RULE, tracker.category, categories.map((c) => c.id).join(', '));
    } else if (tracker.exempt) {
      // docs/contract.md §17: only under the vendor's exempt configuration, and no cookie over 13 months.
      const long = tracker.cookies.find((cookie) => rule.lifetimeDays(cookie.lifetime) > rule.THIRTEEN_MONTHS_DAYS);
      if (!tracker.exemption) fail(problems, `${path}.exempt`, rule.NO_EXEMPTION_RULE, tracker.id);
      else if (long) fail(problems, `${path}.exempt`, rule.OVER_13_MONTHS_RULE, long.name);
    }
    trackers.push(tracker);
  });

  if (problems.length) return problems;
  const resolved = { ...config!, trackers, categories };
  return { ...resolved, fingerprint: configFingerprint(resolved) };
}
