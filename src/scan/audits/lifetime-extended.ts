import { isExempt } from '../declared';
import { type Audit, finding, setByText } from './audit';
import { declaringTracker } from './consent-needed';

/**
 * Half a second: two writes' expiries are computed when the scan hears of them, a few
 * milliseconds late; a `Max-Age` written again on a later page view moves by the seconds between.
 */
const MOVED = 0.5;

/**
 * A cookie of a tracker running exempt (docs/contract.md §15) written again on a later page view
 * of the same pass with a later expiry: the exemption requires that its lifetime is not extended.
 */
export const lifetimeExtended: Audit = {
  id: 'lifetime-extended',
  severity: 'warning',
  title: { en: 'Exempt cookie extended', fr: 'Cookie exempté prolongé' },
  run: ({ model }) =>
    model.cookies.flatMap((record) => {
      const tracker = declaringTracker(record);
      if (!tracker || !isExempt(tracker)) return [];
      const writes = record.writes.filter((write) => write.expires !== null);
      for (const [i, first] of writes.entries()) {
        const later = writes.slice(i + 1).find((next) => next.pass === first.pass && next.view !== first.view && next.expires! > first.expires! + MOVED);
        if (!later) continue;
        return [
          finding(lifetimeExtended, {
            pass: later.pass,
            url: later.page,
            tracker: tracker.id,
            setBy: later.setBy,
            cookie: record.name,
            message: `cookie ${record.name} of ${tracker.id}, exempt from consent, has its expiry moved forward by ${Math.round(later.expires! - first.expires!)} s on ${later.page} after ${first.page}${setByText(later.setBy)}; an exempt measurement must not extend it.`,
          }),
        ];
      }
      return [];
    }),
};
