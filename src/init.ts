import { parseConfig } from './config/parse';
import type { TemoinConfig } from './config/types';
import { createInstance, type TemoinInstance } from './instance';
import { googleConsentMode } from './integrations/google-consent-mode';

/**
 * Starts temoin with a config (SPEC §3): validates it, applies the stored choice, gates the page's
 * trackers, and shows the banner when there is no valid choice yet. The UI loads on demand.
 * @throws {TemoinConfigError} when the config is invalid; then nothing runs.
 */
export function init(config: TemoinConfig): TemoinInstance {
  return createInstance(parseConfig(config), { loadUi: () => import('./ui/index'), integrations: [googleConsentMode] });
}
