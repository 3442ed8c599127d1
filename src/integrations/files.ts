import type { ResolvedConfig } from '../config/types';

/** The integrations in files or chunks of their own, each loaded only for a config that uses it. */
export type IntegrationName = 'consent-mode' | 'endpoint' | 'storage';

/**
 * The integrations `config` uses beyond Matomo's, in the order they start: Google Consent Mode, the
 * consent endpoint, the clearing of `storage` keys. Whether a tracker declaring keys needs consent
 * is the storage integration's to tell: a functional one's keys stay.
 */
export const integrationNames = (config: ResolvedConfig): IntegrationName[] =>
  [
    config.googleConsentMode && 'consent-mode',
    config.consentEndpoint && 'endpoint',
    config.trackers.some((t) => t.storage?.length) && 'storage',
  ].filter((name): name is IntegrationName => !!name);

/**
 * Their files beside `temoin.js` (`scripts/build/chunks.ts` builds each): the script tag imports
 * them before any gated script runs. Their names are the build's own, never read from storage, so
 * that nothing a page stores can choose what `import()` runs.
 */
export const integrationFiles = (config: ResolvedConfig): string[] => integrationNames(config).map((name) => `temoin-${name}.mjs`);
