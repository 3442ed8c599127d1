// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type RequestListener, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/config/parse';
import type { TemoinConfig } from '../../src/config/types';
import { createRecord, encodeRecord } from '../../src/consent/record';
import { type ConsentReceipt, consentHandler, toNodeHandler } from '../../src/server/index';

const config: TemoinConfig = { tenant: { id: 'mutuelle', name: 'Mutuelle' }, trackers: ['matomo'] };
const value = () => encodeRecord(createRecord(parseConfig(config), { matomo: 0 }));

let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => new Promise((done) => (server.closeAllConnections(), server.close(done)))));
  servers = [];
});

/** A node:http server on loopback running `listener`; its port. */
async function serve(listener: RequestListener): Promise<number> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return (server.address() as AddressInfo).port;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP call: every header as given, the body in `chunks` (chunked when there are several). */
function send(port: number, { method = 'POST', path = '/temoin/consent', headers = {}, chunks = [] as (string | Buffer)[] } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: { host: `www.mutuelle.example:${port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

const JSON_TYPE = { 'content-type': 'application/json' };

function endpoint(options: Parameters<typeof toNodeHandler>[1] = {}) {
  const receipts: ConsentReceipt[] = [];
  const handler = toNodeHandler(consentHandler({ config, onReceipt: (receipt) => void receipts.push(receipt) }), options);
  return { handler, receipts };
}

describe('the endpoint on node:http, through toNodeHandler', () => {
  it('answers a same-origin call with 204 and one Set-Cookie', async () => {
    const { handler, receipts } = endpoint();
    const port = await serve(handler);
    const record = value();
    const answer = await send(port, {
      headers: { ...JSON_TYPE, origin: `http://www.mutuelle.example:${port}`, 'sec-fetch-site': 'same-origin' },
      chunks: [JSON.stringify({ record })],
    });
    expect(answer.status).toBe(204);
    expect(answer.headers['set-cookie']).toEqual([expect.stringMatching(new RegExp(`^temoin=${record.replace(/\./g, '\\.')}; Path=/; Max-Age=\\d+; SameSite=Lax$`))]);
    expect(receipts.map((r) => r.id)).toHaveLength(1);
  });

  it('reads a body sent in chunks, without Content-Length', async () => {
    const { handler } = endpoint();
    const port = await serve(handler);
    const body = JSON.stringify({ record: value() });
    const answer = await send(port, { headers: JSON_TYPE, chunks: [body.slice(0, 10), body.slice(10, 40), body.slice(40)] });
    expect(answer.status).toBe(204);
  });

  it('refuses a chunked body over 4 KB with 413, no cookie, and closes the connection', async () => {
    const { handler, receipts } = endpoint();
    const port = await serve(handler);
    const answer = await send(port, { headers: JSON_TYPE, chunks: Array.from({ length: 64 }, () => Buffer.alloc(4096, 32)) });
    expect(answer.status).toBe(413);
    expect(answer.headers['set-cookie']).toBeUndefined();
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body)).toEqual({ error: expect.any(String) });
    expect(receipts).toEqual([]);
  });

  it('refuses another method with 405 and Allow: POST', async () => {
    const port = await serve(endpoint().handler);
    const answer = await send(port, { method: 'GET' });
    expect([answer.status, answer.headers.allow, answer.headers['set-cookie']]).toEqual([405, 'POST', undefined]);
  });

  it('refuses TRACE, which fetch cannot represent, with 405', async () => {
    const port = await serve(endpoint().handler);
    const answer = await send(port, { method: 'TRACE' });
    expect([answer.status, answer.headers.allow, answer.headers['set-cookie']]).toEqual([405, 'POST', undefined]);
  });

  it('refuses another method with 405 before looking at its Host', async () => {
    const port = await serve(endpoint().handler);
    const answer = await send(port, { method: 'GET', headers: { host: 'bad host' } });
    expect([answer.status, answer.headers.allow]).toEqual([405, 'POST']);
  });

  it('refuses a call whose Host header makes no URL with 400', async () => {
    const port = await serve(endpoint().handler);
    const answer = await send(port, { headers: { ...JSON_TYPE, host: 'bad host' }, chunks: ['{"record":null}'] });
    expect([answer.status, answer.headers['set-cookie']]).toEqual([400, undefined]);
    expect(JSON.parse(answer.body)).toEqual({ error: expect.any(String) });
  });

  it('takes the body a parser mounted before it already read', async () => {
    const { handler, receipts } = endpoint();
    const port = await serve((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk));
      req.on('end', () => handler(Object.assign(req, { body: JSON.parse(text) as unknown }), res));
    });
    const answer = await send(port, { headers: JSON_TYPE, chunks: [JSON.stringify({ record: value() })] });
    expect(answer.status).toBe(204);
    expect(receipts).toHaveLength(1);
  });

  it('passes an unexpected failure to next() when there is one', async () => {
    const failing = toNodeHandler(() => Promise.reject(new Error('boom')));
    const errors: unknown[] = [];
    const port = await serve((req, res) =>
      failing(req, res, (error) => {
        errors.push(error);
        res.statusCode = 502;
        res.end();
      }),
    );
    expect((await send(port, { headers: JSON_TYPE, chunks: ['{}'] })).status).toBe(502);
    expect(errors).toEqual([expect.objectContaining({ message: 'boom' })]);
  });
});

