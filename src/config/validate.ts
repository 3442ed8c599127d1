import type { ConfigIssue } from './error';

/**
 * The config validator that runs in the browser: a few combinators enforcing exactly the rules of
 * the zod schemas in `schema.ts`, which stay the published contract (types, JSON Schema, users'
 * tooling). zod/mini costs 9.4 kB gzip for these schemas, more than half the first-visit budget;
 * this costs under 1 kB. `tests/unit/checks-agree.property.test.ts` tests that both accept and
 * reject the same inputs at the same paths.
 */
export type Validator<T = unknown> = (input: unknown, path: string, issues: ConfigIssue[]) => T;

/** A field of an object: its validator if required, `[validator]` if optional, `[validator, default]` with a default. */
export type Field = Validator | [Validator, unknown?];

export type Shape = Record<string, Field>;

/**
 * Reports a problem. The validator then returns `undefined`, typed as its value: a caller reading
 * the output of an input with problems allows for it (`CheckedConfig`).
 */
export const fail = (issues: ConfigIssue[], path: string, message: string): never => {
  issues.push({ path, message });
  return undefined as never;
};

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const join = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/** A string that passes `rule` (a RegExp, or anything with such a `test`), else `message`. */
export const string =
  (rule?: { test(value: string): boolean }, message = ''): Validator<string> =>
  (input, path, issues) =>
    typeof input !== 'string' ? fail(issues, path, 'must be a string') : rule && !rule.test(input) ? fail(issues, path, message) : input;

/** A safe integer (zod's `int()`) from `min` to `max`, else `message`. */
export const integer =
  (min: number, max: number, message: string): Validator<number> =>
  (input, path, issues) =>
    !Number.isSafeInteger(input) ? fail(issues, path, 'must be an integer') : (input as number) < min || (input as number) > max ? fail(issues, path, message) : (input as number);

/** A value that `test` accepts, else `message`. */
export const is =
  <T>(test: (input: unknown) => boolean, message: string): Validator<T> =>
  (input, path, issues) =>
    test(input) ? (input as T) : fail(issues, path, message);

export const boolean = is<boolean>((input) => typeof input === 'boolean', 'must be true or false');

export const array =
  <T>(item: Validator<T>): Validator<T[]> =>
  (input, path, issues) =>
    Array.isArray(input) ? input.map((value, i) => item(value, join(path, i), issues)) : fail(issues, path, 'must be an array');

/**
 * A strict object of the keys of `shape`: unknown keys are errors, so a misspelt option never goes
 * unnoticed. The output has the fields that passed and the defaults of those left out, even when
 * others failed, so that a caller can go on reporting every problem at once; `refine` may find one more.
 */
export const object =
  <T>(shape: Shape, refine?: (value: T) => string | undefined): Validator<T> =>
  (input, path, issues) => {
    if (!isObject(input)) return fail(issues, path, 'must be an object');
    const output: Record<string, unknown> = {};
    for (const key in shape) {
      const field = shape[key];
      const [check, fallback] = Array.isArray(field) ? field : [field];
      // Own properties only: `__proto__` or `constructor` in JSON is data, never the prototype.
      const value = Object.hasOwn(input, key) ? input[key] : undefined;
      if (value !== undefined) output[key] = check(value, join(path, key), issues);
      else if (field === check) fail(issues, join(path, key), 'is required');
      else if (fallback !== undefined) output[key] = fallback;
    }
    for (const key of Object.keys(input)) if (!Object.hasOwn(shape, key)) fail(issues, join(path, key), 'is not a known field');
    const problem = refine?.(input as T);
    return problem ? fail(issues, path, problem) : (output as T);
  };
