/** Raw, gzip and brotli sizes of the files a page fetched. */
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** @typedef {{ raw: number, gzip: number, brotli: number }} Sizes */

/** @type {Map<string, Sizes>} */
const cache = new Map();

/**
 * Sizes of one file at the compression levels a CDN would use for static
 * assets (gzip -9, brotli 11).
 * @param {string} file absolute path
 * @returns {Sizes}
 */
export function fileSizes(file) {
  let sizes = cache.get(file);
  if (!sizes) {
    const body = readFileSync(file);
    sizes = {
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }).length,
    };
    cache.set(file, sizes);
  }
  return sizes;
}

/**
 * Adds up the sizes of the given files.
 * @param {string[]} files
 * @returns {Sizes}
 */
export function totalSizes(files) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const s = fileSizes(file);
    total.raw += s.raw;
    total.gzip += s.gzip;
    total.brotli += s.brotli;
  }
  return total;
}
