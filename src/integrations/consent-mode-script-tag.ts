/** The script tag's `temoin-consent-mode.mjs`, loaded only for a config with `googleConsentMode`. */
export { googleConsentMode as integration } from './google-consent-mode';
