import type { ConfigIssue } from './error';

/**
 * The config validator that runs in the browser: a few combinators enforcing exactly the rules of
 * the zod schemas in `schema.ts`, which stay the published contract (types, JSON Schema, users'
 * tooling). zod/mini costs 9.4 kB gzip for these schemas, more than half the first-visit budget;
 * this costs about 1 kB. A property test proves both accept and reject the same inputs at the same paths.
 */
export type Validator<T> = (input: unknown, path: string, issues: ConfigIssue[]) => T;

interface Field<T> {
  check: Validator<T>;
  optional?: boolean;
  fallback?: T;
}

const fail = <T>(issues: ConfigIssue[], path: string, message: string): T => {
  issues.push({ path, message });
  return undefined as T;
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const join = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

export function string(test?: RegExp | ((value: string) => boolean), message = ''): Validator<string> {
  return (input, path, issues) =>
    typeof input !== 'string'
      ? fail(issues, path, 'must be a string')
      : test && !(typeof test === 'function' ? test(input) : test.test(input))
        ? fail(issues, path, message)
        : input;
}

export function integer(min: number, max: number, message: string): Validator<number> {
  return (input, path, issues) =>
    !Number.isSafeInteger(input)
      ? fail(issues, path, 'must be an integer')
      : (input as number) < min || (input as number) > max
        ? fail(issues, path, message)
        : (input as number);
}

export const boolean: Validator<boolean> = (input, path, issues) =>
  typeof input === 'boolean' ? input : fail(issues, path, 'must be true or false');

export function oneOf<T extends string>(values: readonly T[]): Validator<T> {
  return (input, path, issues) =>
    values.includes(input as T) ? (input as T) : fail(issues, path, `must be one of ${values.map((v) => `"${v}"`).join(', ')}`);
}

export function array<T>(item: Validator<T>): Validator<T[]> {
  return (input, path, issues) =>
    Array.isArray(input) ? input.map((value, i) => item(value, join(path, i), issues)) : fail(issues, path, 'must be an array');
}

/** An object of any keys whose values all pass `value`. */
export function record<T>(value: Validator<T>): Validator<Record<string, T>> {
  return (input, path, issues) => {
    if (!isObject(input)) return fail(issues, path, 'must be an object');
    const output: Record<string, T> = {};
    // `__proto__` is dropped: as a key of the output it would set its prototype.
    for (const key of Object.keys(input)) if (key !== '__proto__') output[key] = value(input[key], join(path, key), issues);
    return output;
  };
}

export const optional = <T>(check: Validator<T>, fallback?: T): Field<T> => ({ check, optional: true, fallback });

/** The same fields, each one optional. */
export function partial(shape: Shape): Shape {
  return Object.fromEntries(
    Object.entries(shape).map(([key, spec]) => [key, typeof spec === 'function' ? optional(spec) : { ...spec, optional: true }]),
  );
}

/** A strict object: unknown keys are errors, so a misspelt option never goes unnoticed. */
export type Shape = Record<string, Validator<unknown> | Field<unknown>>;

export function object<T>(shape: Shape, refine?: (value: T) => string | undefined): Validator<T> {
  return (input, path, issues) => {
    if (!isObject(input)) return fail(issues, path, 'must be an object');
    const output: Record<string, unknown> = {};
    for (const [key, spec] of Object.entries(shape)) {
      const field = typeof spec === 'function' ? { check: spec } : spec;
      // Own properties only: `__proto__` or `constructor` in JSON is data, never the prototype.
      const value = Object.hasOwn(input, key) ? input[key] : undefined;
      if (value !== undefined) output[key] = field.check(value, join(path, key), issues);
      else if (!field.optional) fail(issues, join(path, key), 'is required');
      else if (field.fallback !== undefined) output[key] = field.fallback;
    }
    for (const key of Object.keys(input)) {
      if (!Object.hasOwn(shape, key)) fail(issues, join(path, key), 'is not a known field');
    }
    const problem = refine?.(input as T);
    return problem ? fail(issues, path, problem) : (output as T);
  };
}

/** A string or an object, to be told apart and checked further by the caller. */
export function stringOrObject(message: string): Validator<string | Record<string, unknown>> {
  return (input, path, issues) => (typeof input === 'string' || isObject(input) ? input : fail(issues, path, message));
}
