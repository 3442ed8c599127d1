import { readValidatedConfig, rememberValidatedConfig } from './config/cache';
import type { ResolvedConfig } from './config/types';
import { readConfigSource } from './config/source';
import { readConsentCookie } from './consent/cookie';
import { createInstance, type TemoinInstance, type UiModule } from './instance';

declare const __TEMOIN_VERSION__: string;
/** Each chunk beside this file → the chunks it imports (from the build). */
declare const __TEMOIN_CHUNK_IMPORTS__: Record<string, string[]>;

/**
 * The script tag (SPEC §4): starts from `data-config` and sets `window.Temoin`. The validator and the
 * UI are ES modules beside this file, loaded only when needed: a returning visitor whose config this
 * device already validated runs this file alone.
 */
const script = document.currentScript as HTMLScriptElement | null;
const url = (name: string) => new URL(name, script?.src || document.baseURI).href;
/** Loads a chunk and, at the same time rather than after it, the chunks it imports. */
function chunk<T>(name: string): Promise<T> {
  for (const dependency of __TEMOIN_CHUNK_IMPORTS__[name]) import(/* @vite-ignore */ url(dependency)).catch(() => {});
  return import(/* @vite-ignore */ url(name));
}
const loadUi = () => chunk<UiModule>('temoin-ui.mjs');
/** Validates a config, loading the validator and the catalog entries it names: this page's, or a cookie table's. */
const loadConfig = async (input: unknown) => (await chunk<typeof import('./config/load')>('temoin-config.mjs')).loadConfig(input);
const loadConsentMode = () => chunk<typeof import('./integrations/google-consent-mode')>('temoin-consent-mode.mjs');

let instance: TemoinInstance | null = null;
let starting: Promise<TemoinInstance> | null = null;

async function start(input: unknown): Promise<TemoinInstance> {
  const text = JSON.stringify(input);
  let config: ResolvedConfig | undefined = readValidatedConfig(text);
  if (!config) {
    // A config this device has not validated yet is most often a first visit: with no consent cookie,
    // the banner will be needed, so its code loads while the validator does, not after it.
    const cookieName = (input as { cookieName?: unknown } | null)?.cookieName;
    if (readConsentCookie({ name: String(cookieName ?? 'temoin') }) === undefined) loadUi().catch(() => {});
    config = await loadConfig(input);
    rememberValidatedConfig(text, config);
  }
  // Only the sites that use Google Consent Mode load it; its defaults still precede any gated script.
  const integrations = config.googleConsentMode ? [(await loadConsentMode()).googleConsentMode] : [];
  instance = createInstance(config, {
    loadUi,
    loadConfig,
    integrations,
    nonce: script?.nonce || undefined,
    onDestroy: () => {
      instance = starting = null;
    },
  });
  return instance;
}

/** Starts temoin. The validator may have to load first, so this returns a promise of the instance. */
function init(input: unknown): Promise<TemoinInstance> {
  if (starting) {
    console.warn('temoin: already running on this page: init() returns the running instance.');
    return starting;
  }
  starting = start(input);
  starting.catch(() => (starting = null));
  return starting;
}

function report(error: unknown): void {
  console.error(error instanceof Error ? error.message : error);
}

if (window.Temoin) {
  console.warn('temoin: temoin.js is included twice: the second copy does nothing.');
} else {
  window.Temoin = {
    init,
    get: () => instance,
    renderCookieTable: async (element) => (await (starting ?? Promise.reject(new Error('temoin is not started')))).renderCookieTable(element),
    version: __TEMOIN_VERSION__,
  };
  const source = script?.dataset.config ?? (document.getElementById('temoin-config') ? '#temoin-config' : undefined);
  if (source) readConfigSource(source).then(init).catch(report);
}

declare global {
  interface Window {
    Temoin: {
      init(config: unknown): Promise<TemoinInstance>;
      get(): TemoinInstance | null;
      /** Fills `element` with the running config's cookie table, or that of the config its `data-temoin-cookie-table` names (SPEC §9). */
      renderCookieTable(element: Element): Promise<void>;
      version: string;
    };
  }
}
