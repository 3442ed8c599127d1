import { rememberValidatedConfig, type ValidatedConfig } from './config/cache';
import { resolveLoadingEntries } from './config/load';
import type { UiModule } from './instance';
import { launcherLook } from './launcher-look';
import { importModule } from './module-import';
import { renderCookieTable } from './ui/lazy';
import { type BannerParts, type FirstBanner, type MountTexts, mountUi } from './ui/mount';

/**
 * The UI, with the banner, its words, its French texts, the stylesheet and the DOM helpers that
 * temoin.js hands over (ui/banner-parts.ts: it holds them for a first visit), and the first banner
 * it showed, if it did. A cookie table naming another config (docs/contract.md §9) has it validated
 * here, by the same validator.
 */
export const ui = (parts: BannerParts, first?: FirstBanner): UiModule => ({
  // For an English config, mounted once its texts are in: `temoin-en.mjs` beside this file
  // (scripts/build/chunks.ts), which a French page never loads, `temoin.js` handing over the French
  // ones. The instance's UI waits for the promise (`withUi` in src/instance.ts); a failure to load
  // them is the UI's, reported and tried again, under a new URL, at the next need (module-import.ts).
  // They are asked for here, not by the validator: it ends as this file arrives, temoin.js having
  // requested the catalog entries beside it.
  mountUi: async (instance) =>
    mountUi(
      instance,
      parts,
      first,
      instance.config.tenant.locale === 'en' ? (await importModule<{ default: MountTexts }>('temoin-en.mjs')).default : undefined,
    ),
  renderCookieTable,
  resolveTableConfig: resolveLoadingEntries,
});

/*
 * `temoin-ui.mjs`, what the script tag loads beside itself when the core is not enough: the UI
 * and the validator. A first visit needs both before its banner; in one file they come in one
 * request, and the core needs no list of chunks to fetch side by side. The validator fetches the
 * catalog entries a config names, each a file of its own.
 */

/**
 * Validates the config of the page (`text`, its JSON) with the catalog entries it names, and
 * remembers it on this device, so that the next page view skips this.
 */
export async function validateConfig(input: unknown, text: string): Promise<ValidatedConfig> {
  const config = await resolveLoadingEntries(input);
  const validated = { config, launcher: launcherLook(config) };
  rememberValidatedConfig(text, validated);
  return validated;
}
