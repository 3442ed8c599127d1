import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export interface Route {
  body: string;
  type?: string;
  status?: number;
  headers?: Record<string, string>;
  /** Milliseconds to wait before answering: a slow network. */
  delay?: number;
}

export interface TestServer {
  port: number;
  /**
   * `http://<host>:<port>`; host defaults to `www.site.localhost`. Every engine resolves `*.localhost`
   * to loopback (RFC 6761 §6.3), so a page there can set cookies on its parent domain `site.localhost`.
   */
  origin(host?: string): string;
  /** Serves `body` at `path` (an HTML page by default), or lets `listener` answer there (any method). */
  page(path: string, body: string | Route | RequestListener): void;
  /** Every path requested so far, in order. */
  requests: string[];
  /** When set and true for a path, the server answers 503 there: a network failure. */
  fail?: (path: string) => boolean;
  close(): Promise<void>;
}

/**
 * A static server for Chromium tests: the built `dist/` at `/dist/`, files of `tests/browser/fixtures/`
 * at `/fixtures/`, and pages a test registers. Real HTTP, so cookies, CSP headers and script
 * loading behave as on a site.
 */
export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Route | RequestListener>();
  const requests: string[] = [];

  async function serveFile(path: string, res: ServerResponse): Promise<void> {
    const base = path.startsWith('/dist/') ? join(ROOT, 'dist') : join(ROOT, 'tests/browser/fixtures');
    const file = normalize(join(base, path.replace(/^\/(dist|fixtures)\//, '')));
    if (!file.startsWith(base)) throw new Error('outside');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    if (server.fail?.(path)) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('unavailable');
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const route = routes.get(path);
    if (typeof route === 'function') return void route(req, res);
    if (route) {
      if (route.delay) await new Promise((r) => setTimeout(r, route.delay));
      res.writeHead(route.status ?? 200, { 'content-type': route.type ?? TYPES['.html'], 'cache-control': 'no-store', ...route.headers });
      res.end(route.body);
      return;
    }
    try {
      await serveFile(path, res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  }

  const http = createServer((req, res) => void handle(req, res));
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  const { port } = http.address() as AddressInfo;
  const server: TestServer = {
    port,
    origin: (host = 'www.site.localhost') => `http://${host}:${port}`,
    page: (path, body) => routes.set(path, typeof body === 'string' ? { body } : body),
    requests,
    close: () =>
      new Promise((done) => {
        http.closeAllConnections();
        http.close(() => done());
      }),
  };
  return server;
}
