import type { Locale } from '../config/types';
import { COLUMNS, type CookieGroup } from '../ui/cookie-rows';
import { mdCode, mdText } from './markdown';

/* The cookie table as `temoin cookies` prints it and the configurator exports it. */

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
/** `text` with the five characters HTML gives a meaning escaped. */
export const html = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

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
