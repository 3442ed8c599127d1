// The declarations tsc emits keep the source's extensionless relative imports (`from './init'`),
// which TypeScript's `node16` and `nodenext` resolution reject in an ES module package. This
// rewrites each to the file it names (`./init.js`, `./config/index.js`), as those modes require.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = process.argv[2] ?? 'dist/types';
const SPECIFIER = /((?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"]*)\2/g;

for (const entry of readdirSync(root, { recursive: true })) {
  const file = join(root, String(entry));
  if (!file.endsWith('.d.ts')) continue;
  const text = readFileSync(file, 'utf8').replace(SPECIFIER, (whole, before, quote, specifier) => {
    const target = join(dirname(file), specifier);
    const resolved = existsSync(`${target}.d.ts`) ? `${specifier}.js` : existsSync(join(target, 'index.d.ts')) ? `${specifier}/index.js` : undefined;
    if (resolved === undefined && !/\.js$/.test(specifier)) throw new Error(`${file}: no declaration for "${specifier}"`);
    return `${before}${quote}${resolved ?? specifier}${quote}`;
  });
  writeFileSync(file, text);
}
