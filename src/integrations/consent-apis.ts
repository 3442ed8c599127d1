import type { ConsentApi } from '../config/types';
import { safely } from './integration';

/** A call of a function of the page: its path from `window`, then its arguments. */
type Call = [string, ...unknown[]];

/**
 * What stops a vendor's tracker in the page, what resumes it, and what puts it back in its exempt
 * mode. No call at all: an integration of the core follows every choice for it already.
 */
interface Calls {
  revoke: Call[];
  grant: Call[];
  exempt?: Call[];
}

const gtag = (types: string[], state: 'granted' | 'denied'): Call => ['gtag', 'consent', 'update', Object.fromEntries(types.map((type) => [type, state]))];
const ADS = ['ad_storage', 'ad_user_data', 'ad_personalization'];
const clarity = (state: string): Call => ['clarity', 'consentv2', { ad_Storage: state, analytics_Storage: state }];

/**
 * The vendors' consent APIs, as each vendor documents them (docs/contract.md §17):
 * - Matomo: `_paq.push(['forgetCookieConsentGiven'])`, which deletes its cookies and writes none
 *   until `setCookieConsentGiven` (developer.matomo.org/guides/tracking-consent), an objection to an
 *   exempt Matomo included; `matomo.ts`, in the core, gives consent on every choice that grants it.
 * - Google's tags: `gtag('consent', 'update', …)`, `analytics_storage` for Analytics, the three
 *   `ad_*` types for Ads, as Consent Mode v2 (§10) sets them.
 * - Microsoft Clarity: `clarity('consentv2', { ad_Storage, analytics_Storage })`
 *   (learn.microsoft.com/clarity/clarity-consent-api-v2).
 * - Piano Analytics: `pa.consent.setMode('opt-in' | 'essential' | 'opt-out')`, `essential` being
 *   its exempt mode (developers.atinternet-solutions.com/piano-analytics/data-collection/how-to-send-events/consent).
 * - Meta Pixel: `fbq('consent', 'revoke' | 'grant')` (developers.facebook.com/docs/facebook-pixel/implementation/gdpr).
 * - TikTok Pixel: `ttq.revokeConsent()`, `ttq.grantConsent()` (business-api.tiktok.com/portal/docs?id=1739585600931842).
 */
export const CONSENT_API_CALLS: Record<ConsentApi, Calls> = {
  matomo: { revoke: [['_paq.push', ['forgetCookieConsentGiven']]], grant: [] },
  'gtag-analytics': { revoke: [gtag(['analytics_storage'], 'denied')], grant: [gtag(['analytics_storage'], 'granted')] },
  'gtag-ads': { revoke: [gtag(ADS, 'denied')], grant: [gtag(ADS, 'granted')] },
  clarity: { revoke: [clarity('denied')], grant: [clarity('granted')] },
  piano: { revoke: [['pa.consent.setMode', 'opt-out']], grant: [['pa.consent.setMode', 'opt-in']], exempt: [['pa.consent.setMode', 'essential']] },
  meta: { revoke: [['fbq', 'consent', 'revoke']], grant: [['fbq', 'consent', 'grant']] },
  tiktok: { revoke: [['ttq.revokeConsent']], grant: [['ttq.grantConsent']] },
};

/**
 * Calls a function of the page, `["pa.consent.setMode", "opt-out"]`, on its object. Code of the
 * page may throw: reported, and the call counts as made. `false` when the page has no such
 * function: the vendor's script is not there.
 */
export function callPage([path, ...args]: Call): boolean {
  let self: unknown;
  let target: unknown = window;
  for (const name of path.split('.')) {
    self = target;
    target = (target as Record<string, unknown> | undefined)?.[name];
  }
  if (typeof target !== 'function') return false;
  safely(() => target.apply(self, args));
  return true;
}
