/// <reference types="node" />
import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import type { ConfigIssue } from '../config/error';

/**
 * `temoin configure`'s server: one person's tool, so it listens on loopback only, answers only
 * requests addressed to its own origin (a DNS-rebinding page names another host), and changes
 * nothing on disk but the one file it was started with, for the page it served (a per-start token
 * and the page's origin), whole-file and never half-written.
 */
export interface ConfigureServerOptions {
  /** The config file that Save replaces. Without it Save is refused and the page offers a download. */
  file?: string;
  /** The port on 127.0.0.1; 0 (the default) takes a free one. */
  port?: number;
  /**
   * The package's build (`dist/`): the page is `configure/index.html`, and the preview loads the
   * widget beside it (`../temoin.js`), as the demo serves them too.
   */
  distDir: string;
  /** Every problem `temoin validate` reports for a config; none when it is valid. */
  check(input: unknown): ConfigIssue[];
  /** How long a request body may take to arrive (default 10 s): a slower one gets 408. */
  bodyTimeoutMs?: number;
}

export interface ConfigureServer {
  /** `http://127.0.0.1:<port>/configure/`, the page. */
  url: string;
  close(): Promise<void>;
}

/** The largest config a save accepts (docs/contract.md §16: 256 KB). */
export const MAX_BODY = 256 * 1024;

/** The page's folder in the build. */
const PAGE = 'configure';

/** The element of the served page that hands it this start's token and the file's name. */
export const START_ELEMENT_ID = 'temoin-configure-start';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'content-security-policy': "frame-ancestors 'self'",
};

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: string | Uint8Array, type: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, ...headers });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown, headers?: Record<string, string>) =>
  send(res, status, `${JSON.stringify(value)}\n`, TYPES['.json'], headers);

/** Reads a body of at most `MAX_BODY` bytes within `timeoutMs`; refuses (413, 408) and stops reading otherwise. */
function readBody(req: IncomingMessage, timeoutMs: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (declared > MAX_BODY) return Promise.reject(new Refusal(413, `the body is over ${MAX_BODY / 1024} KB`));
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (refusal: Refusal) => {
      clearTimeout(timer);
      req.removeAllListeners('data');
      req.pause();
      reject(refusal);
    };
    const timer = setTimeout(() => fail(new Refusal(408, 'the body took too long to arrive')), timeoutMs);
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) return fail(new Refusal(413, `the body is over ${MAX_BODY / 1024} KB`));
      chunks.push(chunk);
    });
    req.on('end', () => {
      clearTimeout(timer);
      resolvePromise(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', () => fail(new Refusal(400, 'the body could not be read')));
  });
}

/** Replaces `file` whole: the new text goes to a temporary file beside it, then takes its name. */
async function replaceFile(file: string, text: string): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** `<script type="application/json">` text that no value can close early. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** Starts the server; resolves once it listens. */
export async function startConfigureServer(options: ConfigureServerOptions): Promise<ConfigureServer> {
  const token = randomBytes(24).toString('base64url');
  const file = options.file === undefined ? undefined : resolve(options.file);
  const distDir = resolve(options.distDir);
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 10_000;
  let origins: string[] = [];

  /** A file of the build named by the URL path, or a 404: nothing outside it is ever read. */
  async function staticFile(urlPath: string): Promise<{ body: Buffer; type: string }> {
    let path: string;
    try {
      path = resolve(distDir, `.${decodeURIComponent(urlPath)}`);
    } catch {
      throw new Refusal(404, 'no such file');
    }
    const type = TYPES[extname(path)];
    if (!path.startsWith(distDir + sep) || !type) throw new Refusal(404, 'no such file');
    try {
      return { body: await readFile(path), type };
    } catch {
      throw new Refusal(404, 'no such file');
    }
  }

  async function page(): Promise<string> {
    const html = await readFile(join(distDir, PAGE, 'index.html'), 'utf8');
    const start = `<script type="application/json" id="${START_ELEMENT_ID}">${scriptJson({ token, file: file && basename(file) })}</script>`;
    return html.replace('</head>', `${start}</head>`);
  }

  /** The request's own origin must be this server's, and a change must come from the page it served. */
  function checkWrite(req: IncomingMessage) {
    const origin = req.headers.origin;
    if (!origin || !origins.includes(origin)) throw new Refusal(403, 'only the page this server serves may save');
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') throw new Refusal(403, 'only the page this server serves may save');
    if (req.headers['x-temoin-token'] !== token) throw new Refusal(403, 'this request does not carry the token of this start');
  }

  async function save(req: IncomingMessage, res: ServerResponse) {
    if (!file) throw new Refusal(409, 'temoin configure was started without a file: download the config instead');
    checkWrite(req);
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) throw new Refusal(415, 'the body must be application/json');
    const text = await readBody(req, bodyTimeoutMs);
    let config: unknown;
    try {
      config = JSON.parse(text);
    } catch {
      throw new Refusal(400, 'the body is not JSON');
    }
    const issues = options.check(config);
    if (issues.length) throw new Refusal(422, 'the config is not valid; nothing was written', { issues });
    try {
      await replaceFile(file, `${JSON.stringify(config, null, 2)}\n`);
    } catch (error) {
      throw new Refusal(500, `the file could not be written (${(error as NodeJS.ErrnoException).code ?? 'error'}); it is unchanged`);
    }
    sendJson(res, 200, { saved: basename(file) });
  }

  async function current(res: ServerResponse) {
    if (!file) return sendJson(res, 200, { file: null, text: null });
    let text: string | null = null;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Refusal(500, 'the config file could not be read');
    }
    sendJson(res, 200, { file: basename(file), text });
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    // A page of another site that rebinds its name to 127.0.0.1 sends its own name as Host.
    if (!origins.includes(`http://${req.headers.host}`)) throw new Refusal(403, 'this server answers only to its own address');
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = req.method ?? 'GET';
    if (path === '/api/config') {
      if (method === 'PUT') return save(req, res);
      if (method !== 'GET') throw new Refusal(405, 'only GET and PUT', {}, { allow: 'GET, PUT' });
      if (req.headers['x-temoin-token'] !== token) throw new Refusal(403, 'this request does not carry the token of this start');
      return current(res);
    }
    if (method !== 'GET' && method !== 'HEAD') throw new Refusal(405, 'only GET', {}, { allow: 'GET, HEAD' });
    if (path === '/') return send(res, 302, '', TYPES['.html'], { location: `/${PAGE}/` });
    if (path === `/${PAGE}/`) return send(res, 200, await page(), TYPES['.html']);
    const { body, type } = await staticFile(path);
    return send(res, 200, body, type);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const refusal = error instanceof Refusal ? error : new Refusal(500, 'unexpected error');
      // A body left unread would be parsed as the next request of a kept-alive connection.
      if (req.method !== 'GET' && req.method !== 'HEAD') res.setHeader('connection', 'close');
      sendJson(res, refusal.status, { error: refusal.message, ...refusal.extra }, refusal.headers);
    });
  });
  server.requestTimeout = bodyTimeoutMs * 2;
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  return {
    url: `${origins[0]}/${PAGE}/`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
