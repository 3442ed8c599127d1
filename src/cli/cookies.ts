import type { Category, Locale, LocalizedText, ResolvedConfig } from '../config/types';
import { en } from '../locales/en';
import { fr, type Texts } from '../locales/fr';
import { lifetimeInWords } from '../locales/lifetime';
import { EXIT, type Io } from './io';
import { loadConfig } from './validate';

export const FORMATS = ['md', 'html', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** One declared cookie, as a privacy policy lists it (SPEC §9). */
export interface CookieRow {
  /** Catalog or config id of the tracker; `null` for temoin's own consent cookie. */
  trackerId: string | null;
  tracker: string;
  provider: string;
  /** Category id. */
  category: string;
  cookie: string;
  purpose: string;
  /** As declared: `"13mo"`, `"session"`. */
  lifetime: string;
  /** In words, in the table's locale: "13 mois". */
  lifetimeText: string;
}

export interface CookieGroup {
  category: string;
  name: string;
  cookies: CookieRow[];
}

const BUILT_IN: Record<string, keyof Texts> = { functional: 'functional', audience: 'audience' };

/** The widget's words in `locale`, the tenant's own texts first, so the table reads as the widget's does. */
const wordsOf = (config: ResolvedConfig, locale: Locale): Texts => ({ ...(locale === 'en' ? en : fr), ...config.texts[locale] });

/**
 * The cookie table of a privacy policy, grouped by category in the config's order, as the widget
 * renders it: temoin's own consent cookie first among the necessary ones (a policy must declare it
 * too), then each tracker's cookies. Empty categories are left out.
 */
export function cookieTable(config: ResolvedConfig, locale: Locale = config.tenant.locale): CookieGroup[] {
  const texts = wordsOf(config, locale);
  const pick = (text: LocalizedText | undefined) => text?.[locale] ?? text?.fr ?? text?.en ?? '';
  const name = (category: Category) => (BUILT_IN[category.id] ? texts[BUILT_IN[category.id]] : pick(category.name) || category.id);
  const { tenant } = config;
  return config.categories
    .map((category) => {
      const cookies: CookieRow[] = config.trackers
        .filter((tracker) => tracker.category === category.id)
        .flatMap((tracker) =>
          tracker.cookies.map((cookie) => ({
            trackerId: tracker.id,
            tracker: tracker.name,
            provider: tracker.provider,
            category: category.id,
            cookie: cookie.name,
            purpose: pick(cookie.purpose),
            lifetime: cookie.lifetime,
            lifetimeText: lifetimeInWords(cookie.lifetime, locale),
          })),
        );
      if (category.required) {
        const lifetime = `${tenant.consentMaxAgeMonths}mo`;
        cookies.unshift({
          trackerId: null,
          tracker: tenant.name,
          provider: tenant.name,
          category: category.id,
          cookie: config.cookieName,
          purpose: texts.consentCookie,
          lifetime,
          lifetimeText: lifetimeInWords(lifetime, locale),
        });
      }
      return { category: category.id, name: name(category), cookies };
    })
    .filter((group) => group.cookies.length > 0);
}

function headers(config: ResolvedConfig, locale: Locale): string[] {
  const texts = wordsOf(config, locale);
  return [texts.tracker, texts.provider, texts.cookie, texts.purpose, texts.lifetime];
}

const cells = (row: CookieRow) => [row.tracker, row.provider, row.cookie, row.purpose, row.lifetimeText];

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
        cells(row).map((cell, i) => (i === 2 ? mdCode(cell) : mdText(cell))),
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
        (row) => `      <tr>${cells(row).map((cell, i) => `<td>${i === 2 ? `<code>${html(cell)}</code>` : html(cell)}</td>`).join('')}</tr>`,
      ),
      '    </tbody>',
      '  </table>',
    ].join('\n'),
  );
  return [`<div class="temoin-cookie-table" lang="${locale}">`, ...tables, '</div>'].join('\n');
}

export function toJson(config: ResolvedConfig, groups: CookieGroup[], locale: Locale): string {
  return JSON.stringify({ tenant: config.tenant.id, locale, categories: groups }, null, 2);
}

export interface CookiesOptions {
  format?: Format;
  locale?: Locale;
}

/** `temoin cookies <config.json> [--format md|html|json] [--locale fr|en]`: the table on stdout. */
export function cookiesCommand(path: string, { format = 'md', locale }: CookiesOptions, io: Io): number {
  const config = loadConfig(path, io);
  if (typeof config === 'number') return config;
  const lang = locale ?? config.tenant.locale;
  const groups = cookieTable(config, lang);
  const head = headers(config, lang);
  io.out(format === 'json' ? toJson(config, groups, lang) : format === 'html' ? toHtml(groups, head, lang) : toMarkdown(groups, head));
  return EXIT.ok;
}
