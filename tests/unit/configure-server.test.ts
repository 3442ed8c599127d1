// @vitest-environment node
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { check } from '../../src/cli/check';
import { type ConfigureServer, MAX_BODY, START_ELEMENT_ID, startConfigureServer } from '../../src/configure/server';

const VALID = { tenant: { id: 'mutuelle', name: 'Mutuelle' }, trackers: ['matomo'] };
const ORIGINAL = `${JSON.stringify({ tenant: { id: 'avant', name: 'Avant' }, trackers: [] }, null, 2)}\n`;

let dir: string;
let file: string;
let server: ConfigureServer;
let origin: string;
let token: string;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(
  method: string,
  path: string,
  { headers = {}, body, agent }: { headers?: Record<string, string>; body?: string | Buffer; agent?: Agent } = {},
): Promise<Answer> {
  const url = new URL(path, origin);
  // Node sends a DELETE's body with neither a length nor chunks unless told its length.
  const length: Record<string, string> = body === undefined || headers['transfer-encoding'] ? {} : { 'content-length': String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers: { host: url.host, ...length, ...headers }, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const save = (config: unknown, headers: Record<string, string> = {}) =>
  call('PUT', '/api/config', {
    headers: { 'content-type': 'application/json', origin, 'x-temoin-token': token, 'sec-fetch-site': 'same-origin', ...headers },
    body: typeof config === 'string' ? config : JSON.stringify(config),
  });

const onDisk = () => readFileSync(file, 'utf8');
const filesInDir = () => readdirSync(dir).sort();

async function start(options: { file?: string } = { file: undefined }) {
  server = await startConfigureServer({
    ...options,
    distDir: join(dir, 'dist'),
    check: (input) => {
      const checked = check(input);
      return checked.ok ? [] : checked.issues;
    },
    bodyTimeoutMs: 300,
  });
  origin = new URL(server.url).origin;
  const page = await call('GET', '/configure/');
  const start = new RegExp(`<script type="application/json" id="${START_ELEMENT_ID}">(.*?)</script>`).exec(page.body);
  token = (JSON.parse(start![1]) as { token: string }).token;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'temoin-configure-'));
  mkdirSync(join(dir, 'dist', 'configure'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'configure', 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  writeFileSync(join(dir, 'dist', 'configure', 'app.js'), 'export {};');
  writeFileSync(join(dir, 'dist', 'temoin.js'), '/* widget */');
  writeFileSync(join(dir, 'dist', 'cli.map'), 'not served');
  writeFileSync(join(dir, 'secret.json'), '{"secret":true}');
  file = join(dir, 'site.json');
  writeFileSync(file, ORIGINAL);
  await start({ file });
});

afterEach(() => server.close());

describe('temoin configure: serving the page', () => {
  it('listens on 127.0.0.1 and hands the page a token of this start and the file name', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/configure\/$/);
    expect((await call('GET', '/')).headers.location).toBe('/configure/');
    const page = await call('GET', '/configure/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('"file":"site.json"');
    expect(token).toMatch(/^[\w-]{32}$/);
  });

  it('gives each start its own token', async () => {
    const first = token;
    await server.close();
    await start({ file });
    expect(token).not.toBe(first);
  });

  it('serves the page assets and the widget build, and nothing outside them', async () => {
    expect((await call('GET', '/configure/app.js')).status).toBe(200);
    expect((await call('GET', '/temoin.js')).body).toBe('/* widget */');
    for (const path of ['/../secret.json', '/%2e%2e/secret.json', '/configure/..%2f..%2fsecret.json', '/%2e%2e/site.json', '/cli.map', '/missing.js', '/%E0%A4%A'])
      expect((await call('GET', path)).status, path).toBe(404);
  });

  it('answers only to its own address (a DNS-rebinding page names another host)', async () => {
    const answer = await call('GET', '/configure/', { headers: { host: 'evil.example' } });
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain(token);
    expect((await call('GET', '/configure/', { headers: { host: origin.replace('127.0.0.1', 'localhost').slice(7) } })).status).toBe(200);
  });

  it('gives the current file to the page, with the token only', async () => {
    const answer = await call('GET', '/api/config', { headers: { 'x-temoin-token': token } });
    expect(JSON.parse(answer.body)).toEqual({ file: 'site.json', text: ORIGINAL });
    expect((await call('GET', '/api/config')).status).toBe(403);
  });
});

