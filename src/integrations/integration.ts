import type { ResolvedConfig } from '../config/types';
import type { Consent } from '../consent/consent';

/**
 * A tool that must follow the choice (Matomo, Google Consent Mode, the consent endpoint, storage
 * clearing): set up before any gated script runs with the choice the page starts with (`null`:
 * none yet), then told the consent after every choice or reset. `undefined` when the config does
 * not use it.
 */
export type Integration = (config: ResolvedConfig, consent: Consent | null) => ((consent: Consent | null) => void) | undefined;

/**
 * Runs code of the page (a vendor's function such as `gtag` or `_paq.push`, a site's listener)
 * so that its failure never breaks temoin nor stops what follows (docs/contract.md §7): the error
 * is reported once, with console.error, and `undefined` returned.
 */
export function safely<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    console.error('temoin: code of the page failed', error);
  }
}
