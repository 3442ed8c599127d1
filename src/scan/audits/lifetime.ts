import { lifetimeDays, THIRTEEN_MONTHS_DAYS } from '../../config/rules';
import type { CookieRecord } from '../model';

export const DAY = 86_400;
/** Expiries are compared with a day's margin (docs/contract.md §15). */
export const MARGIN = DAY;
export const THIRTEEN_MONTHS = THIRTEEN_MONTHS_DAYS * DAY;

/** The longest lifetime a cookie was seen set for, in seconds, and where; undefined when it only ever was a session cookie. */
export function longestLife(record: CookieRecord): { seconds: number; pass: CookieRecord['expiries'][number]['pass']; page: string } | undefined {
  let longest: ReturnType<typeof longestLife>;
  for (const { expires, at, pass, page } of record.expiries) {
    if (expires !== null && (!longest || expires - at > longest.seconds)) longest = { seconds: expires - at, pass, page };
  }
  return longest;
}

/** The lifetime a declaration allows, in seconds: 0 for a session; calendar months of temoin's own cookie at 31 days. */
export function declaredSeconds(declaration: NonNullable<CookieRecord['declaration']>): number {
  return 'own' in declaration ? declaration.months * 31 * DAY : lifetimeDays(declaration.cookie.lifetime) * DAY;
}

/** `2 years`, `13 months`, `30 days`, `5 hours`: a lifetime in words, rounded. */
export function inWords(seconds: number): string {
  const days = seconds / DAY;
  const [count, unit] =
    days >= 730 ? [days / 365.2425, 'year'] : days >= 60 ? [days / (365.2425 / 12), 'month'] : days >= 2 ? [days, 'day'] : seconds >= 7200 ? [seconds / 3600, 'hour'] : [seconds / 60, 'minute'];
  const rounded = Math.round(count * 10) / 10;
  return `${rounded} ${unit}${rounded === 1 ? '' : 's'}`;
}
