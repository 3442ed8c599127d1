// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportName } from '../../src/config/export-name';
import { runtimeEntry } from '../../src/config/runtime-entry';
import type { Tracker } from '../../src/index';

/** The built entry points of the npm package (`npm test` builds first), imported as Node imports them. */

const ROOT = resolve(import.meta.dirname, '../..');
const dist = (file: string) => resolve(ROOT, 'dist', file);
const files = readdirSync(resolve(ROOT, 'catalog')).filter((file) => file.endsWith('.json'));

describe('the npm package imported where there is no DOM', () => {
  it.each(['temoin.mjs', 'schema.mjs', 'catalog.mjs', 'catalog-fr.mjs', 'catalog-en.mjs', 'server.mjs'])('imports dist/%s without throwing', async (file) => {
    expect(typeof document).toBe('undefined');
    await expect(import(dist(file))).resolves.toBeTypeOf('object');
  });

  it('throws from init() a message saying it needs a browser page', async () => {
    const { init } = await import(dist('temoin.mjs'));
    expect(() => init({ tenant: { id: 'ssr', name: 'SSR' }, trackers: [] })).toThrow(/needs a browser page/);
  });
});

describe('temoin/catalog', () => {
  it.each(files)('exports catalog/%s under its id in camelCase, as the file holds it but for its documentation fields', async (file) => {
    const { $schema, sources, otherSources, ...tracker } = JSON.parse(readFileSync(resolve(ROOT, 'catalog', file), 'utf8')) as Tracker;
    const module = (await import(dist('catalog.mjs'))) as Record<string, unknown>;
    const cookies = tracker.cookies.map(({ lifetimeSetting, sharedWith, basis, thirdParty, ...cookie }) => cookie);
    const exemption = tracker.exemption && { url: tracker.exemption.url };
    expect(module[exportName(tracker.id)]).toEqual({ ...tracker, cookies, ...(exemption && { exemption }) });
  });

  it('exports the whole catalog as `catalog`, one entry a file', async () => {
    const { catalog } = (await import(dist('catalog.mjs'))) as { catalog: Tracker[] };
    expect(catalog.map((t) => `${t.id}.json`).sort()).toEqual([...files].sort());
  });

  it.each(['fr', 'en'] as const)('exports each entry in temoin/catalog/%s with its texts in that language alone, under the same names', async (locale) => {
    const all = (await import(dist('catalog.mjs'))) as Record<string, Tracker>;
    const one = (await import(dist(`catalog-${locale}.mjs`))) as Record<string, Tracker | Tracker[]>;
    expect(Object.keys(one).sort()).toEqual(Object.keys(all).sort());
    for (const file of files) {
      const name = exportName(file.slice(0, -'.json'.length));
      const entry = one[name] as Tracker;
      expect(entry).toEqual(runtimeEntry(all[name], locale));
      expect(Object.keys(entry.description)).toEqual([locale]);
      for (const cookie of entry.cookies) expect(Object.keys(cookie.purpose)).toEqual([locale]);
    }
    expect((one.catalog as Tracker[]).map((t) => t.id)).toEqual((all.catalog as unknown as Tracker[]).map((t) => t.id));
  });

  it('declares a type for every export', async () => {
    const declared = readFileSync(dist('types/catalog.d.ts'), 'utf8');
    const module = (await import(dist('catalog.mjs'))) as Record<string, unknown>;
    for (const name of Object.keys(module)) expect(declared).toMatch(new RegExp(`export declare const ${name}: `));
  });
});
