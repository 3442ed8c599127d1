import type { Tracker } from './types';

/**
 * A tracker without the fields that document it rather than drive it: where its cookie list comes
 * from (`sources`), the vendor's setting that shortens a cookie (`lifetimeSetting`), why two entries
 * declare one cookie (`sharedWith`), an editor's `$schema`. `temoin lint`, `temoin catalog` and the
 * catalog checks read them in `catalog/*.json`; nothing a page runs or shows does, so the entries a
 * page loads leave them out, and the config fingerprint (docs/contract.md §12) does not cover them.
 */
export function runtimeEntry({ $schema, sources, ...tracker }: Tracker): Tracker {
  return { ...tracker, cookies: tracker.cookies.map(({ sharedWith, lifetimeSetting, ...cookie }) => cookie) };
}