describe('the endpoint on node:http, refusing what an attack on loopback tried', () => {
  const own = (port: number) => ({ ...JSON_TYPE, origin: `http://www.mutuelle.example:${port}`, 'sec-fetch-site': 'same-origin' });

  it.each(['http://evil.example/temoin/consent', '//evil.example/temoin/consent'])(
    'takes the origin from Host, not from a request line naming %s: that Origin gets 403',
    async (path) => {
      const { handler, receipts } = endpoint();
      const port = await serve(handler);
      const answer = await send(port, { path, headers: { ...JSON_TYPE, origin: 'http://evil.example' }, chunks: [JSON.stringify({ record: value() })] });
      expect([answer.status, answer.headers['set-cookie'], receipts]).toEqual([403, undefined, []]);
      // The site's own origin, from Host, is still accepted on the same request line.
      const accepted = await send(port, { path, headers: own(port), chunks: [JSON.stringify({ record: value() })] });
      expect(accepted.status).toBe(204);
    },
  );

  it('refuses a body still arriving after bodyTimeoutMs with 408, a JSON error, and closes the socket', async () => {
    const receipts: ConsentReceipt[] = [];
    const port = await serve(toNodeHandler(consentHandler({ config, bodyTimeoutMs: 200, onReceipt: (r) => void receipts.push(r) })));
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    const closed = new Promise((done) => socket.on('close', done));
    const body = JSON.stringify({ record: value() });
    socket.write(`POST /temoin/consent HTTP/1.1\r\nHost: www.mutuelle.example\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
    // A byte every 50 ms: the body would take seconds.
    let sent = 0;
    const drip = setInterval(() => !socket.destroyed && sent < body.length && socket.write(body[sent++]), 50);
    await closed;
    clearInterval(drip);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(answer).not.toMatch(/set-cookie/i);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({ error: expect.any(String) });
    expect(sent).toBeLessThan(body.length);
    expect(receipts).toEqual([]);
  });

  it('refuses a request without Host with 400 and a JSON error', async () => {
    const port = await serve(endpoint().handler);
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    const closed = new Promise((done) => socket.on('close', done));
    socket.end('POST /temoin/consent HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{"record":null}');
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).not.toMatch(/set-cookie/i);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({ error: expect.stringMatching(/Host/) });
  });

  it('answers 500 with a JSON error when the handler fails and there is no next()', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const port = await serve(toNodeHandler(() => Promise.reject(new Error('boom'))));
    const answer = await send(port, { headers: JSON_TYPE, chunks: ['{}'] });
    expect([answer.status, answer.headers['content-type'], answer.headers['set-cookie']]).toEqual([500, expect.stringMatching(/^application\/json/), undefined]);
    expect(JSON.parse(answer.body)).toEqual({ error: expect.any(String) });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});

describe('the endpoint behind a proxy that terminates TLS', () => {
  const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'www.mutuelle.example' };

  it('with trustProxy, takes the scheme and host from X-Forwarded-*: Secure cookie, the public origin accepted', async () => {
    const port = await serve(endpoint({ trustProxy: true }).handler);
    const answer = await send(port, {
      headers: { ...JSON_TYPE, ...forwarded, origin: 'https://www.mutuelle.example', 'sec-fetch-site': 'same-origin' },
      chunks: [JSON.stringify({ record: value() })],
    });
    expect(answer.status).toBe(204);
    expect(answer.headers['set-cookie']?.[0]).toMatch(/; Secure$/);
  });

  it('with trustProxy, still refuses an Origin other than the forwarded one', async () => {
    const port = await serve(endpoint({ trustProxy: true }).handler);
    const answer = await send(port, {
      headers: { ...JSON_TYPE, ...forwarded, origin: `http://www.mutuelle.example:${port}` },
      chunks: [JSON.stringify({ record: value() })],
    });
    expect([answer.status, answer.headers['set-cookie']]).toEqual([403, undefined]);
  });

  it('without trustProxy, ignores X-Forwarded-*: the forwarded origin is another one, and there is no Secure', async () => {
    const port = await serve(endpoint().handler);
    const refused = await send(port, {
      headers: { ...JSON_TYPE, ...forwarded, origin: 'https://www.mutuelle.example' },
      chunks: [JSON.stringify({ record: value() })],
    });
    expect([refused.status, refused.headers['set-cookie']]).toEqual([403, undefined]);
    const accepted = await send(port, { headers: { ...JSON_TYPE, ...forwarded }, chunks: [JSON.stringify({ record: value() })] });
    expect(accepted.status).toBe(204);
    expect(accepted.headers['set-cookie']?.[0]).not.toMatch(/Secure/);
  });

  it.each(['foo', 'javascript', 'file', 'ws'])(
    'with trustProxy, refuses X-Forwarded-Proto: %s with 400, even with Origin: null',
    async (proto) => {
      const { handler, receipts } = endpoint({ trustProxy: true });
      const port = await serve(handler);
      const answer = await send(port, {
        headers: { ...JSON_TYPE, 'x-forwarded-proto': proto, 'x-forwarded-host': 'www.mutuelle.example', origin: 'null' },
        chunks: [JSON.stringify({ record: value() })],
      });
      expect([answer.status, answer.headers['set-cookie'], receipts]).toEqual([400, undefined, []]);
      expect(JSON.parse(answer.body)).toEqual({ error: expect.stringMatching(/X-Forwarded-Proto/) });
    },
  );

  it('with trustProxy, takes HTTPS in capitals as https', async () => {
    const port = await serve(endpoint({ trustProxy: true }).handler);
    const answer = await send(port, {
      headers: { ...JSON_TYPE, 'x-forwarded-proto': 'HTTPS', 'x-forwarded-host': 'www.mutuelle.example', origin: 'https://www.mutuelle.example' },
      chunks: [JSON.stringify({ record: value() })],
    });
    expect([answer.status, answer.headers['set-cookie']?.[0]]).toEqual([204, expect.stringMatching(/; Secure$/)]);
  });

  it('with trustProxy, uses the first value of a header that lists several proxies', async () => {
    const port = await serve(endpoint({ trustProxy: true }).handler);
    const answer = await send(port, {
      headers: { ...JSON_TYPE, 'x-forwarded-proto': 'https, http', 'x-forwarded-host': 'www.mutuelle.example, internal:8080', origin: 'https://www.mutuelle.example' },
      chunks: [JSON.stringify({ record: value() })],
    });
    expect(answer.status).toBe(204);
  });
});

describe('temoin/server as Node imports it', () => {
  it('loads where there is no DOM, and answers a call', () => {
    // A child Node, resolving the package's own `exports` from the built dist/: no DOM, no Vite.
    const script = `
      const { consentHandler } = await import('temoin/server');
      const handle = consentHandler({ config: { tenant: { id: 'mutuelle', name: 'Mutuelle' }, trackers: [] } });
      const response = await handle(new Request('http://x.example/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"record":null}' }));
      console.log(typeof document, response.status);`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(output.trim()).toBe('undefined 204');
  });
});
