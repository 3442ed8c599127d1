import { readdirSync, readFileSync } from 'node:fs';
import { buildId } from './build-id.ts';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/** The catalog's ids: its file names. */
export const CATALOG_IDS = readdirSync('catalog')
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length))
  .sort();

/** The constants every build and the tests define (`declare const` where the sources use them). */
export const define = {
  __TEMOIN_VERSION__: JSON.stringify(pkg.version),
  __TEMOIN_BUILD__: JSON.stringify(buildId()),
  __TEMOIN_CATALOG_IDS__: JSON.stringify(CATALOG_IDS),
};
