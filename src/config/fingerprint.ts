import { runtimeEntry } from './runtime-entry';
import type { ResolvedConfig } from './types';

/**
 * The JSON of a value with every object's keys in sorted order: equal configs spell the same text,
 * whatever order their author wrote the keys in (docs/contract.md §12). A key list as replacer both
 * selects and orders the keys of every object (ECMA-262 SerializeJSONObject): the list of every key
 * the value holds, sorted.
 */
export function canonicalJson(value: unknown): string {
  const keys = new Set<string>();
  JSON.stringify(value, (key, v: unknown) => (keys.add(key), v));
  return JSON.stringify(value, [...keys].sort());
}

/**
 * The config fingerprint (docs/contract.md §12): the 64-bit FNV-1a hash of the UTF-8 bytes of the
 * canonical JSON of the resolved config, in 16 hex digits, so a changed default or catalog entry
 * shows too. Every stored choice carries it; the proof bundle names it, and the server's receipts.
 *
 * Synchronous and small, as it runs in the browser's validator and `init()` returns at once; a
 * standard hash anyone can recompute from the bundle's resolved config. It tells configs apart; the
 * proof bundle's SHA-256 of the config file is the cryptographic link. Left out: the fingerprint
 * itself, `nonce`, a Content-Security-Policy value that may change on every response, and the
 * trackers' documentation fields (`runtime-entry.ts`): they say nothing of what a visitor is asked.
 */
export function configFingerprint(config: Omit<ResolvedConfig, 'fingerprint'> & { fingerprint?: string }): string {
  return fnv1a64(canonicalJson({ ...config, trackers: config.trackers.map(runtimeEntry), fingerprint: undefined, nonce: undefined }));
}

/** FNV-1a, 64 bits (draft-eastlake-fnv), of the UTF-8 bytes of `text`, in 16 hex digits. */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}
