import type { Consent } from '../consent/consent';
import { type Integration, safely } from './integration';
import { isExcludedPage } from '../trackers/excluded-paths';

type Gtag = (...args: unknown[]) => void;
type State = 'granted' | 'denied';

declare global {
  interface Window {
    dataLayer?: unknown[];
    gtag?: Gtag;
  }
}

/** How long Google tags wait for the first `update` before applying the defaults (ms). */
const WAIT_FOR_UPDATE_MS = 500;

const state = (granted: boolean): State => (granted ? 'granted' : 'denied');

/**
 * Google Consent Mode v2 (docs/contract.md §10): every type denied but `security_storage` before any gated
 * script runs, then an update on each choice and on each page load with a stored choice; on an
 * excluded page, every update denies.
 * `gtag` pushes its `arguments` object, as Google's snippet does: tags ignore plain arrays.
 */
export const googleConsentMode: Integration = (config, consent) => {
  if (!config.googleConsentMode) return;
  const dataLayer = (window.dataLayer ??= []);
  window.gtag ??= function gtag() {
    // eslint-disable-next-line prefer-rest-params
    dataLayer.push(arguments);
  };
  const own = window.gtag;
  const gtag: Gtag = (...args) => safely(() => own(...args));
  gtag('consent', 'default', {
    ad_storage: 'denied',
    ad_user_data: 'denied',
    ad_personalization: 'denied',
    analytics_storage: 'denied',
    functionality_storage: 'denied',
    personalization_storage: 'denied',
    security_storage: 'granted',
    wait_for_update: WAIT_FOR_UPDATE_MS,
  });
  const advertising = config.trackers.filter((t) => t.advertising);
  const update = (choice: Consent | null) => {
    // On an excluded page (docs/contract.md §3) Google's tags are told what is exempt: all denied.
    const consent = isExcludedPage(config.excludedPaths) ? null : choice;
    const ads = state(!!consent && advertising.length > 0 && advertising.every((t) => consent.trackers[t.id]));
    gtag('consent', 'update', {
      analytics_storage: state(!!consent?.categories.audience),
      ad_storage: ads,
      ad_user_data: ads,
      ad_personalization: ads,
    });
  };
  if (consent) update(consent);
  return update;
};
