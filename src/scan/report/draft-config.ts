/**
 * `--draft-config FILE`: a starting config from what the scan saw. The config's own trackers and
 * the catalog entries whose names match what was observed keep their ids; each unknown cookie or
 * storage key becomes a tracker object with its observed lifetime, and the texts no scan can know
 * left empty, for `temoin lint` to list (docs/contract.md §15).
 */
import { catalog } from '../../config/catalog';
import type { TemoinConfig, Tracker, TrackerRef } from '../../config/types';
import { DAY, longestLife } from '../audits/lifetime';
import { catalogMatch } from '../declared';
import { trackerId } from '../model';
import type { ScanResult } from '../scan';

/** An observed lifetime as a config writes it: whole years, months or days when that close, else hours, minutes, seconds. */
export function lifetimeOf(seconds: number | undefined): string {
  if (seconds === undefined) return 'session';
  const days = seconds / DAY;
  const near = (count: number, unit: number) => Math.abs(days - count * unit) <= Math.max(1, unit * count * 0.02);
  const years = Math.round(days / 365.2425);
  if (years >= 1 && near(years, 365.2425)) return `${years}y`;
  const months = Math.round(days / (365.2425 / 12));
  if (months >= 1 && near(months, 365.2425 / 12)) return `${months}mo`;
  if (days >= 1) return `${Math.round(days)}d`;
  if (seconds >= 3600) return `${Math.round(seconds / 3600)}h`;
  if (seconds >= 60) return `${Math.round(seconds / 60)}min`;
  return `${Math.max(1, Math.round(seconds))}s`;
}

/** A tracker id from an unknown name: `_xyz_uid` → `xyz-uid`. */
const idOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'unknown';

export function draftConfig(result: ScanResult): TemoinConfig {
  const { config, model, artifacts } = result;
  const seen = (record: { seen: object }) => Object.keys(record.seen).length > 0;
  const ids = new Set<string>();
  const own: Tracker[] = [];
  const keep = (tracker: Tracker) => {
    if (!ids.has(tracker.id) && !catalog[tracker.id]) own.push(tracker);
    ids.add(tracker.id);
  };
  const unknown = new Map<string, Tracker>();
  const stranger = (name: string, setBy: string | null): Tracker => {
    const id = idOf(name);
    const tracker = unknown.get(id) ?? {
      id,
      name,
      provider: setBy ? new URL(setBy).hostname : '',
      category: 'audience',
      description: {},
      cookies: [],
    };
    unknown.set(id, tracker);
    return tracker;
  };
  const items = [
    ...model.cookies.map((record) => ({ record, name: record.name, kind: 'cookie' as const, setBy: record.writes[0]?.setBy ?? null })),
    ...model.storage.map((record) => ({ record, name: record.key, kind: 'storage' as const, setBy: record.writes[0]?.written?.setBy ?? null })),
  ];
  for (const { record, name, kind, setBy } of items.filter(({ record }) => seen(record))) {
    const declared = trackerId(record.declaration);
    if (record.declaration) {
      if (declared) keep(config!.trackers.find((tracker) => tracker.id === declared)!);
      continue;
    }
    const match = catalogMatch(catalog, name, kind);
    if (match) {
      ids.add(match);
      continue;
    }
    const tracker = stranger(name, setBy);
    if (kind === 'storage') tracker.storage = [...new Set([...(tracker.storage ?? []), name])];
    else if (!tracker.cookies.some((cookie) => cookie.name === name)) {
      tracker.cookies.push({ name, lifetime: lifetimeOf('expiries' in record ? longestLife(record)?.seconds : undefined), purpose: {} });
    }
  }
  const host = new URL(artifacts.seeds[0]).hostname;
  const trackers: TrackerRef[] = [...[...ids].filter((id) => catalog[id] && !own.some((t) => t.id === id)).sort(), ...own, ...unknown.values()];
  return {
    tenant: config
      ? { ...config.tenant }
      : { id: idOf(host), name: host, locale: 'fr' },
    ...(config?.excludedPaths.length ? { excludedPaths: config.excludedPaths } : {}),
    ...(config && config.cookieName !== 'temoin' ? { cookieName: config.cookieName } : {}),
    trackers,
  };
}
