// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/config/parse';
import type { TemoinConfig } from '../../src/config/types';
import { type ConsentRecord, createRecord, encodeRecord } from '../../src/consent/record';
import { type ConsentReceipt, consentHandler, TemoinConfigError } from '../../src/server/index';

const SITE = 'https://www.mutuelle.example';
const ENDPOINT = `${SITE}/temoin/consent`;
const DAY = 86_400_000;

function siteConfig(tenant: Partial<TemoinConfig['tenant']> = {}, overrides: Partial<TemoinConfig> = {}): TemoinConfig {
  return { tenant: { id: 'mutuelle', name: 'Mutuelle', ...tenant }, trackers: ['matomo', 'google-analytics', 'lisio'], ...overrides };
}

/** A choice made `at` under `config`, as the consent cookie holds it. */
function cookieValue(config: TemoinConfig = siteConfig(), at = new Date(), change: Partial<ConsentRecord> = {}): string {
  return encodeRecord({ ...createRecord(parseConfig(config), { matomo: 1, 'google-analytics': 0 }, at), ...change });
}

interface Call {
  method?: string;
  url?: string;
  headers?: Record<string, string>;
  body?: BodyInit | null;
}

/** A call as the widget makes it: same-origin POST of JSON. */
function call({ method = 'POST', url = ENDPOINT, headers = {}, body }: Call = {}): Request {
  return new Request(url, {
    method,
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', origin: new URL(url).origin, ...headers },
    body: method === 'GET' || method === 'HEAD' ? null : body,
    duplex: 'half',
  } as RequestInit);
}

const post = (record: unknown, init: Call = {}) => call({ body: JSON.stringify({ record }), ...init });

/** A handler for `config` collecting the receipts it is given. */
function endpoint(config: TemoinConfig = siteConfig()) {
  const receipts: ConsentReceipt[] = [];
  const handle = consentHandler({ config, onReceipt: (receipt) => void receipts.push(receipt) });
  return { handle, receipts };
}

/** `Max-Age` of the response's `Set-Cookie`, in seconds. */
const maxAge = (response: Response) => Number(/Max-Age=(\d+)/.exec(response.headers.get('set-cookie') ?? '')?.[1]);

/** A refusal: its status, no cookie, a JSON body with an error, and no receipt. */
async function expectRefusal(response: Response, status: number, receipts: ConsentReceipt[] = []): Promise<string> {
  expect(response.status).toBe(status);
  expect(response.headers.get('set-cookie')).toBeNull();
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: unknown };
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error).toBe('string');
  expect(receipts).toEqual([]);
  return body.error as string;
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('a visitor’s choice posted to the endpoint', () => {
  it('gets 204 and the same cookie back, set by the server until the record expires', async () => {
    const { handle } = endpoint();
    const value = cookieValue();
    const response = await handle(post(value));
    expect(response.status).toBe(204);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie.split('; ')).toEqual(['temoin=' + value, 'Path=/', `Max-Age=${maxAge(response)}`, 'SameSite=Lax', 'Secure']);
    expect(cookie).not.toMatch(/HttpOnly/i);
  });

  it('gets the cookie without Secure over http, with the config’s name and Domain', async () => {
    const config = siteConfig({ cookieDomain: 'mutuelle.example' }, { cookieName: 'consent_mutuelle' });
    const { handle } = endpoint(config);
    const value = cookieValue(config);
    const response = await handle(post(value, { url: 'http://www.mutuelle.example/temoin/consent' }));
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')!.split('; ')).toEqual([
      'consent_mutuelle=' + value,
      'Path=/',
      `Max-Age=${maxAge(response)}`,
      'SameSite=Lax',
      'Domain=mutuelle.example',
    ]);
  });

  it('gives onReceipt the decoded choice, when it arrived, and nothing about the visitor', async () => {
    const { handle, receipts } = endpoint();
    const decided = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    const record = createRecord(parseConfig(siteConfig()), { matomo: 1, 'google-analytics': 0 }, decided);
    const before = Date.now();
    await handle(post(encodeRecord(record), { headers: { 'user-agent': 'Visitor/1.0', 'x-forwarded-for': '203.0.113.7' } }));
    expect(receipts).toHaveLength(1);
    const [receipt] = receipts;
    expect(Object.keys(receipt).sort()).toEqual(
      ['configFingerprint', 'decidedAt', 'decisions', 'expiresAt', 'id', 'receivedAt', 'revision', 'tenant'].sort(),
    );
    expect(receipt).toMatchObject({
      id: record.id,
      tenant: 'mutuelle',
      revision: 1,
      decisions: { matomo: true, 'google-analytics': false },
      decidedAt: decided.toISOString(),
      expiresAt: new Date(record.expiresAt).toISOString(),
      configFingerprint: parseConfig(siteConfig()).fingerprint,
    });
    expect(Date.parse(receipt.receivedAt)).toBeGreaterThanOrEqual(before - 1);
    expect(JSON.stringify(receipt)).not.toMatch(/Visitor|203\.0\.113/);
  });

  it('awaits an async onReceipt before answering', async () => {
    let stored = false;
    const handle = consentHandler({
      config: siteConfig(),
      onReceipt: () => new Promise<void>((done) => setTimeout(() => ((stored = true), done()), 20)),
    });
    expect((await handle(post(cookieValue()))).status).toBe(204);
    expect(stored).toBe(true);
  });

  it('accepts application/json with a charset, and a call that sends neither Sec-Fetch-Site nor Origin', async () => {
    const { handle } = endpoint();
    const bare = new Request(ENDPOINT, { method: 'POST', headers: { 'content-type': 'Application/JSON; charset=utf-8' }, body: JSON.stringify({ record: cookieValue() }) });
    expect((await handle(bare)).status).toBe(204);
  });

  it('works without onReceipt', async () => {
    const handle = consentHandler({ config: siteConfig() });
    expect((await handle(post(cookieValue()))).status).toBe(204);
  });
});

