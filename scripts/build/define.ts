import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/**
 * Identifies what a validated config depends on (the catalog and the code: the schema, and which
 * integration files the config needs), so that a new build validates again.
 */
function buildId(): string {
  const hash = createHash('sha256').update(pkg.version);
  for (const dir of ['catalog', 'src']) {
    for (const file of readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => resolve(entry.parentPath, entry.name))
      .sort()) {
      hash.update(relative('.', file)).update(readFileSync(file));
    }
  }
  return hash.digest('hex').slice(0, 12);
}

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
