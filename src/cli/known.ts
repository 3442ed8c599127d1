import type { Tracker } from '../config/types';

/**
 * How well a catalog entry is known (docs/contract.md §2), derived from its cookies' `basis`, never
 * written: `vendor` when every cookie rests on the vendor's own documentation or code (or, without
 * cookies, when the vendor's own pages say so), `other` when no cookie does, `partial` in between.
 */
export type Known = 'vendor' | 'partial' | 'other';

export function howWellKnown({ cookies, sources = [] }: Tracker): Known {
  const fromVendor = cookies.filter((cookie) => cookie.basis === 'vendor').length;
  if (!cookies.length) return sources.length ? 'vendor' : 'other';
  return fromVendor === cookies.length ? 'vendor' : fromVendor ? 'partial' : 'other';
}