describe('a reset posted to the endpoint', () => {
  it('clears the cookie with Max-Age=0 and gives no receipt', async () => {
    const { handle, receipts } = endpoint(siteConfig({ cookieDomain: 'mutuelle.example' }));
    const response = await handle(post(null));
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toBe('temoin=; Path=/; Max-Age=0; SameSite=Lax; Secure; Domain=mutuelle.example');
    expect(receipts).toEqual([]);
  });
});

describe('the cookie’s Max-Age', () => {
  // Expiries written out by hand: the calendar, not the code under test, decides them.
  it.each([
    ['2026-08-31T10:00:00Z', 6, '2027-02-28T10:00:00Z'],
    ['2027-08-31T10:00:00Z', 6, '2028-02-29T10:00:00Z'],
    ['2027-01-31T23:59:59Z', 6, '2027-07-31T23:59:59Z'],
    ['2026-03-31T08:00:00Z', 6, '2026-09-30T08:00:00Z'],
    ['2026-12-31T08:00:00Z', 8, '2027-08-31T08:00:00Z'],
    ['2027-05-31T08:00:00Z', 9, '2028-02-29T08:00:00Z'],
    ['2028-02-29T12:00:00Z', 12, '2029-02-28T12:00:00Z'],
  ])('of a choice made on %s kept %i months counts down to %s', async (decided, months, expires) => {
    const config = siteConfig({ consentMaxAgeMonths: months });
    const value = cookieValue(config, new Date(decided));
    // Received 3 days, 4 hours and half a second after the choice: whole seconds left, rounded down.
    const now = Date.parse(decided) + 3 * DAY + 4 * 3_600_000 + 500;
    vi.useFakeTimers({ toFake: ['Date'], now });
    const response = await endpoint(config).handle(post(value));
    expect(response.status).toBe(204);
    expect(maxAge(response)).toBe(Math.floor((Date.parse(expires) - now) / 1000));
  });
});

