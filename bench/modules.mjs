/**
 * Bytes per source module of a built file, from its source map: what each module of the returning
 * path (`temoin.js`) costs. `npm run build` first, then:
 *
 *   node bench/modules.mjs            # temoin.js, the script tag's embed build
 *   node bench/modules.mjs --all      # also the chunks of a first visit
 *
 * The embed build is run again with a source map into `node_modules/.temoin-modules/` (dist/ keeps
 * none). Per module: minified bytes it produced, and what gzip -9 of the file would lose without
 * them (modules compress against each other, so these do not add up to the file's gzip size).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const OUT = resolve('node_modules/.temoin-modules');
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Source map v3 `mappings` → per generated line, segments `[column, sourceIndex]` (ECMA-426 §"mappings"). */
function decodeMappings(mappings) {
  let source = 0;
  return mappings.split(';').map((line) => {
    let column = 0;
    const segments = [];
    for (const segment of line ? line.split(',') : []) {
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) source += fields[1];
      segments.push([column, fields.length > 1 ? source : -1]);
    }
    return segments;
  });
}

const gzip = (text) => gzipSync(text, { level: 9 }).length;

/**
 * Each generated character → the module it came from: a segment of the map runs to the next one,
 * across line ends (a template literal's lines have none of their own). `(bundler)`: the IIFE's wrapper.
 */
function report(file) {
  const code = readFileSync(resolve(OUT, file), 'utf8').replace(/\n\/\/# sourceMappingURL=.*\n?$/, '');
  const map = JSON.parse(readFileSync(resolve(OUT, `${file}.map`), 'utf8'));
  const names = map.sources.map((source) => relative(process.cwd(), resolve(OUT, map.sourceRoot ?? '', source)).replace(/^node_modules\//, ''));
  const owner = new Int32Array(code.length).fill(-1);
  const starts = [];
  let offset = 0;
  const lines = code.split('\n');
  decodeMappings(map.mappings).forEach((segments, i) => {
    for (const [column, source] of segments) starts.push([offset + column, source]);
    offset += (lines[i] ?? '').length + 1;
  });
  starts.forEach(([start, source], j) => owner.fill(source, start, j + 1 < starts.length ? starts[j + 1][0] : code.length));
  const byModule = new Map();
  for (let i = 0; i < code.length; i++) {
    const name = owner[i] < 0 ? '(bundler)' : names[owner[i]];
    byModule.set(name, (byModule.get(name) ?? 0) + 1);
  }
  const total = gzip(code);
  const rows = [...byModule].map(([name, raw]) => {
    const index = names.indexOf(name);
    const without = [...code].filter((_, i) => owner[i] !== (index < 0 ? -1 : index)).join('');
    return { name, raw, gzip: total - gzip(without) };
  });
  rows.sort((a, b) => b.gzip - a.gzip);
  console.log(`\n${file}: ${code.length} B minified, ${total} B gzip -9`);
  console.log('  gzip  minified  module');
  for (const { name, raw, gzip: cost } of rows) console.log(`${String(cost).padStart(6)}  ${String(raw).padStart(8)}  ${name}`);
}

await build({ mode: 'embed', logLevel: 'warn', build: { sourcemap: true, outDir: OUT, emptyOutDir: true } });
report('temoin.js');
if (process.argv.includes('--all')) {
  await build({ mode: 'chunks', logLevel: 'warn', build: { sourcemap: true, outDir: OUT, emptyOutDir: false, manifest: false } });
  // The bundler's runtime chunk has no source of its own, hence no map.
  for (const file of readdirSync(OUT).filter((name) => name.endsWith('.mjs') && existsSync(resolve(OUT, `${name}.map`))).sort()) report(file);
}
