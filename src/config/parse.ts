import * as z from 'zod/mini';
import { catalog } from './catalog';
import { type ConfigIssue, formatPath, TemoinConfigError } from './error';
import { configSchema, trackerOverrideSchema, trackerSchema } from './schema';
import { closest } from './suggest';
import type { Category, ResolvedConfig, Tracker } from './types';

export const BUILT_IN_CATEGORIES: readonly Category[] = [
  { id: 'functional', required: true },
  { id: 'audience', required: false },
];

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  int: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
};

/** zod's issues, reworded so that each names its field and says what it must be. */
function describe(issue: z.core.$ZodIssue, prefix: PropertyKey[]): ConfigIssue[] {
  const path = [...prefix, ...issue.path];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: formatPath([...path, key]), message: 'is not a known field' }));
    case 'invalid_type':
      return [
        {
          path: formatPath(path),
          message: 'input' in issue ? `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}` : 'is required',
        },
      ];
    case 'invalid_value':
      return [{ path: formatPath(path), message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` }];
    default:
      return [{ path: formatPath(path), message: issue.message }];
  }
}

function check<T>(schema: z.ZodMiniType<T>, input: unknown, prefix: PropertyKey[], issues: ConfigIssue[]): T | undefined {
  const result = z.safeParse(schema, input, { reportInput: true });
  if (result.success) return result.data;
  issues.push(...result.error.issues.flatMap((issue) => describe(issue, prefix)));
  return undefined;
}

function resolveTracker(ref: unknown, index: number, issues: ConfigIssue[]): Tracker | undefined {
  const path = ['trackers', index];
  if (typeof ref === 'string') {
    const known = catalog[ref];
    if (!known) {
      const hint = closest(ref, Object.keys(catalog));
      issues.push({
        path: formatPath(path),
        message: `"${ref}" is not in the catalog${hint.length ? `; did you mean ${hint.map((id) => `"${id}"`).join(', ')}?` : ''} Known ids: ${Object.keys(catalog).sort().join(', ')}.`,
      });
    }
    return known;
  }
  if (typeof ref !== 'object' || ref === null) return undefined;
  const override = check(trackerOverrideSchema, ref, path, issues);
  if (!override) return undefined;
  // A catalog id with some fields replaces those fields; any other id must be a whole tracker.
  return check(trackerSchema, { ...catalog[override.id], ...override }, path, issues);
}

/** The fields of an input that failed validation, read as far as they can be, to report every problem at once. */
function listed(input: unknown, key: string): unknown[] {
  const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined;
  return Array.isArray(value) ? value : [];
}

/**
 * Validates a config and resolves it against the catalog.
 * @throws {TemoinConfigError} listing every problem, each with its path.
 */
export function parseConfig(input: unknown): ResolvedConfig {
  const issues: ConfigIssue[] = [];
  const config = check(configSchema, input, [], issues);

  const categories: Category[] = [...BUILT_IN_CATEGORIES];
  (config?.categories ?? (listed(input, 'categories') as Category[])).forEach((category, i) => {
    if (categories.some((c) => c.id === category?.id)) {
      issues.push({ path: `categories[${i}].id`, message: `"${category.id}" is already a category` });
    }
    categories.push({ ...category, required: false });
  });

  const trackers: Tracker[] = [];
  (config?.trackers ?? listed(input, 'trackers')).forEach((ref, i) => {
    const tracker = resolveTracker(ref, i, issues);
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
  const { tenant, revision, cookieName, googleConsentMode, floatingButton, globalPrivacyControl, nonce, texts } = config;
  return {
    tenant,
    revision,
    trackers,
    categories,
    cookieName,
    googleConsentMode,
    floatingButton,
    globalPrivacyControl,
    nonce,
    texts,
  };
}
