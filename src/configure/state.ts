/**
 * The configurator's state: one config object, edited by path, and the theme beside it. Pure
 * functions, shared by the page's controls and its tests.
 */

/** A path into the config, as validation issues give it (`tenant.id`, `trackers.2.cookies.0.name`). */
export type Path = (string | number)[];

/** The page's whole state: what a share link carries. */
export interface ConfigureState {
  config: Record<string, unknown>;
  /** `--temoin-*` custom properties (without the prefix) and their values. */
  theme: Record<string, string>;
}

/** Where a new site starts: a tenant to name, 6 months, no tracker yet. */
export const EMPTY_CONFIG = (): Record<string, unknown> => ({ tenant: { id: '', name: '' }, trackers: [] });

export const pathKey = (path: Path): string => path.join('.');

export function getAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), value);
}

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === '' ||
  (Array.isArray(value) ? false : value !== null && typeof value === 'object' && Object.keys(value).length === 0);

/**
 * A copy of `value` with `path` set to `next`; `undefined` or `''` removes the field (the widget's
 * default applies), and an object left empty by it goes too. Arrays keep their places.
 */
export function setAt<T>(value: T, path: Path, next: unknown): T {
  if (path.length === 0) return next as T;
  const [key, ...rest] = path;
  const node = value !== null && typeof value === 'object' ? value : typeof key === 'number' ? [] : {};
  const child = setAt((node as Record<string | number, unknown>)[key], rest, next);
  if (Array.isArray(node)) {
    const copy = [...node];
    copy[key as number] = child;
    return copy as T;
  }
  const copy: Record<string, unknown> = { ...(node as Record<string, unknown>) };
  if (isEmpty(child)) delete copy[key];
  else copy[key] = child;
  return copy as T;
}

/** `array` without its item at `index`. */
export const removeAt = <T>(array: readonly T[], index: number): T[] => array.filter((_, i) => i !== index);

/**
 * What visitors are asked, as a comparable text: the trackers (ids and categories, purposes and
 * cookies as written) and the categories. When it changes, visitors who chose under the old one
 * should be asked again: the page proposes raising `revision`.
 */
export function askedOf(config: Record<string, unknown>): string {
  return JSON.stringify([config.trackers ?? [], config.categories ?? []]);
}
