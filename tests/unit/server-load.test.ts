// @vitest-environment node
import { Agent, createServer, request } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse';
import type { TemoinConfig } from '../../src/config/types';
import { createRecord, encodeRecord } from '../../src/consent/record';
import { consentHandler, toNodeHandler } from '../../src/server/index';

/**
 * The endpoint under load, on loopback only: 2,000 valid calls, 50 in flight, while 100 slow
 * clients send their bodies a byte at a time. It checks that every call is answered 204 and every
 * receipt stored exactly once, and that each slow client gets 408 and loses its socket; the rate is
 * printed, never asserted.
 */
const CALLS = 2000;
const IN_FLIGHT = 50;
const SLOW = 100;
const BODY_TIMEOUT_MS = 1000;

const config: TemoinConfig = {
  tenant: { id: 'mutuelle', name: 'Mutuelle' },
  trackers: ['matomo', 'google-analytics', 'zendesk', 'lisio'],
};

it('answers 2,000 valid calls, 50 at a time, each with 204, and stores each receipt exactly once, beside 100 slow bodies each refused 408', async () => {
  const stored = new Map<string, number>();
  const handler = consentHandler({
    config,
    bodyTimeoutMs: BODY_TIMEOUT_MS,
    // An async store, as a database would be.
    onReceipt: async (receipt) => {
      await new Promise((done) => setImmediate(done));
      stored.set(receipt.id, (stored.get(receipt.id) ?? 0) + 1);
    },
  });
  const server = createServer(toNodeHandler(handler));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });

  const resolved = parseConfig(config);
  const choices = Array.from({ length: CALLS }, (_, i) =>
    createRecord(resolved, { matomo: i % 2 === 0 ? 1 : 0, 'google-analytics': i % 3 === 0 ? 1 : 0, zendesk: 0 }),
  );
  const records = choices.map(encodeRecord);
  const post = (record: string) =>
    new Promise<{ status: number; cookie: string | undefined }>((resolve, reject) => {
      const body = JSON.stringify({ record });
      const origin = `http://127.0.0.1:${port}`;
      const req = request(
        { host: '127.0.0.1', port, agent, method: 'POST', path: '/temoin/consent', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', origin } },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, cookie: res.headers['set-cookie']?.[0] }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  /** A client sending a valid call's body a byte every 100 ms (seconds in all); the answer it gets once its socket closes. */
  const slow = (record: string) =>
    new Promise<string>((resolve) => {
      const body = JSON.stringify({ record });
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
      socket.write(`POST /temoin/consent HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
      let sent = 0;
      const drip = setInterval(() => (sent < body.length ? socket.write(body[sent++]) : socket.end()), 100);
      socket.on('close', () => (clearInterval(drip), resolve(answer)));
      socket.on('error', () => {});
    });
  const slowAnswers = Promise.all(Array.from({ length: SLOW }, (_, i) => slow(records[i])));

  const statuses: number[] = [];
  const cookies = new Set<string>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < CALLS) {
        const record = records[next++];
        const { status, cookie } = await post(record);
        statuses.push(status);
        if (cookie?.startsWith(`temoin=${record};`)) cookies.add(record);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const refused = await slowAnswers;
  agent.destroy();
  await new Promise((done) => server.close(done));

  console.log(`consent endpoint: ${CALLS} calls, ${IN_FLIGHT} in flight, ${Math.round(CALLS / seconds)} calls/s on loopback`);
  expect(statuses).toHaveLength(CALLS);
  expect(statuses.every((status) => status === 204)).toBe(true);
  expect(cookies.size).toBe(CALLS);
  expect(stored.size).toBe(CALLS);
  expect([...stored.values()].every((count) => count === 1)).toBe(true);
  expect(new Set(stored.keys())).toEqual(new Set(choices.map((choice) => choice.id)));
  expect(refused.filter((answer) => /^HTTP\/1\.1 408 /.test(answer) && !/set-cookie/i.test(answer))).toHaveLength(SLOW);
}, 60_000);
