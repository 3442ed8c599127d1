// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse';
import type { TemoinConfig } from '../../src/config/types';
import { integrationFiles } from '../../src/integrations/files';

/** The files the script tag hands to import() for a config's integrations (`npm test` builds `dist/` first). */

const tenant = { id: 'vivoptim', name: 'Vivoptim' };
const all: TemoinConfig = { tenant, trackers: ['matomo', 'ab-tasty'], googleConsentMode: true, consentEndpoint: '/temoin/consent' };
const BUILT = ['temoin-consent-mode.mjs', 'temoin-endpoint.mjs', 'temoin-storage.mjs'];

describe('the integrations’ files', () => {
  it('are those a config uses, and none for a config that uses none', () => {
    expect(integrationFiles(parseConfig(all))).toEqual(BUILT);
    expect(integrationFiles(parseConfig({ tenant, trackers: ['matomo'] }))).toEqual([]);
    expect(integrationFiles(parseConfig({ tenant, trackers: ['matomo'], consentEndpoint: '/temoin/consent' }))).toEqual(['temoin-endpoint.mjs']);
  });

  it('are the build’s own names, whatever a stored config holds in their place', () => {
    const planted = { ...parseConfig(all), googleConsentMode: 'https://evil.example/a.mjs', consentEndpoint: 'https://evil.example/b.mjs' };
    expect(integrationFiles(planted as never)).toEqual(BUILT);
  });

  it('are built beside temoin.js, each exporting its integration', () => {
    for (const file of BUILT) {
      expect(existsSync(`dist/${file}`), `dist/${file}: run \`npm run build\` first`).toBe(true);
      expect(readFileSync(`dist/${file}`, 'utf8')).toMatch(/export\s*\{[^}]*\bas integration\s*\}/);
    }
  });
});
