import type { Locale, ResolvedConfig } from '../config/types';
import { COLUMNS, type CookieGroup, cookieGroups } from '../ui/cookie-rows';
import { preferencesWords } from '../ui/preferences-texts';
import { EXIT, type Io } from './io';
import { html, toHtml, toMarkdown } from './cookie-formats';
import { mdText } from './markdown';
import { loadConfig } from './validate';

export const FORMATS = ['md', 'html', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface CookieTable {
  /** The space the table is for: `--label`, else the tenant's name. */
  label: string;
  config: ResolvedConfig;
  locale: Locale;
  groups: CookieGroup[];
  head: string[];
}

const toJson = ({ label, config, locale, groups }: CookieTable) => ({ label, tenant: config.tenant.id, locale, categories: groups });

export interface CookiesOptions {
  format?: Format;
  locale?: Locale;
}

/**
 * `temoin cookies [--label NAME] <config.json>… [--format md|html|json] [--locale fr|en]`: the
 * table of each config on stdout, one after the other, each under its label when there are several
 * or a label is given (a site whose public and connected spaces declare different trackers or
 * lifetimes, docs/contract.md §9). Any invalid config: its issues, no table at all, exit 1.
 */
export function cookiesCommand(configs: { path: string; label?: string }[], { format = 'md', locale }: CookiesOptions, io: Io): number {
  const tables: CookieTable[] = [];
  let failed = false;
  for (const { path, label } of configs) {
    const config = loadConfig(path, io);
    if (typeof config === 'number') {
      failed = true;
      continue;
    }
    const lang = locale ?? config.tenant.locale;
    const w = preferencesWords(config, lang);
    tables.push({ label: label ?? config.tenant.name, config, locale: lang, groups: cookieGroups(config, lang), head: COLUMNS.map(({ key }) => w.t(key)) });
  }
  if (failed) return EXIT.failed;
  const titled = tables.length > 1 || configs.some((c) => c.label !== undefined);
  if (format === 'json') {
    io.out(JSON.stringify(titled ? tables.map(toJson) : toJson(tables[0]), null, 2));
  } else if (format === 'html') {
    io.out(tables.map((t) => (titled ? `<h2>${html(t.label)}</h2>\n` : '') + toHtml(t.groups, t.head, t.locale)).join('\n'));
  } else {
    io.out(tables.map((t) => (titled ? `## ${mdText(t.label)}\n\n` : '') + toMarkdown(t.groups, t.head)).join('\n\n'));
  }
  return EXIT.ok;
}
