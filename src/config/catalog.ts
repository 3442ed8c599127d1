import type { Tracker } from './types';

const files = import.meta.glob<Tracker>('../../catalog/*.json', { eager: true, import: 'default' });

/** The trackers temoin knows by id, from `catalog/<id>.json`. */
export const catalog: Readonly<Record<string, Tracker>> = Object.fromEntries(
  Object.values(files).map((tracker) => [tracker.id, tracker]),
);
