import { runtimeConfig } from './runtime-entry';
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
 * itself, `nonce`, a Content-Security-Policy value that may change on every response, the
 * trackers' documentation fields and their texts in the language the config does not show
 * (`runtime-entry.ts`): they say nothing of what a visitor is asked.
 */
export function configFingerprint(config: Omit<ResolvedConfig, 'fingerprint'> & { fingerprint?: string }): string {
  return fnv1a64(canonicalJson({ ...runtimeConfig(config), fingerprint: undefined, nonce: undefined }));
}

/**
 * FNV-1a, 64 bits (draft-eastlake-fnv), of the UTF-8 bytes of `text`, in 16 hex digits. The hash
 * is kept in four 16-bit limbs, lowest first, so that every product stays an exact integer: a
 * `BigInt` per byte took a first visit's validator about 4 ms at 4× CPU slowdown; this is several times faster.
 * Multiplying by the FNV prime 2⁴⁰ + 0x1b3 is the hash times 0x1b3 plus the hash shifted 40 bits
 * (two limbs and 8 bits).
 */
export function fnv1a64(text: string): string {
  let [h0, h1, h2, h3] = [0x2325, 0x8422, 0x9ce4, 0xcbf2];
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i];
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
    h3 = (h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16)) & 0xffff;
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
}
