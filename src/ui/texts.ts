import { isHttpUrl } from '../config/rules';
import type { Category, LocalizedText, ResolvedConfig } from '../config/types';
import { en } from '../locales/en';
import { fr, type Texts } from '../locales/fr';

export type TextKey = keyof Texts;

/** The widget's words in the config's locale (or `locale`), the tenant's own texts first. */
export interface Words {
  /** The text of `key`, its `{placeholders}` filled from `vars`. */
  t(key: TextKey, vars?: Record<string, string | number>): string;
  /** A catalog or config text in the locale, else in the other one. */
  pick(text?: LocalizedText): string;
  /** `"13mo"` → "13 mois" / "13 months"; `"2min30s"` → "2 minutes 30 secondes"; `"session"` → "session". */
  lifetime(value: string): string;
  categoryName(category: Category): string;
  categoryText(category: Category): string;
}

const BUILT_IN = ['functional', 'audience'];

export function words(config: ResolvedConfig, locale = config.tenant.locale): Words {
  const own = config.texts[locale] ?? {};
  const base = locale === 'en' ? en : fr;
  const common = { tenant: config.tenant.name, months: config.tenant.consentMaxAgeMonths };
  const t: Words['t'] = (key, vars) => {
    const all: Record<string, string | number> = { ...common, ...vars };
    return (own[key] ?? base[key]).replace(/\{(\w+)\}/g, (whole, name: string) => (name in all ? String(all[name]) : whole));
  };
  const pick: Words['pick'] = (text = {}) => text[locale] ?? text.fr ?? text.en ?? '';
  return {
    t,
    pick,
    // A validated lifetime (rules.LIFETIME): each count-and-unit pair in words, in order.
    lifetime: (value) =>
      value === 'session'
        ? t('session')
        : value
            .replace(/(\d+)([a-z]+)/g, (_, count: string, unit: TextKey) => {
              const [one, many = one] = t(unit).split('|');
              return ` ${count} ${+count < 2 ? one : many}`;
            })
            .trim(),
    categoryName: (c) => (BUILT_IN.includes(c.id) ? t(c.id as TextKey) : pick(c.name) || c.id),
    categoryText: (c) => (BUILT_IN.includes(c.id) ? t(`${c.id}Text` as TextKey) : pick(c.description)),
  };
}

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
