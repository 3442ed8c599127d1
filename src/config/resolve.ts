import { BUILT_IN_CATEGORIES } from './categories';
import { checkConfig, checkTracker } from './checks';
import { type ConfigIssue, TemoinConfigError } from './error';
import { configFingerprint } from './fingerprint';
import { lifetimeDays, THIRTEEN_MONTHS_DAYS } from './rules';
import type { Category, ResolvedConfig, Tracker } from './types';
import { fail, isObject, join, type Validator } from './validate';

/** Runs a validator; `undefined` when it found a problem (each one added to `issues`). */
function check<T>(validator: Validator<T>, input: unknown, path: string, issues: ConfigIssue[]): T | undefined {
  const before = issues.length;
  const value = validator(input, path, issues);
  return issues.length === before ? value : undefined;
}

/** Catalog entries by id, without a prototype: `"constructor"` is no entry. */
export type Catalog = Readonly<Record<string, Tracker>>;

/** What to say of a catalog id that is not in the catalog: the script tag, the CLI and init() say it their way. */
export type UnknownId = (id: string) => string;

/**
 * A tracker of the config: a catalog id, or an object, which is a whole tracker or, with a catalog
 * id, replaces the fields it sets of that entry (a field set to `undefined` keeps the entry's).
 */
function resolveTracker(ref: unknown, path: string, catalog: Catalog, unknownId: UnknownId, issues: ConfigIssue[]): Tracker | undefined {
  if (typeof ref === 'string') {
    const known = catalog[ref];
    if (!known) fail(issues, path, unknownId(ref));
    // The catalog given to init() is the site's input too: its entries are checked like tracker objects.
    return known && check(checkTracker, known, path, issues);
  }
  // Anything else than a string or an object, `checkConfig` reported.
  if (!isObject(ref)) return undefined;
  const fields = Object.fromEntries(Object.entries(ref).filter(([, value]) => value !== undefined));
  // An id that is no string (even one that cannot become a key) names no entry: checkTracker says so.
  return check(checkTracker, { ...(typeof ref.id === 'string' && catalog[ref.id]), ...fields }, path, issues);
}

/**
 * Why a tracker may not run exempt (docs/contract.md §17), if it may not: its vendor documents no
 * exempt configuration, or one of its cookies lives over 13 months.
 */
function exemptProblem({ id, exemption, cookies }: Tracker): string | undefined {
  const long = cookies.find((cookie) => lifetimeDays(cookie.lifetime) > THIRTEEN_MONTHS_DAYS);
  return !exemption ? `"${id}" has no "exemption" to run under` : long && `cookie ${long.name} lives over 13 months`;
}

/**
 * Validates a config and resolves it against `catalog`, which holds at least the entries the
 * config names (the script tag loads only those); `unknownId` says why an id is not there.
 * @throws {TemoinConfigError} listing every problem, each with its path.
 */
export function resolveConfig(input: unknown, catalog: Catalog, unknownId: UnknownId): ResolvedConfig {
  const issues: ConfigIssue[] = [];
  // What passed of an invalid config too: its categories and trackers still get checked, so that
  // every problem is reported at once.
  const config = checkConfig(input, '', issues);

  const categories: Category[] = [...BUILT_IN_CATEGORIES];
  config?.categories?.forEach((category, i) => {
    // An entry without a valid id is no category (the validator reported it): nothing to compare.
    if (category?.id === undefined) return;
    if (categories.some((c) => c.id === category.id)) {
      fail(issues, `categories[${i}].id`, `"${category.id}" is already a category`);
    }
    categories.push({ ...category, required: false });
  });

  const trackers: Tracker[] = [];
  config?.trackers?.forEach((ref, i) => {
    const path = join('trackers', i);
    const tracker = resolveTracker(ref, path, catalog, unknownId, issues);
    if (!tracker) return;
    if (trackers.some((t) => t.id === tracker.id)) fail(issues, path, `"${tracker.id}" is listed twice`);
    else if (!categories.some((c) => c.id === tracker.category)) {
      fail(issues, `${path}.category`, `"${tracker.category}" is not a category; known: ${categories.map((c) => c.id).join(', ')}`);
    } else if (tracker.exempt) {
      const problem = exemptProblem(tracker);
      if (problem) fail(issues, `${path}.exempt`, problem);
    }
    trackers.push(tracker);
  });

  if (issues.length) throw new TemoinConfigError(issues);
  const resolved = { ...config!, trackers, categories };
  return { ...resolved, fingerprint: configFingerprint(resolved) };
}
