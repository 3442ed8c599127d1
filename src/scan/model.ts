/**
 * The observations the audits and reports read, built once from the artifacts: each distinct
 * cookie (name, domain, path) and storage key, the passes it was in, where it was first seen and
 * what set it, matched against the config.
 */
import type { ResolvedConfig } from '../config/types';
import { type CookieDeclaration, declaredCookie, declaredStorage, OWN } from './declared';
import type { Artifacts, CookieWrite, ObservedCookie, ObservedStorage, PassName, StorageArea, StorageObservation } from './types';
import { PASSES } from './types';

/** Where something was first seen in a pass. */
export interface Sighting {
  page: string;
  at: number;
  setBy: string | null;
}

export interface CookieRecord {
  name: string;
  domain: string;
  path: string;
  httpOnly: boolean;
  declaration: CookieDeclaration | undefined;
  seen: Partial<Record<PassName, Sighting>>;
  /** The writes the browser kept, in time order. */
  writes: CookieWrite[];
  /** Each observed expiry (Unix seconds, null for a session cookie) with when and on which page. */
  expiries: { pass: PassName; page: string; at: number; expires: number | null }[];
}

export interface StorageRecord {
  area: StorageArea;
  origin: string;
  key: string;
  declaration: ReturnType<typeof declaredStorage>;
  seen: Partial<Record<PassName, Sighting>>;
  /** The writes scripts made, in time order. */
  writes: StorageObservation[];
}

export interface Model {
  cookies: CookieRecord[];
  storage: StorageRecord[];
}

const bare = (domain: string) => domain.replace(/^\./, '');
/** A cookie's identity in the jar; a write's `Domain` has no dot, the jar's does for a domain cookie. */
const sameCookie = (a: { name: string; domain: string }, b: { name: string; domain: string }) => a.name === b.name && bare(a.domain) === bare(b.domain);

/** The first of the two sightings, in time. */
function earlier(current: Sighting | undefined, next: Sighting): Sighting {
  return !current || next.at < current.at ? next : current;
}

export function buildModel(artifacts: Artifacts, config: ResolvedConfig | null): Model {
  const given = (cookie: { name: string; domain: string }) => artifacts.given.some((g) => sameCookie(g, cookie));
  const records = new Map<string, CookieRecord>();
  const record = (name: string, domain: string, path: string, httpOnly: boolean): CookieRecord => {
    const id = `${name}\n${bare(domain)}\n${path}`;
    const found = records.get(id);
    if (found) return found;
    const created: CookieRecord = { name, domain, path, httpOnly, declaration: declaredCookie(config, name), seen: {}, writes: [], expiries: [] };
    records.set(id, created);
    return created;
  };

  for (const snapshot of artifacts.jar) {
    for (const cookie of snapshot.cookies) {
      if (given(cookie)) continue;
      const r = record(cookie.name, cookie.domain, cookie.path, cookie.httpOnly);
      r.seen[snapshot.pass] = earlier(r.seen[snapshot.pass], { page: snapshot.page, at: snapshot.at, setBy: null });
      r.expiries.push({ pass: snapshot.pass, page: snapshot.page, at: snapshot.at, expires: cookie.expires });
    }
  }
  const inJar = (pass: PassName, write: CookieWrite) => artifacts.jar.some((s) => s.pass === pass && s.cookies.some((c) => sameCookie(c, write)));
  for (const write of [...artifacts.writes].sort((a, b) => a.at - b.at)) {
    if (given(write) || !(write.stored || inJar(write.pass, write))) continue;
    const r = record(write.name, write.domain, write.path, write.httpOnly);
    r.writes.push(write);
    r.expiries.push({ pass: write.pass, page: write.page, at: write.at, expires: write.expires });
    if (write.afterChoice) r.seen[write.pass] = earlier(r.seen[write.pass], { page: write.page, at: write.at, setBy: write.setBy });
  }
  for (const r of records.values()) {
    r.expiries.sort((a, b) => a.at - b.at);
    // What set it: the write that came first in the pass where it was first seen.
    for (const pass of PASSES) {
      const sighting = r.seen[pass];
      const write = r.writes.find((w) => w.pass === pass);
      if (sighting && write) sighting.setBy = write.setBy;
    }
  }

  const keys = new Map<string, StorageRecord>();
  for (const seen of [...artifacts.storage].sort((a, b) => a.at - b.at)) {
    if (!seen.afterChoice) continue;
    const id = `${seen.area}\n${seen.origin}\n${seen.key}`;
    const r = keys.get(id) ?? { area: seen.area, origin: seen.origin, key: seen.key, declaration: declaredStorage(config, seen.key), seen: {}, writes: [] };
    keys.set(id, r);
    r.seen[seen.pass] = earlier(r.seen[seen.pass], { page: seen.page, at: seen.at, setBy: seen.written?.setBy ?? null });
    if (seen.written) r.writes.push(seen);
  }
  return { cookies: [...records.values()], storage: [...keys.values()] };
}

const passesOf = (seen: Partial<Record<PassName, Sighting>>) => PASSES.filter((pass) => seen[pass]);

/** The declared tracker's id, null for none and for temoin's own. */
export function trackerId(declaration: CookieDeclaration | ReturnType<typeof declaredStorage>): string | null {
  if (!declaration || declaration === OWN || 'own' in declaration) return null;
  return 'tracker' in declaration ? declaration.tracker.id : declaration.id;
}

/** The cookies as `--json` lists them (docs/contract.md §15). */
export function observedCookies(model: Model): (ObservedCookie & { declared: boolean })[] {
  return model.cookies
    .filter((r) => passesOf(r.seen).length)
    .map((r) => ({
      name: r.name,
      domain: r.domain,
      path: r.path,
      expires: r.expiries.length ? r.expiries[r.expiries.length - 1].expires : null,
      httpOnly: r.httpOnly,
      passes: passesOf(r.seen),
      tracker: trackerId(r.declaration),
      declared: r.declaration !== undefined,
      setBy: r.writes[0]?.setBy ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.domain.localeCompare(b.domain));
}

export function observedStorage(model: Model): (ObservedStorage & { declared: boolean })[] {
  return model.storage
    .map((r) => ({ area: r.area, origin: r.origin, key: r.key, passes: passesOf(r.seen), tracker: trackerId(r.declaration), declared: r.declaration !== undefined }))
    .sort((a, b) => a.key.localeCompare(b.key) || a.origin.localeCompare(b.origin));
}

/** The pass a record was first seen in, and where. */
export function firstSighting(seen: Partial<Record<PassName, Sighting>>): { pass: PassName; sighting: Sighting } | undefined {
  const pass = PASSES.find((p) => seen[p]);
  return pass && { pass, sighting: seen[pass]! };
}
