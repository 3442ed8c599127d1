// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { withStaticImports } from '../support/static-imports';

/** Byte budgets of what a page downloads (issue 4), measured on the built `dist/` (`npm test` builds first). */

const gzip = (file: string) => gzipSync(readFileSync(`dist/${file}`), { level: 9 }).length;

/** The files a built file imports statically (`./name.mjs` beside it). */
const importsOf = (file: string) =>
  [...readFileSync(`dist/${file}`, 'utf8').matchAll(/(?:import|from)\s*["']\.\/([\w.-]+\.m?js)["']/g)].map((m) => m[1]);

const kB = (bytes: number) => bytes / 1000;

/** The catalog entries the README's config names: a first visit downloads those of its own config. */
const README_TRACKERS = ['matomo', 'zendesk', 'google-analytics'];

const sizes = () => {
  const returning = gzip('temoin.js');
  // temoin.js shows the first banner itself and fetches temoin-ui.mjs (the validator and the rest of
  // the UI) and the config's catalog entries side by side; the preferences dialog (with Preact)
  // loads only when a visitor opens it.
  const catalogEntries = README_TRACKERS.map((id) => `temoin-catalog-${id}.mjs`);
  const firstVisit = [...new Set(['temoin.js', ...withStaticImports('temoin-ui.mjs', importsOf), ...catalogEntries])].reduce(
    (sum, file) => sum + gzip(file),
    0,
  );
  return { returning, firstVisit };
};

describe('what a page downloads', () => {
  it('is built', () => {
    expect(existsSync('dist/temoin.js'), 'run `npm run build` first').toBe(true);
  });

  // 5 kB until temoin.js showed a first visit's banner itself (issue 24): the banner, its texts in
  // both languages and its CSS now come in it, so that the plain script tag shows the banner one
  // round trip after the page. A returning visitor pays for them: 7 kB, still less than any peer
  // loads on a returning visit (Osano 8.1 kB, vanilla-cookieconsent 15.5 kB).
  it('stays within 7 kB gzip for a returning visitor: the core, with the first banner', () => {
    expect(kB(sizes().returning)).toBeLessThanOrEqual(7);
  });

  it('stays within 13 kB gzip for a first visit: the core, the validator and the banner, the config\'s catalog entries', () => {
    expect(kB(sizes().firstVisit)).toBeLessThanOrEqual(13);
  });

  /** Each of `texts` is in `file`, and in none of the files a first visit loads with temoin-ui.mjs. */
  const leftOut = (file: string, texts: string[]) => {
    const firstVisit = withStaticImports('temoin-ui.mjs', importsOf).map((name) => readFileSync(`dist/${name}`, 'utf8')).join('\n');
    const other = readFileSync(`dist/${file}`, 'utf8');
    for (const text of texts) {
      expect(firstVisit, text).not.toContain(text);
      expect(other, text).toContain(text);
    }
  };

  it('leaves out of a first visit what only an invalid config needs: the messages and the list of catalog ids', () => {
    leftOut('temoin-config-errors.mjs', ['is not a known field', 'must be an https: URL', 'ab-tasty', 'zendesk']);
  });

  it('leaves the English texts out of a French first visit: temoin-en.mjs brings them, for an English config alone', () => {
    leftOut('temoin-en.mjs', ['Your choices about cookies', 'Accept all', 'Choices saved', 'Audience measurement exempt from consent']);
    expect(importsOf('temoin-en.mjs')).toEqual([]);
  });

  it('matches the sizes the README states, within 0.2 kB', () => {
    const readme = readFileSync('README.md', 'utf8');
    const stated = (label: string) => {
      const match = new RegExp(`\\| ${label} \\|[^|]*\\| ([\\d.]+) kB \\|`).exec(readme);
      expect(match, `README size row "${label}"`).not.toBeNull();
      return Number(match![1]);
    };
    const { returning, firstVisit } = sizes();
    expect(Math.abs(stated('Returning visitor') - kB(returning))).toBeLessThanOrEqual(0.2);
    expect(Math.abs(stated('First visit') - kB(firstVisit))).toBeLessThanOrEqual(0.2);
  });
});