describe('the endpoint refusing a call, with a JSON error and no cookie', () => {
  it.each(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'])('answers 405 to %s, allowing POST', async (method) => {
    const { handle, receipts } = endpoint();
    const response = await handle(call({ method, body: JSON.stringify({ record: cookieValue() }) }));
    expect(response.headers.get('allow')).toBe('POST');
    if (method === 'HEAD') expect(response.status).toBe(405);
    else await expectRefusal(response, 405, receipts);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', 'text/json'])(
    'answers 415 to a body of type %s',
    async (type) => {
      const { handle, receipts } = endpoint();
      await expectRefusal(await handle(post(cookieValue(), { headers: { 'content-type': type } })), 415, receipts);
    },
  );

  it('answers 415 to a body without a type', async () => {
    const { handle, receipts } = endpoint();
    const request = new Request(ENDPOINT, { method: 'POST', body: new Uint8Array([123, 125]) });
    expect(request.headers.get('content-type')).toBeNull();
    await expectRefusal(await handle(request), 415, receipts);
  });

  it.each([
    ['not JSON', '{"record": '],
    ['empty', ''],
    ['an array', '["1.mutuelle"]'],
    ['a string', '"1.mutuelle"'],
    ['null', 'null'],
    ['without record', '{}'],
    ['a number record', '{"record": 1}'],
    ['an object record', '{"record": {"id": "x"}}'],
    ['another field beside record', '{"record": null, "visitor": "x"}'],
  ])('answers 400 to a body that is %s', async (_, body) => {
    const { handle, receipts } = endpoint();
    await expectRefusal(await handle(call({ body })), 400, receipts);
  });

  it('answers 413 to a body over 4 KB, announced by Content-Length', async () => {
    const { handle, receipts } = endpoint();
    const body = JSON.stringify({ record: 'x'.repeat(4100) });
    await expectRefusal(await handle(call({ body })), 413, receipts);
  });

  it('answers 413 to a body over 4 KB of unknown length, after reading no more than the limit and one chunk', async () => {
    const { handle, receipts } = endpoint();
    let pulled = 0;
    // An endless body: the handler must stop reading it.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1000;
        controller.enqueue(new Uint8Array(1000).fill(32));
      },
    });
    await expectRefusal(await handle(call({ body })), 413, receipts);
    expect(pulled).toBeLessThanOrEqual(4096 + 1000 * 3);
  });

  it('answers 413 to a body over 4 KB whose Content-Length says less', async () => {
    const { handle, receipts } = endpoint();
    const big = new TextEncoder().encode(JSON.stringify({ record: 'x'.repeat(5000) }));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(big);
        controller.close();
      },
    });
    await expectRefusal(await handle(call({ body, headers: { 'content-length': '20' } })), 413, receipts);
  });

  it('accepts a body of exactly 4 KB as far as its size goes', async () => {
    const { handle } = endpoint();
    const body = JSON.stringify({ record: null }).padEnd(4096, ' ');
    expect((await handle(call({ body }))).status).toBe(204);
  });

  it.each([
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }],
    ['Sec-Fetch-Site: same-site (a sibling sub-domain)', { 'sec-fetch-site': 'same-site', origin: 'https://blog.mutuelle.example' }],
    ['Sec-Fetch-Site: none (typed in the address bar)', { 'sec-fetch-site': 'none' }],
    ['Sec-Fetch-Site: cross-site with our own Origin forged in', { 'sec-fetch-site': 'cross-site' }],
    ['an Origin of another site', { origin: 'https://evil.example' }],
    ['an Origin of the other scheme', { origin: 'http://www.mutuelle.example' }],
    ['an Origin of another port', { origin: 'https://www.mutuelle.example:8443' }],
    ['Origin: null (a sandboxed frame, a data: page)', { origin: 'null' }],
  ])('answers 403 to a call with %s', async (_, headers) => {
    const { handle, receipts } = endpoint();
    const request = post(cookieValue(), { headers: headers as Record<string, string> });
    if (!('sec-fetch-site' in headers)) request.headers.delete('sec-fetch-site');
    await expectRefusal(await handle(request), 403, receipts);
  });

  it('answers 403 to Origin: null on a request whose own origin is null too (a URL of another scheme than http(s))', async () => {
    const { handle, receipts } = endpoint();
    const request = post(cookieValue(), { url: 'foo://www.mutuelle.example/temoin/consent', headers: { origin: 'null' } });
    request.headers.delete('sec-fetch-site');
    expect(new URL(request.url).origin).toBe('null');
    await expectRefusal(await handle(request), 403, receipts);
  });

  it('answers 403, not 415, to a form on another site posting text/plain', async () => {
    const { handle, receipts } = endpoint();
    // <form enctype="text/plain"> with an input named `{"record": "` makes a body that parses as JSON.
    const body = `{"record": "${cookieValue()}", "x": "="}`;
    const request = call({ body, headers: { 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' } });
    await expectRefusal(await handle(request), 403, receipts);
  });

  it('answers 403 to a cross-site reset', async () => {
    const { handle } = endpoint();
    await expectRefusal(await handle(post(null, { headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' } })), 403);
  });

  describe('answers 400 to a record that is no valid choice for this config', () => {
    const now = new Date();
    const tested = siteConfig({}, { revision: 2, trackers: ['matomo', 'google-analytics'] });
    it.each<[string, () => string]>([
      ['garbage', () => 'not-a-record'],
      ['empty', () => ''],
      ['of another tenant', () => cookieValue({ ...tested, tenant: { id: 'autre-mutuelle', name: 'Autre' } })],
      ['of an older revision', () => cookieValue({ ...tested, revision: 1 })],
      ['silent about a tracker of the config', () => cookieValue(tested, now, { decisions: { matomo: 1 } })],
      ['expiring later than consentMaxAgeMonths after the decision', () => cookieValue(tested, now, { expiresAt: now.getTime() + 200 * DAY })],
      ['decided in the future', () => cookieValue(tested, new Date(now.getTime() + DAY))],
      ['already expired', () => cookieValue(tested, new Date(now.getTime() - 200 * DAY))],
      ['altered by hand', () => cookieValue(tested).replace('matomo:1', 'matomo:3')],
    ])('%s', async (_, value) => {
      const { handle, receipts } = endpoint(tested);
      await expectRefusal(await handle(post(value())), 400, receipts);
    });

    it('but accepts the same record made under this config (the cases above differ by one thing)', async () => {
      expect((await endpoint(tested).handle(post(cookieValue(tested)))).status).toBe(204);
    });
  });

  describe('answers 400 to a record with less than a second left, which would be a receipt and Max-Age=0 in one answer', () => {
    const decided = Date.parse('2026-03-01T10:00:00Z');
    const expires = Date.parse('2026-09-01T10:00:00Z');
    it.each([
      ['999 ms left', expires - 999, 400],
      ['1 ms left', expires - 1, 400],
      ['exactly a second left', expires - 1000, 204],
    ])('%s', async (_, now, status) => {
      const value = cookieValue(siteConfig(), new Date(decided));
      vi.useFakeTimers({ toFake: ['Date'], now });
      const { handle, receipts } = endpoint();
      const response = await handle(post(value));
      if (status === 204) expect([response.status, maxAge(response), receipts.length]).toEqual([204, 1, 1]);
      else await expectRefusal(response, 400, receipts);
    });
  });

  describe('answers 408 to a body still arriving after the deadline', () => {
    /** A body that sends its first bytes, then nothing, never ending. */
    const stuck = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"record": '));
        },
      });

    it('set by bodyTimeoutMs', async () => {
      const receipts: ConsentReceipt[] = [];
      const handle = consentHandler({ config: siteConfig(), bodyTimeoutMs: 50, onReceipt: (receipt) => void receipts.push(receipt) });
      const error = await expectRefusal(await handle(call({ body: stuck() })), 408, receipts);
      expect(error).toMatch(/50 ms/);
    });

    it('of 5 s by default', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const { handle } = endpoint();
      let answered = false;
      const response = handle(call({ body: stuck() })).finally(() => (answered = true));
      await vi.advanceTimersByTimeAsync(4_999);
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await expectRefusal(await response, 408);
    });
  });

  it('answers 500 with a JSON error when the body fails while it is read', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { handle, receipts } = endpoint();
    const body = new ReadableStream<Uint8Array>({ pull: (controller) => controller.error(new Error('connection reset')) });
    await expectRefusal(await handle(call({ body })), 500, receipts);
    expect(console.error).toHaveBeenCalled();
  });
});

