import { consentEndpoint } from './endpoint';
import * as call from './endpoint-call';

/**
 * The script tag's `temoin-endpoint.mjs`: the endpoint's hook and its call in one file, loaded only
 * by a site whose config has a `consentEndpoint`, before any gated script runs (as Consent Mode is),
 * so that `temoin.js` carries no endpoint code for the sites without one.
 */
export const integration = consentEndpoint(async () => call);
