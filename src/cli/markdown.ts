/** Markdown for tables: the cookie tables of `temoin cookies` and the maintainer scripts' reports. */

/**
 * Markdown text inside a table cell: what could open markup there (emphasis, code, links, HTML,
 * entities, a cell break) is backslash-escaped (CommonMark §2.4); line breaks would end the row.
 */
export const mdText = (text: string) => text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);

/** A code span long enough to hold any backticks of the name (CommonMark §6.1); `|` still ends a GFM cell. */
export function mdCode(text: string): string {
  const fence = '`'.repeat(Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length)) + 1);
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  return `${fence}${padded.replace(/\|/g, '\\|')}${fence}`;
}
