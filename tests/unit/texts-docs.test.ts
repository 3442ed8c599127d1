// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse';
import { TEXT_KEYS, UNITS } from '../../src/config/rules';
import { en } from '../../src/locales/en';
import { enPreferences } from '../../src/locales/en-preferences';
import { fr } from '../../src/locales/fr';
import { frPreferences } from '../../src/locales/fr-preferences';

/** The widget's texts, as `src/locales/` holds them: the banner's, then the preferences'. */
const defaults: Record<'fr' | 'en', Record<string, string>> = { fr: { ...fr, ...frPreferences }, en: { ...en, ...enPreferences } };

/** The `{placeholders}` a text fills in. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

/** A text in a table cell of docs/texts.md: a code span, `|` escaped. */
const cell = (text: string) => `\`${text.replaceAll('|', '\\|')}\``;

/** The format column: a unit's `singular|plural`, or the placeholders its default fills in. */
function format(key: string): string {
  if ((UNITS as readonly string[]).includes(key)) return cell('singular|plural');
  const names = placeholders(defaults.fr[key]);
  return names.length ? names.map((name) => cell(`{${name}}`)).join(', ') : 'text';
}

/** The rows of the table in docs/texts.md, as cells: key, where it shows, fr default, en default, format. */
function documented(): string[][] {
  return readFileSync('docs/texts.md', 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((row) => row.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim()));
}

describe('the widget’s texts a config may replace (texts.fr, texts.en)', () => {
  it('are the keys of src/locales, in French and in English alike', () => {
    expect(Object.keys(defaults.fr).sort()).toEqual([...TEXT_KEYS].sort());
    expect(Object.keys(defaults.en).sort()).toEqual([...TEXT_KEYS].sort());
  });

  it('have defaults that fill in the same placeholders in both languages', () => {
    for (const key of TEXT_KEYS) expect(placeholders(defaults.en[key]).sort(), key).toEqual(placeholders(defaults.fr[key]).sort());
  });

  it('have defaults a config could hold: each passes the check of its key', () => {
    expect(() => parseConfig({ tenant: { id: 'a', name: 'A' }, trackers: [], texts: defaults })).not.toThrow();
  });

  it('are each listed in docs/texts.md, in order, with their French and English defaults and their format', () => {
    const rows = documented();
    expect(rows.map(([key, , frText, enText, form]) => [key, frText, enText, form])).toEqual(
      TEXT_KEYS.map((key) => [cell(key), cell(defaults.fr[key]), cell(defaults.en[key]), format(key)]),
    );
    for (const [key, shown] of rows) expect(shown, `where ${key} shows`).not.toBe('');
  });
});
