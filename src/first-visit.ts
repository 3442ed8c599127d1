import { BUILT_IN_CATEGORIES } from './config/categories';
import { catalogEntryModule } from './config/runtime-entry';
import type { Locale, ResolvedConfig } from './config/types';
import { asksForChoice } from './decisions';
import { readCookies } from './document-cookies';
import { el, whenBodyExists } from './dom';
import type { TemoinInstance } from './instance';
import { fr } from './locales/fr';
import { createShadowHost } from './shadow';
import { createBanner } from './ui/banner';
import type { FirstBanner } from './ui/mount';
import { WRAPPER } from './ui/names';
import { CSS } from './ui/styles';
import { wordsOf } from './ui/texts';

/**
 * The catalog's `functional` entries, from the build: a pattern matching each by its shortest
 * beginning no other entry has (scripts/build/define.ts). All the banner needs to know of an entry
 * before it loads, every other entry being in `audience`. An id the catalog does not have may go
 * either way: the validator rejects it.
 */
declare const __TEMOIN_FUNCTIONAL__: RegExp;
const categoryOf = (id: string): string => (__TEMOIN_FUNCTIONAL__.test(id) ? 'functional' : 'audience');

/**
 * The config as the banner reads it, before validation: the defaults it reads (docs/contract.md §3)
 * and the category of each catalog id it names. Wrong for an invalid config, which never gets
 * further than validation; for a valid one, what validation resolves (the UI checks it, ui/mount.ts).
 */
function unvalidated(input: Record<string, any>): ResolvedConfig {
  return {
    ...input,
    // A config's own categories have no `required`: none is (the validator adds `required: false`).
    categories: [...BUILT_IN_CATEGORIES, ...(input.categories ?? [])],
    trackers: input.trackers.map((ref: string | { id: string }) => (typeof ref === 'string' ? { id: ref, category: categoryOf(ref) } : { category: categoryOf(ref.id), ...ref })),
  } as ResolvedConfig;
}

/**
 * A first visit, the config not validated on this device yet: fetches the catalog entries the
 * config names beside the UI (which the caller starts), in its language, instead of after it;
 * and, when no choice is stored, shows the banner at once, from this file, while the validator
 * and the entries load. Nothing is gated differently: trackers stay blocked until the validated
 * config starts the instance, whose UI takes this banner's place and records a click made
 * meanwhile (ui/mount.ts). Returns the banner shown. In French only: this file holds the texts of
 * one language, the default one; an English config's banner comes with the UI, once validated.
 */
export function firstVisit(input: unknown, load: (file: string) => Promise<unknown>): FirstBanner | undefined {
  try {
    const config = input as Record<string, any>;
    const locale: Locale = config.tenant?.locale === 'en' ? 'en' : 'fr';
    const shown = unvalidated(config);
    // A misspelt id's file is not found (the browser says so), and the validator says which id it is:
    // knowing the catalog's ids here would cost every returning visitor 0.2 kB.
    for (const ref of config.trackers) {
      if (typeof ref === 'string') load(`${catalogEntryModule(ref, locale)}.mjs`).catch(() => {});
    }
    // No banner where the instance will show none: a stored choice (even one it finds invalid), a
    // refusal by Global Privacy Control, no tracker needing consent (`functional` needs none).
    if (
      locale === 'en' ||
      (config.cookieName ?? 'temoin') in readCookies() ||
      (config.globalPrivacyControl !== false && (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl) ||
      !asksForChoice(shown, null)
    ) {
      return undefined;
    }
    const { host, root } = createShadowHost('banner', CSS);
    const first = { host } as FirstBanner;
    const choose = (choice: FirstBanner['choice']) => () => {
      first.choice = choice;
      // Accepting or refusing closes the banner now; the instance records it once the config is valid.
      if (choice !== 'showPreferences') host.remove();
    };
    first.banner = createBanner({ config: shown, acceptAll: choose('acceptAll'), rejectAll: choose('rejectAll') } as TemoinInstance, wordsOf(shown, fr, 'fr'), choose('showPreferences'), () => {});
    host.lang = 'fr';
    whenBodyExists(() => document.body.prepend(host));
    root.append(el('div', { class: WRAPPER, lang: 'fr' }, first.banner));
    return first;
  } catch {
    // A config of an unexpected shape: the validator will say what is wrong with it.
    return undefined;
  }
}
