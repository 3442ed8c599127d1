import type { LauncherLook } from '../launcher';
import type { ResolvedConfig } from './types';

declare const __TEMOIN_BUILD__: string;

const KEY = 'temoin:config';
/** A portal may serve several tenants on one origin: keep a few configs, most recent first. */
const KEEP = 4;

/** What validating a config gives the script tag's core: the config, and how its launcher looks. */
export interface ValidatedConfig {
  config: ResolvedConfig;
  launcher: LauncherLook;
  /** The files beside `temoin.js` of the integrations the config uses (`temoin-consent-mode.mjs`…). */
  integrations: string[];
}

interface Entry extends ValidatedConfig {
  build: string;
  text: string;
}

/**
 * The entries this build stored: those of another build may have validated by other rules. A value
 * that is not an array of entries (not JSON, another shape) has no `filter` or no `build`: none.
 */
function entries(): Entry[] {
  try {
    return (JSON.parse(localStorage.getItem(KEY) ?? '[]') as Entry[]).filter((e) => e.build === __TEMOIN_BUILD__);
  } catch {
    return [];
  }
}

/**
 * The validated config if this build already validated exactly this config text on this device.
 * Validation is deterministic in the text and the build (schema and catalog), so skipping it is
 * sound; any other text, a new build or unreadable storage means validating again. The entry holds
 * the site's public config only: no identifier, nothing about the visitor.
 */
export function readValidatedConfig(text: string): ValidatedConfig | undefined {
  return entries().find((e) => e.text === text);
}

export function rememberValidatedConfig(text: string, validated: ValidatedConfig): void {
  try {
    const kept = entries().filter((e) => e.text !== text);
    localStorage.setItem(KEY, JSON.stringify([{ build: __TEMOIN_BUILD__, text, ...validated }, ...kept].slice(0, KEEP)));
  } catch {
    // Storage unavailable or full: the next page view validates again.
  }
}