describe('a site whose onReceipt fails', () => {
  it.each([
    ['throws', () => {
      throw new Error('database down');
    }],
    ['rejects', () => Promise.reject(new Error('database down'))],
  ])('answers 503 without a cookie when it %s, so that the widget sends the choice again', async (_, onReceipt) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const handle = consentHandler({ config: siteConfig(), onReceipt });
    const response = await handle(post(cookieValue()));
    await expectRefusal(response, 503);
    expect(console.error).toHaveBeenCalled();
  });

  it('answers 503 without a cookie when it has not settled within receiptTimeoutMs', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const handle = consentHandler({ config: siteConfig(), receiptTimeoutMs: 50, onReceipt: () => new Promise<void>(() => {}) });
    await expectRefusal(await handle(post(cookieValue())), 503);
    expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/50 ms/));
  });

  it('waits 10 s for it by default, and a store that rejects after that goes unnoticed by the answer', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let fail: (error: Error) => void = () => {};
    const handle = consentHandler({ config: siteConfig(), onReceipt: () => new Promise<void>((_, reject) => (fail = reject)) });
    let answered = false;
    const response = handle(post(cookieValue())).finally(() => (answered = true));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expectRefusal(await response, 503);
    fail(new Error('database back, too late'));
  });
});

describe('a site developer building the endpoint', () => {
  it('is told at once that its config is invalid, naming the field', () => {
    expect(() => consentHandler({ config: { tenant: { id: 'Mutuelle', name: 'M' }, trackers: [] } })).toThrow(TemoinConfigError);
    expect(() => consentHandler({ config: { tenant: { id: 'Mutuelle', name: 'M' }, trackers: [] } })).toThrow(/tenant\.id/);
  });
});

