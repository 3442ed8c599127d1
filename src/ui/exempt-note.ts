import type { ResolvedConfig } from '../config/types';
import type { Words } from './texts';

/**
 * The end of the banner's paragraph where an audience measurement runs exempt from consent: which
 * one, and how to object (docs/contract.md §17); empty without one. A module apart from `bannerText`
 * (texts.ts), which temoin.js holds for its first banner: that banner is never shown for a config
 * with an exempt tracker (src/first-visit.ts), so the note comes with the UI alone.
 */
export function exemptNote(config: ResolvedConfig, w: Words): string {
  const exempt = config.trackers.filter((t) => t.exempt).map((t) => t.name);
  return exempt.length ? ` ${w.t('exemptNote', { trackers: exempt.join(', '), customise: w.t('customise') })}` : '';
}
