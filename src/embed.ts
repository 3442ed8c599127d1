import { readValidatedConfig } from './config/cache';
import { readConfigSource } from './config-source';
import { asksForChoice } from './decisions';
import { firstVisit } from './first-visit';
import { integrationFiles } from './integrations/files';
import type { Integration } from './integrations/integration';
import { createInstance, type TemoinInstance, warnAlreadyRunning } from './instance';
import { showLauncher } from './launcher';
import { BANNER_PARTS } from './ui/banner-parts';

declare const __TEMOIN_VERSION__: string;

/**
 * The script tag (docs/contract.md §4): starts from `data-config` and sets `window.Temoin`. The validator and the
 * UI are an ES module beside this file (`temoin-ui.mjs`), loaded only when needed: a returning
 * visitor whose config this device already validated runs this file alone.
 */
const script = document.currentScript as HTMLScriptElement | null;
const load = <T>(name: string): Promise<T> => import(/* @vite-ignore */ new URL(name, script?.src || document.baseURI).href);
const loadUi = () => load<typeof import('./embed-ui')>('temoin-ui.mjs');

let instance: TemoinInstance | null = null;
let starting: Promise<TemoinInstance> | null = null;

async function start(input: unknown): Promise<TemoinInstance> {
  const text = JSON.stringify(input);
  const validated = readValidatedConfig(text);
  // A config this device has not validated yet is most often a first visit's: the validator with
  // the UI and the catalog entries load side by side, and the banner shows before they arrive.
  const validator = validated ? undefined : loadUi();
  const first = validator && firstVisit(input, load);
  try {
    const { config, launcher } = validated ?? (await (await validator!).validateConfig(input, text));
    instance = createInstance(config, {
      // The UI is handed the banner, its words, its French texts, the stylesheet and the DOM helpers,
      // which this file holds for a first visit, and the banner it showed, if it did.
      loadUi: () => loadUi().then((module) => module.ui(BANNER_PARTS, first)),
      launcher: showLauncher(launcher),
      // Consent Mode, the consent endpoint: files of their own, loaded only for a config that uses them,
      // side by side and before any gated script runs.
      integrations: await Promise.all(integrationFiles(config).map((name) => load<{ integration: Integration }>(name).then((module) => module.integration))),
      loadWithdrawal: () => load('temoin-withdrawal.mjs'),
      // An empty nonce is none: the gate gives released scripts a nonce only when there is one.
      nonce: script?.nonce,
      onDestroy: () => {
        first?.host.remove();
        instance = starting = null;
      },
    });
    // The instance shows its banner, which takes the first one's place, only where it asks for a choice.
    if (!asksForChoice(config, instance.getConsent())) first?.host.remove();
    return instance;
  } catch (error) {
    // An invalid config, a file that did not load: the banner goes, and nothing gated runs.
    first?.host.remove();
    throw error;
  }
}

/** Starts temoin. The validator may have to load first, so this returns a promise of the instance. */
function init(input: unknown): Promise<TemoinInstance> {
  if (starting) {
    warnAlreadyRunning();
    return starting;
  }
  starting = start(input);
  starting.catch(() => (starting = null));
  return starting;
}

if (window.Temoin) {
  console.warn('temoin: temoin.js is included twice: this copy does nothing.');
} else {
  window.Temoin = {
    init,
    get: () => instance,
    async renderCookieTable(element) {
      if (!starting) throw new Error('temoin is not started');
      return (await starting).renderCookieTable(element);
    },
    version: __TEMOIN_VERSION__,
  };
  const source = script?.dataset.config;
  // Every failure on the way is an Error (config source, validation, a chunk that did not load): its message says what to fix.
  if (source) readConfigSource(source).then(init).catch((error: Error) => console.error(error.message));
}

declare global {
  interface Window {
    Temoin: {
      init(config: unknown): Promise<TemoinInstance>;
      get(): TemoinInstance | null;
      /** Fills `element` with the running config's cookie table, or that of the config its `data-temoin-cookie-table` names (docs/contract.md §9). */
      renderCookieTable(element: Element): Promise<void>;
      version: string;
    };
  }
}
