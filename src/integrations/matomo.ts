import type { Consent } from '../consent/consent';
import { type Integration, safely } from './integration';
import { isExcludedPage } from '../trackers/excluded-paths';

declare global {
  interface Window {
    _paq?: { push(command: unknown[]): unknown };
  }
}

/** matomo.js replaces the `_paq` queue with its own object once loaded: read it anew each time. */
function push(command: string): void {
  safely(() => (window._paq ??= [] as unknown[][]).push([command]));
}

/**
 * Matomo's own consent API: Matomo writes no cookie until told consent was given, on each page view
 * and after each choice that gives it. Telling it that consent was withdrawn
 * (`forgetCookieConsentGiven`) is the withdrawal's (consent-apis.ts), loaded only then. The queue is
 * created the way Matomo's snippet does (`window._paq = window._paq || []`), so the commands wait
 * for matomo.js.
 */
export const matomoConsent: Integration = (config, consent) => {
  const matomo = config.trackers.find((t) => t.id === 'matomo');
  if (!matomo) return;
  // Matomo set up exempt writes its cookies without consent, before any choice too, until an objection (docs/contract.md §17).
  if (!matomo.exempt) push('requireCookieConsent');
  const follow = (consent: Consent | null) => {
    // On an excluded page (docs/contract.md §3) Matomo may not write cookies, whatever the choice.
    if ((consent ? consent.trackers.matomo : matomo.exempt) && !isExcludedPage(config.excludedPaths)) push('setCookieConsentGiven');
  };
  follow(consent);
  return follow;
};
