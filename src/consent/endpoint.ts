import type { Integration } from '../integrations/integration';
import type { Consent } from './consent';

export type EndpointCall = typeof import('./endpoint-call');

/** The `localStorage` key where a call not yet answered waits for a later page view. */
export const WAITING_CALL = 'temoin:call';

/**
 * With `consentEndpoint` (docs/contract.md §11), every choice and every reset is posted to the
 * site's endpoint by `endpoint-call.ts`, loaded then, or on a page view with a call still waiting:
 * a config without an endpoint, or a visitor with nothing to send, never loads it.
 */
export const consentEndpoint =
  (load: () => Promise<EndpointCall>): Integration =>
  (config) => {
    if (!config.consentEndpoint) return;
    const post = (consent?: Consent | null) => load().then((call) => call.post(config, consent), () => {});
    try {
      if (localStorage[WAITING_CALL]) post();
    } catch {
      // No storage: no call can be waiting.
    }
    return post;
  };
