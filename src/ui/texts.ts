import { isBuiltIn } from '../config/categories';
import { isHttpUrl } from '../config/http-url';
import type { Category, LocalizedText, ResolvedConfig } from '../config/types';
import { en } from '../locales/en';
import { type BannerTexts, fr } from '../locales/fr';
import type { PreferencesTexts } from '../locales/fr-preferences';

export type TextKey = keyof BannerTexts | keyof PreferencesTexts;

/**
 * The widget's words in the config's locale (or `locale`), the tenant's own texts first. Those of
 * `words()` hold the banner's built-in texts; those of `preferencesWords()` (preferences-texts.ts)
 * all of them.
 */
export interface Words {
  /** The text of `key`, its `{placeholders}` filled from `vars`. */
  t(key: TextKey, vars?: Record<string, string | number>): string;
  /** A catalog or config text in the locale, else in the other one. */
  pick(text?: LocalizedText): string;
  categoryName(category: Category): string;
}

/**
 * The words of `base`, built-in texts in `locale`. The script tag's `temoin.js` holds the French
 * ones alone and builds its first banner with this (src/first-visit.ts); the UI it loads brings the
 * English ones (ui/mount.ts).
 */
export function wordsOf(config: ResolvedConfig, base: Partial<Record<TextKey, string>>, locale = config.tenant.locale): Words {
  // `texts` is absent from the first banner's unvalidated config (src/first-visit.ts).
  const own = config.texts?.[locale];
  const common = { tenant: config.tenant.name, months: config.tenant.consentMaxAgeMonths };
  const t: Words['t'] = (key, vars) => {
    const all: Record<string, string | number> = { ...common, ...vars };
    return (own?.[key] ?? base[key]!).replace(/\{(\w+)\}/g, (whole, name: string) => (name in all ? String(all[name]) : whole));
  };
  const pick: Words['pick'] = (text = {}) => text[locale] ?? text.fr ?? text.en ?? '';
  return { t, pick, categoryName: (c) => (isBuiltIn(c) ? t(c.id as TextKey) : pick(c.name) || c.id) };
}

/** The banner's words in the config's locale (or `locale`); `more`, the built-in texts of another layer in the same locale. */
export const words = (config: ResolvedConfig, locale = config.tenant.locale, more?: PreferencesTexts): Words =>
  wordsOf(config, { ...(locale === 'en' ? en : fr), ...more }, locale);

/** Only `http:` and `https:` links reach the page, whatever a config holds. */
export function httpUrl(value: string | undefined): string | undefined {
  return value && isHttpUrl(value) ? value : undefined;
}

/**
 * The banner's paragraph: what the tenant uses trackers for (the categories needing consent that
 * have trackers), how to change one's mind, and that continuing without accepting refuses. The
 * banner shows it, and `temoin proof` records it.
 */
export function bannerText(config: ResolvedConfig, w: Words): string {
  const purposes = config.categories
    .filter((c) => !c.required && config.trackers.some((t) => t.category === c.id))
    .map(w.categoryName)
    .join(', ');
  return `${w.t('bannerText', { purposes, manage: w.t('manageCookies') })} ${w.t('continueNote')}`;
}
