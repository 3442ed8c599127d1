import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lifetimeDays } from '../src/config/rules';
import type { Tracker, TrackerCookie } from '../src/config/types';
import { mdCode as code, mdText as cell } from '../src/cli/markdown';
import { catalogEntries } from './catalog-entries';

/**
 * The catalog against the Open Cookie Database (scripts/open-cookie-database/, Apache-2.0): for
 * each catalog cookie the database knows, where the two disagree on its lifetime or its vendor;
 * for each catalog entry, the database's cookies of that vendor that the entry does not declare.
 * Disagreements are for a person to review, in `catalog-cross-check.json` beside this file; the
 * vendor's own page wins over the database. `npm run catalog:cross-check` writes
 * docs/catalog-cross-check.md from whatever catalog/*.json holds.
 */

/** One row of the database. */
export interface DatabaseCookie {
  platform: string;
  name: string;
  /** The name is a prefix (the database's "Wildcard match" column). */
  wildcard: boolean;
  retention: string;
  controller: string;
}

/** What a person decided, in `catalog-cross-check.json`. */
export interface Review {
  /** The database's platforms of a catalog entry's vendor, where the names alone do not tell. */
  platforms?: Record<string, string[]>;
  /**
   * Why a disagreement is left as is: `"<id> <cookie>"` for a cookie of the catalog,
   * `"<id> undeclared <name>"` for one database cookie the entry leaves out, `"<id> undeclared"`
   * for all it leaves out.
   */
  notes?: Record<string, string>;
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/** The database's rows, from its CSV's text, by the columns its header names. */
export function databaseCookies(csv: string): DatabaseCookie[] {
  const [header, ...rows] = parseCsv(csv);
  const column = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`the database's CSV has no "${name}" column`);
    return i;
  };
  const [platform, name, retention, controller, wildcard] = ['Platform', 'Cookie / Data Key name', 'Retention period', 'Data Controller', 'Wildcard match'].map(column);
  return rows
    .filter((row) => row[name]?.trim())
    .map((row) => ({
      platform: row[platform].trim(),
      name: row[name].trim(),
      wildcard: row[wildcard]?.trim() === '1',
      retention: row[retention]?.trim() ?? '',
      controller: row[controller]?.trim() ?? '',
    }));
}

const UNIT_DAYS: [RegExp, number][] = [
  [/^(s|sec|secs|seconds?)$/, 1 / 86400],
  [/^(min|mins|minutes?)$/, 1 / 1440],
  [/^hours?$/, 1 / 24],
  [/^days?$/, 1],
  [/^weeks?$/, 7],
  [/^months?$/, 365.2425 / 12],
  [/^years?$/, 365.2425],
];

/**
 * A retention period as the database words it, in days: `"session"` for one that ends with the
 * browsing session, `undefined` when it gives none to compare ("Unknown", "persistent", a date).
 * Where it gives a range ("30 seconds till 1 year") the first figure counts.
 */
export function retentionDays(text: string): number | 'session' | undefined {
  const words = text.toLowerCase();
  if (/^(end of )?(session|seesion)/.test(words)) return 'session';
  const match = words.match(/(\d+)\s*([a-z]+)/);
  const unit = match && UNIT_DAYS.find(([pattern]) => pattern.test(match[2]));
  return unit ? Number(match[1]) * unit[1] : undefined;
}

/** Two lifetimes agree when both end with the session, or differ by at most 3 % (a year is 12 months or 365 days). */
export function sameLifetime(declared: string, database: number | 'session'): boolean {
  if (declared === 'session' || database === 'session') return declared === 'session' && database === 'session';
  const days = lifetimeDays(declared);
  return Math.abs(days - database) <= 0.03 * Math.max(days, database);
}

/** A catalog name (a final `*` for a prefix) and a database row that can name one cookie. */
export function sameName(declared: string, row: DatabaseCookie): boolean {
  const prefix = declared.endsWith('*') ? declared.slice(0, -1) : undefined;
  const rowPrefix = row.wildcard ? row.name.replace(/\*$/, '') : undefined;
  if (prefix !== undefined && rowPrefix !== undefined) return prefix.startsWith(rowPrefix) || rowPrefix.startsWith(prefix);
  if (prefix !== undefined) return row.name.startsWith(prefix);
  if (rowPrefix !== undefined) return declared.startsWith(rowPrefix);
  return declared === row.name;
}

