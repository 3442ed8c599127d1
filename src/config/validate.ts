import type { Problem } from './messages';
import { ARRAY_RULE, BOOLEAN_RULE, INTEGER_RULE, OBJECT_RULE, REQUIRED_RULE, STRING_RULE, UNKNOWN_FIELD_RULE } from './rules';

/**
 * The config validator that runs in the browser: a few combinators enforcing exactly the rules of
 * the zod schemas in `schema.ts`, which stay the published contract (types, JSON Schema, users'
 * tooling). zod/mini costs 9.4 kB gzip for these schemas, more than half the first-visit budget;
 * this costs under 1 kB. `tests/unit/checks-agree.property.test.ts` tests that both accept and
 * reject the same inputs at the same paths. A problem names the rule broken (`rules.ts`), not its
 * message: the messages (`messages.ts`) load only for an invalid config.
 */
export type Validator<T = unknown> = (input: unknown, path: string, problems: Problem[]) => T;

/** A field of an object: its validator if required, `[validator]` if optional, `[validator, default]` with a default. */
export type Field = Validator | [Validator, unknown?];

export type Shape = Record<string, Field>;

/**
 * Reports a problem. The validator then returns `undefined`, typed as its value: a caller reading
 * the output of an input with problems allows for it (`CheckedConfig`).
 */
export const fail = (problems: Problem[], path: string, rule: number, ...values: string[]): never => {
  problems.push({ path, rule, values });
  return undefined as never;
};

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const join = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/** A string that passes `test` (a RegExp, or anything with such a method), else breaks `rule`. */
export const string =
  (test?: { test(value: string): boolean }, rule?: number): Validator<string> =>
  (input, path, problems) =>
    typeof input !== 'string' ? fail(problems, path, STRING_RULE) : test && !test.test(input) ? fail(problems, path, rule!) : input;

/** One of `values`, else breaks `rule`. */
export const oneOf = (values: readonly string[], rule: number): Validator<string> => string({ test: (value) => values.includes(value) }, rule);

/** A safe integer (zod's `int()`) from `min` to `max`, else breaks `rule`. */
export const integer =
  (min: number, max: number, rule: number): Validator<number> =>
  (input, path, problems) =>
    !Number.isSafeInteger(input) ? fail(problems, path, INTEGER_RULE) : (input as number) < min || (input as number) > max ? fail(problems, path, rule) : (input as number);

/** A value that `test` accepts, else breaks `rule`. */
export const is =
  <T>(test: (input: unknown) => boolean, rule: number): Validator<T> =>
  (input, path, problems) =>
    test(input) ? (input as T) : fail(problems, path, rule);

export const boolean = is<boolean>((input) => typeof input === 'boolean', BOOLEAN_RULE);

export const array =
  <T>(item: Validator<T>): Validator<T[]> =>
  (input, path, problems) =>
    Array.isArray(input) ? input.map((value, i) => item(value, join(path, i), problems)) : fail(problems, path, ARRAY_RULE);

/**
 * A strict object of the keys of `shape`: unknown keys are errors, so a misspelt option never goes
 * unnoticed. The output has the fields that passed and the defaults of those left out, even when
 * others failed, so that a caller can go on reporting every problem at once; `refine` may find one more.
 */
export const object =
  <T>(shape: Shape, refine?: (value: T) => number | undefined): Validator<T> =>
  (input, path, problems) => {
    if (!isObject(input)) return fail(problems, path, OBJECT_RULE);
    const output: Record<string, unknown> = {};
    for (const key in shape) {
      const field = shape[key];
      const [check, fallback] = Array.isArray(field) ? field : [field];
      // Own properties only: `__proto__` or `constructor` in JSON is data, never the prototype.
      const value = Object.hasOwn(input, key) ? input[key] : undefined;
      if (value !== undefined) output[key] = check(value, join(path, key), problems);
      else if (field === check) fail(problems, join(path, key), REQUIRED_RULE);
      else if (fallback !== undefined) output[key] = fallback;
    }
    for (const key of Object.keys(input)) if (!Object.hasOwn(shape, key)) fail(problems, join(path, key), UNKNOWN_FIELD_RULE);
    const broken = refine?.(input as T);
    return broken ? fail(problems, path, broken) : (output as T);
  };