describe('a site developer setting the endpoint’s time limits', () => {
  it.each([
    ['receiptTimeoutMs', 0],
    ['receiptTimeoutMs', -1],
    ['receiptTimeoutMs', Number.NaN],
    ['bodyTimeoutMs', '5000'],
    ['bodyTimeoutMs', 2 ** 31],
  ])('is told at once that %s: %j is no number of milliseconds setTimeout takes', (name, value) => {
    expect(() => consentHandler({ config: siteConfig(), [name]: value })).toThrow(new RegExp(`^temoin: ${name} must be a number of milliseconds`));
  });

  it('may set them from 1 ms to 2^31 - 1 ms', () => {
    expect(() => consentHandler({ config: siteConfig(), receiptTimeoutMs: 1, bodyTimeoutMs: 2 ** 31 - 1 })).not.toThrow();
  });
});

describe('a portal serving several tenants from one endpoint', () => {
  const tenants: Record<string, TemoinConfig> = {
    'www.azur.example': siteConfig({ id: 'azur', consentMaxAgeMonths: 12 }),
    'www.horizon.example': siteConfig({ id: 'horizon' }, { trackers: ['matomo'] }),
  };
  const tenantOf = (request: Request) => tenants[new URL(request.url).host];

  function portal(config: (request: Request) => TemoinConfig | Promise<TemoinConfig>) {
    const receipts: ConsentReceipt[] = [];
    return { handle: consentHandler({ config, onReceipt: (receipt) => void receipts.push(receipt) }), receipts };
  }

  it('decodes each call with the config of the request’s tenant', async () => {
    const { handle, receipts } = portal(tenantOf);
    const azur = await handle(post(cookieValue(tenants['www.azur.example']), { url: 'https://www.azur.example/temoin/consent' }));
    const horizon = await handle(post(cookieValue(tenants['www.horizon.example']), { url: 'https://www.horizon.example/temoin/consent' }));
    expect([azur.status, horizon.status]).toEqual([204, 204]);
    expect(receipts.map((r) => r.tenant)).toEqual(['azur', 'horizon']);
    // 12 months against 6: the Max-Age follows each tenant's own setting.
    expect(maxAge(azur)).toBeGreaterThan(maxAge(horizon) + 150 * 86_400);
  });

  it('accepts a function returning a promise of the config', async () => {
    const { handle } = portal(async (request) => tenantOf(request));
    expect((await handle(post(cookieValue(tenants['www.azur.example']), { url: 'https://www.azur.example/c' }))).status).toBe(204);
  });

  it('refuses, with 400, one tenant’s record posted to another tenant', async () => {
    const { handle, receipts } = portal(tenantOf);
    const request = post(cookieValue(tenants['www.azur.example']), { url: 'https://www.horizon.example/temoin/consent' });
    await expectRefusal(await handle(request), 400, receipts);
  });

  it('answers 500 with a JSON error when the function gives an invalid config, or throws', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const invalid = portal(() => ({ tenant: { id: 'Azur!', name: 'Azur' }, trackers: [] }));
    await expectRefusal(await invalid.handle(post(cookieValue())), 500);
    const throwing = portal(() => {
      throw new Error('unknown host');
    });
    await expectRefusal(await throwing.handle(post(cookieValue())), 500);
    expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/tenant\.id/));
  });

  it('does not ask for the config of a call it refuses anyway', async () => {
    const config = vi.fn(tenantOf);
    const { handle } = portal(config);
    await handle(call({ method: 'GET' }));
    await handle(post(cookieValue(), { headers: { 'sec-fetch-site': 'cross-site' } }));
    await handle(call({ body: '{"x": 1}' }));
    expect(config).not.toHaveBeenCalled();
  });
});
