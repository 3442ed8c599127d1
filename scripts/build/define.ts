import { readdirSync, readFileSync } from 'node:fs';
import { buildId } from './build-id.ts';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/** The catalog's ids: its file names. */
export const CATALOG_IDS = readdirSync('catalog')
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length))
  .sort();

/**
 * The catalog's `functional` entries: the script tag's first banner says what the trackers are for
 * before their entries load (src/first-visit.ts), and every other entry is in `audience`, which the
 * build checks, so that a new category cannot be taken for it unnoticed.
 */
const FUNCTIONAL_IDS = CATALOG_IDS.filter((id) => {
  const { category } = JSON.parse(readFileSync(`catalog/${id}.json`, 'utf8')) as { category: string };
  if (category !== 'functional' && category !== 'audience') throw new Error(`catalog/${id}.json: category "${category}": src/first-visit.ts knows functional and audience only`);
  return category === 'functional';
});

/**
 * A pattern that tells the catalog's functional ids from its others: each functional id by its
 * shortest beginning that no other id has (`st` for `stripe`), or whole where another id begins
 * with all of it; recomputed with the catalog. An id the catalog does not have may match it: the
 * validator rejects that id anyway.
 */
export function functionalPattern(functional: readonly string[], others: readonly string[]): RegExp {
  const prefix = (id: string) => {
    for (let length = 1; length <= id.length; length++) {
      if (!others.some((other) => other.startsWith(id.slice(0, length)))) return id.slice(0, length);
    }
    return `${id}$`;
  };
  return new RegExp(`^(?:${functional.map(prefix).join('|')})`);
}

/** The constants every build and the tests define (`declare const` where the sources use them). */
export const define = {
  __TEMOIN_VERSION__: JSON.stringify(pkg.version),
  __TEMOIN_BUILD__: JSON.stringify(buildId()),
  __TEMOIN_CATALOG_IDS__: JSON.stringify(CATALOG_IDS),
  __TEMOIN_FUNCTIONAL__: String(functionalPattern(FUNCTIONAL_IDS, CATALOG_IDS.filter((id) => !FUNCTIONAL_IDS.includes(id)))),
};
