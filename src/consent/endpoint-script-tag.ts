import { consentEndpoint } from './endpoint';
import * as call from './endpoint-call';

/**
 * The script tag's `temoin-endpoint.mjs`: the endpoint's hook and its call in one file, loaded only
 * for a config with a `consentEndpoint`, before any gated script runs (as Consent Mode's file is),
 * so that `temoin.js` carries no endpoint code.
 */
export const integration = consentEndpoint(async () => call);
