// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOG_IDS } from '../../src/config/catalog-ids';
import { LOCALES } from '../../src/config/rules';
import { catalogEntryModule, runtimeEntry } from '../../src/config/runtime-entry';
import type { Tracker } from '../../src/config/types';
import { en } from '../../src/locales/en';
import { enUi } from '../../src/locales/en-ui';

/**
 * The script tag's files that hold one object (scripts/build/chunks.ts, `dataModules`): each its
 * object, written as `export default{…}`, on the built `dist/` (`npm test` builds first).
 */
const exported = async (file: string) => {
  const path = resolve('dist', file);
  expect(readFileSync(path, 'utf8'), file).toMatch(/^export default\{/);
  return ((await import(pathToFileURL(path).href)) as { default: unknown }).default;
};

describe('the data modules of the script tag', () => {
  it('hold each catalog entry in each locale as a page runs it', async () => {
    for (const id of CATALOG_IDS) {
      const tracker = JSON.parse(readFileSync(`catalog/${id}.json`, 'utf8')) as Tracker;
      for (const locale of LOCALES) expect(await exported(`${catalogEntryModule(id, locale)}.mjs`), `${id}.${locale}`).toEqual(runtimeEntry(tracker, locale));
    }
  });

  it('hold the UI’s English texts', async () => {
    expect(await exported('temoin-en.mjs')).toEqual({ ...en, ...enUi });
  });
});