describe('temoin configure: Save', () => {
  it('replaces the file whole with 2-space JSON, and leaves nothing else beside it', async () => {
    const answer = await save(VALID);
    expect(answer.status).toBe(200);
    expect(onDisk()).toBe(`${JSON.stringify(VALID, null, 2)}\n`);
    expect(check(JSON.parse(onDisk())).ok).toBe(true);
    expect(filesInDir()).toEqual(['dist', 'secret.json', 'site.json']);
  });

  it.each([
    ['without the token', { 'x-temoin-token': '' }],
    ['with the token of another start', { 'x-temoin-token': 'x'.repeat(32) }],
    ['from another origin', { origin: 'http://evil.example' }],
    ['from an origin of null', { origin: 'null' }],
    ['from another site, as the browser says', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses a save %s with 403 and changes nothing', async (_, headers) => {
    const answer = await save(VALID, headers);
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body).error).toMatch(/token|page this server serves/);
    expect(onDisk()).toBe(ORIGINAL);
  });

  it('refuses a save without an Origin header', async () => {
    const answer = await call('PUT', '/api/config', {
      headers: { 'content-type': 'application/json', 'x-temoin-token': token },
      body: JSON.stringify(VALID),
    });
    expect(answer.status).toBe(403);
    expect(onDisk()).toBe(ORIGINAL);
  });

  it('refuses a body over 256 KB with 413, declared or not', async () => {
    const big = JSON.stringify({ ...VALID, padding: 'x'.repeat(MAX_BODY) });
    expect((await save(big)).status).toBe(413);
    const chunked = await call('PUT', '/api/config', {
      headers: { 'content-type': 'application/json', origin, 'x-temoin-token': token, 'transfer-encoding': 'chunked' },
      body: big,
    });
    expect(chunked.status).toBe(413);
    expect(onDisk()).toBe(ORIGINAL);
  });

  it('refuses a body that is not JSON (415, 400) or not a valid config (422 with its issues)', async () => {
    expect((await save(VALID, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await save('{"tenant":')).status).toBe(400);
    const invalid = await save({ tenant: { id: 'Mutuelle', name: 'M', privacyPolicyUrl: 'javascript:alert(1)' }, trackers: [] });
    expect(invalid.status).toBe(422);
    const paths = (JSON.parse(invalid.body).issues as { path: string }[]).map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['tenant.id', 'tenant.privacyPolicyUrl']));
    expect(onDisk()).toBe(ORIGINAL);
  });

  it('refuses a body that arrives too slowly with 408 and changes nothing', async () => {
    const answer = await new Promise<number>((resolve, reject) => {
      const url = new URL(origin);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: '/api/config',
          method: 'PUT',
          headers: { 'content-type': 'application/json', origin, 'x-temoin-token': token, 'content-length': '100' },
        },
        (res) => resolve(res.statusCode!),
      );
      req.on('error', reject);
      req.write('{"tenant"');
    });
    expect(answer).toBe(408);
    expect(onDisk()).toBe(ORIGINAL);
  });

  it('answers other methods with 405 and other paths with 404, writing nothing', async () => {
    for (const method of ['DELETE', 'POST', 'PATCH']) {
      const answer = await call(method, '/api/config', { headers: { origin, 'x-temoin-token': token, 'content-type': 'application/json' }, body: JSON.stringify(VALID) });
      expect(answer.status, `${method}: ${answer.body}`).toBe(405);
      expect(answer.headers.allow).toBe('GET, PUT');
    }
    expect((await call('PUT', '/', { headers: { origin, 'x-temoin-token': token } })).status).toBe(405);
    expect((await call('GET', '/api/config/../../secret.json', { headers: { 'x-temoin-token': token } })).status).toBe(404);
    expect((await call('GET', '/api/other', { headers: { 'x-temoin-token': token } })).status).toBe(404);
    expect(onDisk()).toBe(ORIGINAL);
    expect(readFileSync(join(dir, 'secret.json'), 'utf8')).toBe('{"secret":true}');
  });

  it('says so with 500 when the file cannot be replaced, and leaves no temporary file', async () => {
    // Root writes through permissions; a folder where the file was fails for everyone.
    rmSync(file);
    mkdirSync(file);
    const answer = await save(VALID);
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body).error).toMatch(/could not be written.*unchanged/);
    expect(statSync(file).isDirectory()).toBe(true);
    expect(filesInDir()).toEqual(['dist', 'secret.json', 'site.json']);
  });

  it('refuses to save when started without a file: the page downloads instead', async () => {
    await server.close();
    await start({});
    const answer = await save(VALID);
    expect(answer.status).toBe(409);
    expect(JSON.parse((await call('GET', '/api/config', { headers: { 'x-temoin-token': token } })).body)).toEqual({ file: null, text: null });
    expect(filesInDir()).toEqual(['dist', 'secret.json', 'site.json']);
  });
});

describe('temoin configure: under load on loopback', () => {
  it('answers 400 page loads and 100 saves, 20 in flight, and ends with one whole valid file', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 20 });
    const configs = Array.from({ length: 100 }, (_, i) => ({ ...VALID, revision: i + 1 }));
    const tasks = [
      ...Array.from({ length: 400 }, () => () => call('GET', '/configure/', { agent })),
      ...configs.map((config) => () => call('PUT', '/api/config', {
        agent,
        headers: { 'content-type': 'application/json', origin, 'x-temoin-token': token },
        body: JSON.stringify(config),
      })),
    ];
    const statuses: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < tasks.length) statuses.push((await tasks[next++]()).status);
      }),
    );
    agent.destroy();
    expect(statuses).toHaveLength(500);
    expect(statuses.every((status) => status === 200)).toBe(true);
    const saved = JSON.parse(onDisk()) as { revision: number };
    expect(configs.map((config) => config.revision)).toContain(saved.revision);
    expect(filesInDir()).toEqual(['dist', 'secret.json', 'site.json']);
  });
});
