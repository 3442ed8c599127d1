/**
 * Tiny static server for the benchmark, bound to 127.0.0.1 on a random port.
 *
 * Files are served uncompressed and never cached (`Cache-Control: no-store`),
 * so the bytes a page uses are exactly the files it requested; the driver
 * computes gzip and brotli sizes itself (see sizes.mjs).
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/**
 * @param {object} options
 * @param {Record<string, string>} options.mounts URL prefix (e.g. `/lib/klaro/`) → absolute folder
 * @param {Record<string, string>} options.pages URL path (e.g. `/pages/klaro.html`) → HTML text
 */
export async function startServer({ mounts, pages }) {
  /** Maps a URL path to a file inside one of the mounts, or null. */
  function resolve(pathname) {
    for (const [prefix, folder] of Object.entries(mounts)) {
      if (!pathname.startsWith(prefix)) continue;
      const file = normalize(join(folder, decodeURIComponent(pathname.slice(prefix.length))));
      return file.startsWith(folder + sep) ? file : null;
    }
    return null;
  }

  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    const headers = { 'Cache-Control': 'no-store' };
    if (Object.hasOwn(pages, pathname)) {
      res.writeHead(200, { ...headers, 'Content-Type': TYPES['.html'] }).end(pages[pathname]);
      return;
    }
    try {
      const file = resolve(pathname);
      if (!file) throw new Error('not mounted');
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': body.length }).end(body);
    } catch {
      res.writeHead(404, headers).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    origin: `http://127.0.0.1:${port}`,
    resolve,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
