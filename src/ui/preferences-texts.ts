import { isBuiltIn } from '../config/categories';
import type { Category, ResolvedConfig } from '../config/types';
import { enPreferences } from '../locales/en-preferences';
import { frPreferences } from '../locales/fr-preferences';
import { type TextKey, type Words, words } from './texts';

/** The words of the preferences dialog and the cookie table: the banner's and their own. */
export interface PreferencesWords extends Words {
  /** `"13mo"` → "13 mois" / "13 months"; `"2min30s"` → "2 minutes 30 secondes"; `"session"` → "session". */
  lifetime(value: string): string;
  categoryText(category: Category): string;
}

/**
 * All the widget's words in the config's locale (or `locale`), the tenant's own texts first. In the
 * preferences chunk with the dialog and the cookie table, their only users in a page.
 */
export function preferencesWords(config: ResolvedConfig, locale = config.tenant.locale): PreferencesWords {
  const w = words(config, locale, locale === 'en' ? enPreferences : frPreferences);
  return {
    ...w,
    // A validated lifetime (rules.LIFETIME): each count-and-unit pair in words, in order.
    lifetime: (value) =>
      value === 'session'
        ? w.t('session')
        : value
            .replace(/(\d+)([a-z]+)/g, (_, count: string, unit: TextKey) => {
              const [one, many = one] = w.t(unit).split('|');
              return ` ${count} ${+count < 2 ? one : many}`;
            })
            .trim(),
    categoryText: (c) => (isBuiltIn(c) ? w.t(`${c.id}Text` as TextKey) : w.pick(c.description)),
  };
}
