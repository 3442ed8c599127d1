import { consentEndpoint } from './endpoint';
import { post } from './endpoint-call';

/**
 * The script tag's `temoin-endpoint.mjs`: the endpoint's hook and its call in one file, loaded only
 * for a config with a `consentEndpoint`, before any gated script runs (as Consent Mode's file is),
 * so that `temoin.js` carries no endpoint code. The call is handed over as an object of its own, not
 * as the module's namespace, which would have the bundler build it with a helper shared in a file
 * of its own: one more request on the way to the preferences too.
 */
export const integration = consentEndpoint(async () => ({ post }));
