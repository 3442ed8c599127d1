import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Connect, defineConfig, type Plugin } from 'vite';

/**
 * The demo health portal (`npm run demo`): static pages in `demo/`, tenant configs, tracker
 * stand-ins and the fake video in `demo/public/`, and the built widget (`dist/`) at `/temoin/`,
 * byte for byte, as a site would host it, with the configurator at `/temoin/configure/index.html`
 * (download only: Save needs `temoin configure`'s server). `npm run demo` builds `dist/` first.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
/** Tenants' privacy-policy URLs must be absolute (docs/contract.md §3): they point at this port. */
const PORT = 5173;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** `/temoin/<file>` → `dist/<file>`, untouched by Vite's transforms (the embed is an IIFE, its chunks plain ES modules). */
function serveDist(): Plugin {
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://demo').pathname);
    const file = normalize(join(DIST, path));
    if (!file.startsWith(DIST + '/')) return next();
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(body);
      },
      () => {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`${path} is not in dist/: run npm run build\n`);
      },
    );
  };
  return {
    name: 'temoin-demo-dist',
    configureServer: (server) => void server.middlewares.use('/temoin', middleware),
    configurePreviewServer: (server) => void server.middlewares.use('/temoin', middleware),
  };
}

interface Receipt {
  tenant: string;
}
interface TemoinServer {
  consentHandler(options: { config: (request: Request) => unknown; onReceipt(receipt: Receipt): void }): (request: Request) => Promise<Response>;
  toNodeHandler(handler: (request: Request) => Promise<Response>): Connect.NextHandleFunction;
}

/**
 * The portal's consent endpoint, as a site runs it with `temoin/server` (the built `dist/server.mjs`):
 * one endpoint for every tenant, `POST /api/consent?tenant=<id>`, each call decoded with that tenant's
 * config, so that the server re-issues the consent cookie. The receipts it gets are kept in memory and
 * listed at `GET /api/receipts?tenant=<id>` for the live report.
 */
function consentEndpoint(): Plugin {
  const receipts: Receipt[] = [];
  const tenantOf = (url: string) => new URL(url, 'http://demo').searchParams.get('tenant') ?? '';
  // One object per tenant: the handler validates each config once.
  const configs = new Map<string, unknown>();
  const configOf = (tenant: string): unknown => {
    if (!configs.has(tenant) && /^[a-z0-9-]+$/.test(tenant)) {
      configs.set(tenant, JSON.parse(readFileSync(join(ROOT, 'demo/public/tenants', `${tenant}.json`), 'utf8')));
    }
    return configs.get(tenant);
  };
  const install = async (middlewares: Connect.Server) => {
    const { consentHandler, toNodeHandler } = (await import(join(DIST, 'server.mjs'))) as TemoinServer;
    const handler = consentHandler({ config: (request) => configOf(tenantOf(request.url)), onReceipt: (receipt) => void receipts.push(receipt) });
    middlewares.use('/api/consent', toNodeHandler(handler));
    middlewares.use('/api/receipts', (req, res) => {
      const tenant = tenantOf(req.url ?? '/');
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify(receipts.filter((receipt) => receipt.tenant === tenant)));
    });
  };
  return {
    name: 'temoin-demo-consent-endpoint',
    configureServer: (server) => install(server.middlewares),
    configurePreviewServer: (server) => install(server.middlewares),
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  cacheDir: join(ROOT, 'node_modules/.vite/demo'),
  plugins: [serveDist(), consentEndpoint()],
  // The npm-API page imports `temoin` as an npm consumer does: the package's built ES module.
  resolve: {
    alias: [
      { find: /^temoin$/, replacement: join(DIST, 'temoin.mjs') },
      { find: /^temoin\/catalog$/, replacement: join(DIST, 'catalog.mjs') },
    ],
  },
  optimizeDeps: { include: ['preact', 'preact/hooks', 'preact/jsx-runtime', 'zod/mini'] },
  server: {
    port: PORT,
    strictPort: true,
    fs: { allow: [ROOT] },
    // `*.localhost` and `*.test` hosts let parent-domain cookies (a GA-like `_ga`) be seen for real.
    allowedHosts: ['.localhost', '.test'],
  },
});
