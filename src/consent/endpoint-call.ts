import type { ResolvedConfig } from '../config/types';
import type { Consent } from './consent';
import { readConsentCookie } from './cookie';
import { WAITING_CALL } from './endpoint';

/**
 * The call to the consent endpoint (docs/contract.md §11). The newest call not yet answered waits in
 * `localStorage`, so that a failure of the network or a 5xx is sent again on a later page view; an
 * answer below 500 (success, or a refusal that would not change) ends it. Calls go one at a time and
 * only the newest is sent: an older choice answered last must not re-issue its cookie over a newer one.
 */

/** How long a call may go unanswered (ms). */
const TIMEOUT_MS = 15_000;

/** A call waiting: for which endpoint and cookie (a portal may serve several tenants on one origin), and its body. */
interface Waiting {
  endpoint: string;
  cookie: string;
  body: string;
}

let waiting: string | undefined;
let queue = Promise.resolve();

/** `undefined` when there is no storage, or it refuses (full, disabled): the call is then sent from this page only. */
function storage<T>(use: (storage: Storage) => T): T | undefined {
  try {
    return use(localStorage);
  } catch {
    return undefined;
  }
}

/**
 * Posts `{"record": <the consent cookie's value>}` after a choice, `{"record": null}` after a reset
 * (`consent` null), or, with no `consent`, the call waiting for this config. Never rejects.
 */
export function post(config: ResolvedConfig, consent?: Consent | null): Promise<void> {
  const call = { endpoint: config.consentEndpoint!, cookie: config.cookieName };
  const record = consent ? readConsentCookie({ name: call.cookie }) : null;
  // An `undefined` record: the cookie could not be written, there is nothing for the server to re-issue.
  if (consent !== undefined && record !== undefined) {
    waiting = JSON.stringify({ record });
    storage((s) => s.setItem(WAITING_CALL, JSON.stringify({ ...call, body: waiting })));
  } else {
    const stored = storage((s) => JSON.parse(s.getItem(WAITING_CALL) ?? 'null') as Waiting | null);
    if (stored?.endpoint === call.endpoint && stored.cookie === call.cookie) waiting = stored.body;
  }
  return (queue = queue.then(async () => {
    const body = waiting;
    if (!body) return;
    let status = 0;
    try {
      // The page's own origin, whatever a <base> element says: the endpoint is a path of the site (docs/contract.md §3).
      const response = await fetch(location.origin + call.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        // The visitor may leave right after choosing: the call outlives the page.
        keepalive: true,
        // An endpoint that never answers must not hold back later calls: this one then waits for a later page.
        signal: AbortSignal.timeout(TIMEOUT_MS),
        body,
      });
      status = response.status;
    } catch {
      // The network failed: the call stays waiting.
    }
    if (status && status < 500 && waiting === body) {
      waiting = undefined;
      storage((s) => s.removeItem(WAITING_CALL));
    }
  }));
}
