import type { ResolvedConfig } from '../config/types';
import type { Consent } from '../consent/consent';

/**
 * A tool that must follow the choice (Matomo, Google Consent Mode, the consent endpoint, storage
 * clearing): set up before any gated script runs with the choice the page starts with (`null`:
 * none yet), then told the consent after every choice or reset. `undefined` when the config does
 * not use it.
 */
export type Integration = (config: ResolvedConfig, consent: Consent | null) => ((consent: Consent | null) => void) | undefined;
