import type { Tracker } from './types';

const files = import.meta.glob<Tracker>('../../catalog/*.json', { eager: true, import: 'default' });

/**
 * The trackers temoin knows by id, from `catalog/<id>.json`. No prototype: a config naming
 * `"constructor"` or `"__proto__"` gets "not in the catalog", never an inherited property.
 */
export const catalog: Readonly<Record<string, Tracker>> = Object.assign(
  Object.create(null) as Record<string, Tracker>,
  Object.fromEntries(Object.values(files).map((tracker) => [tracker.id, tracker])),
);
