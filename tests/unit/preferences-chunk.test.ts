// @vitest-environment node
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RolldownOutput } from 'rolldown';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The script tag's preferences chunk (scripts/build/chunks.ts) is chosen by folder: every module of
 * `src/ui/preferences/`, and what only they use. Opening the preferences must stay one request.
 */
const FOLDER = resolve('src/ui/preferences');

let output: RolldownOutput['output'];

beforeAll(async () => {
  const built = await build({ mode: 'chunks', logLevel: 'silent', build: { write: false, manifest: false } });
  output = (Array.isArray(built) ? built[0] : built as RolldownOutput).output;
}, 60_000);

const chunk = (name: string) => {
  const found = output.find((file) => file.type === 'chunk' && file.name === name);
  if (found?.type !== 'chunk') throw new Error(`no chunk named ${name}`);
  return found;
};

describe('the preferences chunk of the script tag', () => {
  it('holds every module of src/ui/preferences/', () => {
    const files = readdirSync(FOLDER).map((file) => resolve(FOLDER, file));
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((file) => !chunk('preferences').moduleIds.includes(file))).toEqual([]);
  });

  it('holds Preact and what only the folder uses, and imports nothing but temoin-ui.mjs, loaded by then', () => {
    const { moduleIds, imports, dynamicImports } = chunk('preferences');
    expect(moduleIds.some((id) => /node_modules[\\/]preact[\\/]/.test(id))).toBe(true);
    expect(moduleIds).toContain(resolve('src/ui/preferences-texts.ts'));
    expect(imports).toEqual(['temoin-ui.mjs']);
    expect(dynamicImports).toEqual([]);
  });

  it('holds the texts, which temoin-ui.mjs does not carry: temoin.js hands it the banner, its words, its French texts and its CSS', () => {
    const ui = chunk('temoin-ui').moduleIds;
    for (const file of ['src/ui/texts.ts', 'src/ui/banner.ts', 'src/ui/styles.ts', 'src/locales/fr.ts']) {
      expect(ui, file).not.toContain(resolve(file));
    }
    expect(chunk('preferences').moduleIds).toContain(resolve('src/ui/texts.ts'));
  });

  it('holds the English texts, which temoin-ui.mjs does not carry: it loads a copy, temoin-en.mjs, for an English config', () => {
    for (const file of ['src/locales/en.ts', 'src/locales/en-ui.ts']) {
      expect(chunk('temoin-ui').moduleIds, file).not.toContain(resolve(file));
      expect(chunk('preferences').moduleIds, file).toContain(resolve(file));
    }
    expect(chunk('temoin-en').imports).toEqual([]);
  });
});
