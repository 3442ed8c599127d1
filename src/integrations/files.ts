import type { ResolvedConfig } from '../config/types';

/**
 * The files beside `temoin.js` of the integrations `config` uses (vite.config.ts builds each): the
 * script tag imports them before any gated script runs. Their names are the build's own, never read
 * from storage, so that nothing a page stores can choose what `import()` runs.
 */
export const integrationFiles = (config: ResolvedConfig): string[] =>
  [
    config.googleConsentMode && 'consent-mode',
    config.consentEndpoint && 'endpoint',
    // Whether a tracker declaring keys needs consent is the file's to tell: a functional one's keys stay.
    config.trackers.some((t) => t.storage?.length) && 'storage',
  ]
    .filter((name) => name)
    .map((name) => `temoin-${name}.mjs`);
