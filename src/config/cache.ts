import type { ResolvedConfig } from './types';

/** The build id (scripts/build/build-id.ts) as a 32-bit number, never 0. */
declare const __TEMOIN_BUILD__: number;

const KEY = 'temoin:config';
/** A portal may serve several tenants on one origin: keep a few configs, most recent first. */
const KEEP = 4;

/**
 * The launcher's stylesheet and label for a config. They come with the validator
 * (`launcher-look.ts`) and, for the script tag, from this cache: a returning visitor's core draws
 * the button without carrying them.
 */
export interface LauncherLook {
  css: string;
  label: string;
  lang: string;
}

/** What validating a config gives the script tag's core: the config, and how its launcher looks. */
export interface ValidatedConfig {
  config: ResolvedConfig;
  launcher: LauncherLook;
}

interface Entry extends ValidatedConfig {
  text: string;
}

/**
 * The entries' checksum: 32-bit FNV-1a of their JSON, in decimal, started from the build id instead
 * of FNV's offset basis. It tells a value this build wrote from anything else: another build's, a
 * hand-edited or planted one, a truncated write. It is no secret (a script reading temoin.js could compute it, as it could write anything
 * else the page runs); what `import()` loads never comes from here (`integrations/files.ts`).
 */
function checksum(json: string): string {
  let hash = __TEMOIN_BUILD__;
  for (const char of json) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return `${hash}`;
}

/**
 * The entries this build stored: their JSON, a line break (which JSON never holds), their
 * checksum. Anything else (not JSON, another build's, altered, another format) is no entry.
 */
function entries(): Entry[] {
  const [json, sum] = (localStorage.getItem(KEY) ?? '').split('\n');
  return sum === checksum(json) ? JSON.parse(json) : [];
}

/**
 * The validated config if this build already validated exactly this config text on this device.
 * Validation is deterministic in the text and the build (schema and catalog), so skipping it is
 * sound; any other text, a new build or unreadable storage means validating again. The entry holds
 * the site's public config only: no identifier, nothing about the visitor.
 */
export function readValidatedConfig(text: string): ValidatedConfig | undefined {
  try {
    return entries().find((e) => e.text === text);
  } catch {
    // Storage unavailable (sandboxed frame, disabled): validate again.
  }
}

export function rememberValidatedConfig(text: string, validated: ValidatedConfig): void {
  try {
    const json = JSON.stringify([{ text, ...validated }, ...entries().filter((e) => e.text !== text)].slice(0, KEEP));
    localStorage.setItem(KEY, `${json}\n${checksum(json)}`);
  } catch {
    // Storage unavailable or full: the next page view validates again.
  }
}
