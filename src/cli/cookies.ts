import type { Locale, ResolvedConfig } from '../config/types';
import { COLUMNS, type CookieGroup, cookieGroups } from '../ui/cookie-rows';
import { preferencesWords } from '../ui/preferences-texts';
import { EXIT, type Io } from './io';
import { loadConfig } from './validate';

export const FORMATS = ['md', 'html', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * Markdown text inside a table cell: what could open markup there (emphasis, code, links, HTML,
 * entities, a cell break) is backslash-escaped (CommonMark §2.4); line breaks would end the row.
 */
const mdText = (text: string) => text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);

/** A code span long enough to hold any backticks of the name (CommonMark §6.1); `|` still ends a GFM cell. */
function mdCode(text: string): string {
  const fence = '`'.repeat(Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length)) + 1);
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  return `${fence}${padded.replace(/\|/g, '\\|')}${fence}`;
}

export function toMarkdown(groups: CookieGroup[], head: string[]): string {
  return groups
    .map((group) => {
      const rows = group.cookies.map((row) =>
        COLUMNS.map(({ cell, code }) => (code ? mdCode(cell(row)) : mdText(cell(row)))),
      );
      return [
        `### ${mdText(group.name)}`,
        '',
        `| ${head.map(mdText).join(' | ')} |`,
        `|${head.map(() => ' --- |').join('')}`,
        ...rows.map((row) => `| ${row.join(' | ')} |`),
      ].join('\n');
    })
    .join('\n\n');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const html = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/** An HTML fragment with the widget's markup (one captioned table per category), every text escaped. */
export function toHtml(groups: CookieGroup[], head: string[], locale: Locale): string {
  const tables = groups.map((group) =>
    [
      '  <table>',
      `    <caption>${html(group.name)}</caption>`,
      `    <thead><tr>${head.map((h) => `<th scope="col">${html(h)}</th>`).join('')}</tr></thead>`,
      '    <tbody>',
      ...group.cookies.map(
        (row) => `      <tr>${COLUMNS.map(({ cell, code }) => `<td>${code ? `<code>${html(cell(row))}</code>` : html(cell(row))}</td>`).join('')}</tr>`,
      ),
      '    </tbody>',
      '  </table>',
    ].join('\n'),
  );
  return [`<div class="temoin-cookie-table" lang="${locale}">`, ...tables, '</div>'].join('\n');
}

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
