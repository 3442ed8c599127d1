import type { ResolvedConfig } from './types';

declare const __TEMOIN_BUILD__: string;

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
  build: string;
  text: string;
}

/**
 * The shape of what this build writes, where `temoin.js` reads it: `String`,
 * `Number`, `Boolean` a value of that type, `Object` any value; `[x]` an array of `x`; an object
 * has exactly its keys, `?` ending an optional one, or any more under `*`. The rest (what the
 * UI and the integrations' files read) is not checked here: exactly, it would cost every returning
 * visitor 0.3 kB more.
 */
type Shape = StringConstructor | NumberConstructor | BooleanConstructor | ObjectConstructor | [Shape] | { [key: string]: Shape };

const ENTRY: Shape = {
  build: String,
  text: String,
  config: {
    tenant: { id: String, consentMaxAgeMonths: Number, 'cookieDomain?': String, '*': Object },
    revision: Number,
    trackers: [{ id: String, category: String, cookies: [{ name: String, '*': Object }], '*': Object }],
    categories: [{ id: String, required: Boolean, '*': Object }],
    cookieName: String,
    excludedPaths: [String],
    fingerprint: String,
    '*': Object,
  },
  launcher: { css: String, label: String, lang: String },
};

/** Whether `value` has `shape` (none: a key the shape does not have). */
function fits(value: any, shape?: Shape): boolean {
  if (shape === Object) return true;
  if (shape === String || shape === Number || shape === Boolean) return value?.constructor === shape;
  if (Array.isArray(shape)) return Array.isArray(value) && value.every((item) => fits(item, shape[0]));
  const keys = shape as Record<string, Shape> | undefined;
  return (
    !!keys &&
    value?.constructor === Object &&
    Object.keys(value).every((key) => fits(value[key], Object.hasOwn(keys, key) ? keys[key] : (keys[`${key}?`] ?? keys['*']))) &&
    Object.keys(keys).every((key) => /[*?]$/.test(key) || key in value)
  );
}

/**
 * The entries this build stored, in the shape it writes: those of another build may have validated
 * by other rules, and anything else (not JSON, another shape) is no entry.
 */
function entries(): Entry[] {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((e) => e?.build === __TEMOIN_BUILD__ && fits(e, ENTRY)) : [];
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