/** Words that name no vendor: legal forms, countries, what a product does. */
const GENERIC = new Set(
  'the and for ltd limited inc llc sas gmbh corp corporation company platforms technologies group ireland europe international ' +
    'analytics tag pixel ads advertising manager chat maps messenger suite insight smarttag player video widget consent'.split(' '),
);
const words = (text: string) => (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((word) => word.length > 2 && !GENERIC.has(word));
const normal = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Whether a database platform is a catalog entry's vendor: the review says so; else the platform
 * spells the entry's name or id, or starts with a word of the entry's name that no other entry's
 * name holds ("Heap Analytics" for heap, "Bing / Microsoft" for an entry naming Bing).
 */
export function platformMatcher(catalog: Tracker[], review: Review): (entry: Tracker, platform: string) => boolean {
  const counts = new Map<string, number>();
  for (const entry of catalog) for (const word of new Set(words(entry.name))) counts.set(word, (counts.get(word) ?? 0) + 1);
  return (entry, platform) => {
    const listed = review.platforms?.[entry.id];
    if (listed) return listed.includes(platform);
    const spelled = [entry.name, entry.name.replace(/\(.*?\)/g, ''), entry.id].map(normal);
    const first = words(platform)[0];
    return spelled.includes(normal(platform)) || (first !== undefined && counts.get(first) === 1 && words(entry.name).includes(first));
  };
}

/** Whether a database row names the entry's vendor: its platform, or a word of its platform or controller in the entry's name or provider. */
function sameVendor(entry: Tracker, row: DatabaseCookie, isPlatform: boolean): boolean {
  const vendor = new Set([...words(entry.name), ...words(entry.provider)]);
  return isPlatform || [...words(row.platform), ...words(row.controller)].some((word) => vendor.has(word));
}

export interface Disagreement {
  id: string;
  cookie: TrackerCookie;
  row: DatabaseCookie;
  kind: 'lifetime' | 'vendor';
  note?: string;
}

export interface Undeclared {
  id: string;
  rows: DatabaseCookie[];
  notes: Record<string, string>;
  note?: string;
}

export interface CrossCheck {
  /** Catalog cookies the database knows, by entry: `[id, cookie name, agrees]`. */
  known: { id: string; cookie: string; agrees: boolean }[];
  disagreements: Disagreement[];
  undeclared: Undeclared[];
  entries: number;
  cookies: number;
}

export function crossCheck(catalog: Tracker[], database: DatabaseCookie[], review: Review = {}): CrossCheck {
  const isPlatform = platformMatcher(catalog, review);
  const notes = review.notes ?? {};
  const known: CrossCheck['known'] = [];
  const disagreements: Disagreement[] = [];
  const undeclared: Undeclared[] = [];
  for (const entry of catalog) {
    for (const cookie of entry.cookies) {
      const rows = database.filter((row) => sameName(cookie.name, row));
      if (!rows.length) continue;
      const found = rows.flatMap((row): Disagreement[] => {
        const note = notes[`${entry.id} ${cookie.name}`];
        if (!sameVendor(entry, row, isPlatform(entry, row.platform))) return [{ id: entry.id, cookie, row, kind: 'vendor', note }];
        const days = retentionDays(row.retention);
        return days === undefined || sameLifetime(cookie.lifetime, days) ? [] : [{ id: entry.id, cookie, row, kind: 'lifetime', note }];
      });
      // A name the database gives only to other vendors is another cookie of the same name.
      known.push({ id: entry.id, cookie: cookie.name, agrees: !found.length });
      disagreements.push(...found);
    }
    const left = database.filter((row) => isPlatform(entry, row.platform) && !entry.cookies.some((cookie) => sameName(cookie.name, row)));
    if (left.length) {
      const own = Object.fromEntries(left.flatMap((row) => (notes[`${entry.id} undeclared ${row.name}`] ? [[row.name, notes[`${entry.id} undeclared ${row.name}`]]] : [])));
      undeclared.push({ id: entry.id, rows: left, notes: own, note: notes[`${entry.id} undeclared`] });
    }
  }
  return { known, disagreements, undeclared, entries: catalog.length, cookies: catalog.reduce((n, entry) => n + entry.cookies.length, 0) };
}

const NOT_REVIEWED = '*not reviewed yet*';

export function reportMarkdown(check: CrossCheck, source: string): string {
  const lifetime = check.disagreements.filter((d) => d.kind === 'lifetime');
  const vendor = check.disagreements.filter((d) => d.kind === 'vendor');
  const unreviewed = check.disagreements.filter((d) => !d.note).length;
  const rowName = (row: DatabaseCookie) => code(row.wildcard ? `${row.name}*` : row.name);
  const lines = [
    '# The catalog against the Open Cookie Database',
    '',
    `Generated by \`npm run catalog:cross-check\` (scripts/catalog-cross-check.ts) from \`catalog/*.json\` and ${source}; do not edit by hand.`,
    'A disagreement is for a person to review, never a test failure: the reason for leaving one as is goes in',
    '`scripts/catalog-cross-check.json` (`notes`), and the vendor’s own page wins over the database (docs/contract.md §2).',
    '',
    `- ${check.entries} entries, ${check.cookies} cookies; the database knows ${check.known.length} of them, and agrees on ${check.known.filter((k) => k.agrees).length}.`,
    `- ${lifetime.length} lifetime and ${vendor.length} vendor disagreements, ${unreviewed} not reviewed yet.`,
    `- ${check.undeclared.reduce((n, u) => n + u.rows.length, 0)} database cookies of a catalog vendor that its entry does not declare, for ${check.undeclared.length} entries.`,
    '',
    '## Lifetimes',
    '',
    'The same cookie of the same vendor, with lifetimes more than 3 % apart.',
    '',
    '| Entry | Cookie | Catalog (basis) | Database | Why it stays |',
    '| --- | --- | --- | --- | --- |',
    ...lifetime.map(
      (d) => `| ${d.id} | ${code(d.cookie.name)} | ${d.cookie.lifetime} (${d.cookie.basis ?? 'no basis'}) | ${cell(d.row.retention)} (${rowName(d.row)}) | ${d.note ? cell(d.note) : NOT_REVIEWED} |`,
    ),
    '',
    '## Vendors',
    '',
    'A catalog cookie’s name that the database gives to another vendor.',
    '',
    '| Entry | Cookie | Database’s vendor | Database’s lifetime | Why it stays |',
    '| --- | --- | --- | --- | --- |',
    ...vendor.map(
      (d) => `| ${d.id} | ${code(d.cookie.name)} | ${cell(d.row.platform)} (${cell(d.row.controller)}), ${rowName(d.row)} | ${cell(d.row.retention)} | ${d.note ? cell(d.note) : NOT_REVIEWED} |`,
    ),
    '',
    '## Cookies the entries do not declare',
    '',
    'The database’s cookies of an entry’s vendor that no cookie of the entry names.',
    '',
    ...check.undeclared.flatMap((u) => [
      `### ${u.id}`,
      '',
      ...(u.note ? [cell(u.note), ''] : []),
      '| Database cookie | Platform | Lifetime | Why it stays |',
      '| --- | --- | --- | --- |',
      ...u.rows.map((row) => `| ${rowName(row)} | ${cell(row.platform)} | ${cell(row.retention)} | ${u.notes[row.name] ? cell(u.notes[row.name]) : u.note ? 'see above' : NOT_REVIEWED} |`),
      '',
    ]),
    '## Cookies the database knows',
    '',
    '| Entry | Agree | Disagree |',
    '| --- | --- | --- |',
    ...[...new Set(check.known.map((k) => k.id))].map((id) => {
      const of = check.known.filter((k) => k.id === id);
      const list = (agrees: boolean) => of.filter((k) => k.agrees === agrees).map((k) => code(k.cookie)).join(', ');
      return `| ${id} | ${list(true)} | ${list(false)} |`;
    }),
    '',
  ];
  return lines.join('\n');
}

const DATABASE = 'scripts/open-cookie-database/open-cookie-database.csv';
const REVIEW = 'scripts/catalog-cross-check.json';
const REPORT = 'docs/catalog-cross-check.md';

/** `npm run catalog:cross-check`: writes the report; exit 0, or 2 when a file cannot be read. */
export function main(root: string, log: (line: string) => void): number {
  let csv: string;
  let review: Review;
  try {
    csv = readFileSync(join(root, DATABASE), 'utf8');
    review = JSON.parse(readFileSync(join(root, REVIEW), 'utf8')) as Review;
  } catch (error) {
    log(`catalog-cross-check: ${(error as Error).message}`);
    return 2;
  }
  const check = crossCheck(catalogEntries(root), databaseCookies(csv), review);
  writeFileSync(join(root, REPORT), reportMarkdown(check, `the Open Cookie Database (${DATABASE}, Apache-2.0, see its NOTICE)`));
  const unreviewed = check.disagreements.filter((d) => !d.note).length;
  log(`${REPORT}: ${check.known.length} of ${check.cookies} catalog cookies known to the database, ${check.disagreements.length} disagreements (${unreviewed} not reviewed yet).`);
  return 0;
}
