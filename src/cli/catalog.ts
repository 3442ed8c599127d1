import { catalog } from '../config/catalog';
import type { Tracker } from '../config/types';
import { EXIT, type Io } from './io';
import { howWellKnown, type Known } from './known';
import { plural } from './validate';

export interface CatalogOptions {
  /** A word to find, case-insensitive, in the id, name, provider or description. */
  search?: string;
  /** A category id; `advertising` also finds the trackers marked for advertising. */
  category?: string;
  /** Print the entries themselves, as a JSON array. */
  json?: boolean;
}

/** The catalog's entries, by id, that match every option given. */
export function findEntries({ search, category }: CatalogOptions): Tracker[] {
  const word = search?.toLowerCase();
  return Object.values(catalog)
    .filter((t) => category === undefined || t.category === category || (category === 'advertising' && t.advertising === true))
    .filter(
      (t) =>
        word === undefined ||
        [t.id, t.name, t.provider, t.description.fr, t.description.en].some((text) => text?.toLowerCase().includes(word)),
    )
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The category column: `audience`, or `audience, advertising` for a tracker marked for advertising. */
const categoryOf = (t: Tracker) => (t.advertising ? `${t.category}, advertising` : t.category);

/** What the summary line says of each level of `howWellKnown`. */
const KNOWN_WORDS: Record<Known, string> = { vendor: 'from the vendor', partial: 'partly', other: 'from other pages only' };

/**
 * `temoin catalog [--search WORD] [--category ID] [--json]`: one entry a line (id, name, provider,
 * category, cookie count, how well known) in aligned columns, then how many entries are known how,
 * or the entries as a JSON array, each cookie with its `basis`. No match is no error: an empty
 * list, exit 0.
 */
export function catalogCommand(options: CatalogOptions, io: Io): number {
  const entries = findEntries(options);
  if (options.json) {
    io.out(JSON.stringify(entries, null, 2));
    return EXIT.ok;
  }
  const rows = [
    ['id', 'name', 'provider', 'category', 'cookies', 'known'],
    ...entries.map((t) => [t.id, t.name, t.provider, categoryOf(t), String(t.cookies.length), howWellKnown(t)]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const last = rows[0].length - 1;
  for (const row of rows) io.out(row.map((cell, column) => (column === last ? cell : cell.padEnd(widths[column]))).join('  '));
  const total = Object.keys(catalog).length;
  const counted = entries.length === total ? plural(total, 'entry', 'entries') : `${plural(entries.length, 'entry', 'entries')} of ${total}`;
  const levels = (Object.keys(KNOWN_WORDS) as Known[])
    .map((level) => [entries.filter((t) => howWellKnown(t) === level).length, KNOWN_WORDS[level]] as const)
    .filter(([count]) => count > 0)
    .map(([count, words]) => `${count} ${words}`);
  io.out(levels.length ? `${counted}: ${levels.join(', ')}.` : `${counted}.`);
  return EXIT.ok;
}
