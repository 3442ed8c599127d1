import { checkConfig, checkTracker, checkTrackerOverride } from './checks';
import { type ConfigIssue, TemoinConfigError } from './error';
import { configFingerprint } from './fingerprint';
import type { Category, ResolvedConfig, Tracker } from './types';
import { join, type Validator } from './validate';

export const BUILT_IN_CATEGORIES: readonly Category[] = [
  { id: 'functional', required: true },
  { id: 'audience', required: false },
];

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

function resolveTracker(ref: unknown, index: number, catalog: Catalog, unknownId: UnknownId, issues: ConfigIssue[]): Tracker | undefined {
  const path = join('trackers', index);
  if (typeof ref === 'string') {
    const known = catalog[ref];
    if (!known) issues.push({ path, message: unknownId(ref) });
    // The catalog given to init() is the site's input too: its entries are checked like tracker objects.
    return known && check(checkTracker, known, path, issues);
  }
  if (typeof ref !== 'object' || ref === null) return undefined;
  const override = check(checkTrackerOverride, ref, path, issues);
  if (!override) return undefined;
  // A catalog id with some fields replaces those fields; any other id must be a whole tracker.
  return check(checkTracker, { ...catalog[override.id], ...override }, path, issues);
}

/** The fields of an input that failed validation, read as far as they can be, to report every problem at once. */
function listed(input: unknown, key: string): unknown[] {
  const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined;
  return Array.isArray(value) ? value : [];
}

/**
 * Validates a config and resolves it against `catalog`, which holds at least the entries the
 * config names (the script tag loads only those); `unknownId` says why an id is not there.
 * @throws {TemoinConfigError} listing every problem, each with its path.
 */
export function resolveConfig(input: unknown, catalog: Catalog, unknownId: UnknownId): ResolvedConfig {
  const issues: ConfigIssue[] = [];
  const config = check(checkConfig, input, '', issues);

  const categories: Category[] = [...BUILT_IN_CATEGORIES];
  (config?.categories ?? (listed(input, 'categories') as Category[])).forEach((category, i) => {
    // An entry without a string id is no category (the validator reported it): nothing to compare.
    if (typeof category?.id !== 'string') return;
    if (categories.some((c) => c.id === category.id)) {
      issues.push({ path: `categories[${i}].id`, message: `"${category.id}" is already a category` });
    }
    categories.push({ ...category, required: false });
  });

  const trackers: Tracker[] = [];
  (config?.trackers ?? listed(input, 'trackers')).forEach((ref, i) => {
    const tracker = resolveTracker(ref, i, catalog, unknownId, issues);
    if (!tracker) return;
    if (trackers.some((t) => t.id === tracker.id)) {
      issues.push({ path: `trackers[${i}]`, message: `"${tracker.id}" is listed twice` });
    } else if (!categories.some((c) => c.id === tracker.category)) {
      issues.push({
        path: `trackers[${i}].category`,
        message: `"${tracker.category}" is not a category; known: ${categories.map((c) => c.id).join(', ')}`,
      });
    }
    trackers.push(tracker);
  });

  if (!config || issues.length) throw new TemoinConfigError(issues);
  const resolved = { ...config, trackers, categories };
  return { ...resolved, fingerprint: configFingerprint(resolved) };
}
