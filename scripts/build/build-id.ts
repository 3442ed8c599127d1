import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * What produces a validated config as the script tag stores it on a device (src/config/cache.ts):
 * the modules these run, found by following their imports (the validator of `config/load.ts`, the
 * launcher's look and its texts), and `embed-ui.ts` alone for the integration files it names. The
 * UI, the core and the CLI are not in it: changing them keeps returning visitors' cached configs.
 */
const RUNS = ['src/config/load.ts', 'src/config/cache.ts', 'src/launcher-look.ts'];
const ALONE = ['src/embed-ui.ts'];

/**
 * Relative imports whose code runs: `import`, `export … from`, side-effect and literal `import()`.
 * `import type`, `export type` and `typeof import()` are erased: a type's shape is decided by the code that builds the value.
 */
const IMPORT = /(?:^|[;\s])(?:import|export)\s+(?!type\s)[^'";]*?from\s*'(\.[^']*)'|(?:^|[;\s(])(?<!typeof\s+)import\s*\(?\s*'(\.[^']*)'/gm;

function sourceFile(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  const found = ['.ts', '.tsx', '/index.ts', ''].map((ending) => base + ending).find((file) => /\.tsx?$/.test(file) && existsSync(file));
  if (!found) throw new Error(`build id: ${from} imports ${specifier}, which is no source file`);
  return found;
}

/** `roots` and every source file their code imports, transitively. */
function runningModules(roots: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) visit(sourceFile(file, match[1] ?? match[2]!));
  };
  roots.forEach(visit);
  return [...seen];
}

/** The files the build id covers, under `root`: the catalog and the sources above, sorted. */
export function buildIdFiles(root = '.'): string[] {
  const catalog = readdirSync(join(root, 'catalog')).map((file) => join(root, 'catalog', file));
  const code = runningModules(RUNS.map((file) => resolve(root, file)));
  return [...new Set([...catalog, ...code, ...ALONE.map((file) => resolve(root, file))].map((file) => relative(root, file)))].sort();
}

/**
 * Keys the validated-config cache: the version and every file a validated config depends on, so
 * that a build that could validate differently validates again, and only such a build. 32 bits, in
 * 8 hex digits: the cache's 32-bit checksum starts from it (src/config/cache.ts, as a number), and
 * temoin.js and temoin-ui.mjs both carry it.
 */
export function buildId(root = '.'): string {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const hash = createHash('sha256').update(version);
  for (const file of buildIdFiles(root)) hash.update(file).update(readFileSync(join(root, file)));
  return hash.digest('hex').slice(0, 8);
}
