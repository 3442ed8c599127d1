import { TemoinConfigError } from '../config/error';
import { parseConfig } from '../config/parse';
import type { ResolvedConfig, TemoinConfig } from '../config/types';
import { decodeRecord } from '../consent/record';

/**
 * What the server learns of a choice (docs/contract.md §11): the consent record, decoded by the
 * widget's own decoder, and when it arrived. Nothing about the visitor: no IP address, no user agent.
 * `id` identifies the choice: a call the widget sends again after a failure carries the same one.
 */
export interface ConsentReceipt {
  /** The random id of the choice (128 bits, base64url). */
  id: string;
  tenant: string;
  revision: number;
  /** The decision for each tracker that needs consent: `true` when granted. */
  decisions: Record<string, boolean>;
  /** ISO 8601, UTC. */
  decidedAt: string;
  expiresAt: string;
  /** Fingerprint of the config the choice was given under; `null` for a choice stored before fingerprints. */
  configFingerprint: string | null;
  /** When the server received the call, ISO 8601, UTC. */
  receivedAt: string;
}

export interface ConsentHandlerOptions {
  /**
   * The site's config, as the widget gets it; or a function of the request returning it (or a
   * promise of it), for a portal serving several tenants.
   */
  config: TemoinConfig | ((request: Request) => TemoinConfig | Promise<TemoinConfig>);
  /**
   * Stores the receipt of each valid choice. When it throws, rejects or has not settled within
   * `receiptTimeoutMs`, the call answers 503 and the widget sends it again later. A store keeps the
   * first receipt of an id and ignores later ones (docs/contract.md §11).
   */
  onReceipt?: (receipt: ConsentReceipt) => void | Promise<void>;
  /** How long `onReceipt` may take before the call answers 503; default 10 s. */
  receiptTimeoutMs?: number;
  /** How long the body may take to arrive, from the first read, before the call answers 408; default 5 s. */
  bodyTimeoutMs?: number;
}

/** The largest body accepted: a record stays under 1 KB (docs/contract.md §6). */
export const MAX_BODY_BYTES = 4096;

/** A choice's body is under 1 KB: a client still sending it after this long is holding a socket. */
const BODY_TIMEOUT_MS = 5_000;
/** A store that has not answered by then is taken as down: the widget sends the call again later. */
const RECEIPT_TIMEOUT_MS = 10_000;

/** A refusal: a JSON `{"error": "…"}`, never a `Set-Cookie` (docs/contract.md §11). */
export const refusal = (status: number, error: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ error }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });

/**
 * Another site must never be able to set a visitor's consent (docs/contract.md §11): a form or a
 * fetch on an attacker's page posting here carries `Sec-Fetch-Site: cross-site` (or `same-site` from
 * a sibling sub-domain) and its own `Origin`. A client that sends neither is no browser acting for a
 * visitor, and the cookie it gets back is its own.
 */
function crossSite(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  const origin = request.headers.get('origin');
  // `Origin: null` (a sandboxed frame, a data: page) names no site, and never matches: the origin of
  // a URL of another scheme than http(s) is "null" too.
  return (site !== null && site !== 'same-origin') || (origin !== null && (origin === 'null' || origin !== new URL(request.url).origin));
}

/** `promise`, or `late` once `ms` have passed; a later rejection of `promise` is handled here, never unhandled. */
async function within<T>(promise: Promise<T>, ms: number, late: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([promise, new Promise<T>((resolve) => (timer = setTimeout(resolve, ms, late)))]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The body as text, reading no further than `MAX_BODY_BYTES` whatever `Content-Length` says
 * (`'too large'` past it) and for no longer than `timeoutMs` (`'too slow'`): a client sending a
 * byte at a time holds its socket no longer than that.
 */
async function boundedText(request: Request, timeoutMs: number): Promise<string | 'too large' | 'too slow'> {
  if (Number(request.headers.get('content-length')) > MAX_BODY_BYTES) {
    await request.body?.cancel();
    return 'too large';
  }
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const read = async (): Promise<'too large' | undefined> => {
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader!.read()) {
      size += chunk.value.byteLength;
      if (size > MAX_BODY_BYTES) return 'too large';
      chunks.push(chunk.value);
    }
  };
  const problem = await within(read(), timeoutMs, 'too slow' as const);
  if (problem) {
    // Not awaited: a source that never answers must not hold the refusal.
    reader!.cancel().catch(() => {});
    return problem;
  }
  const body = new Uint8Array(size);
  chunks.reduce((at, chunk) => (body.set(chunk, at), at + chunk.byteLength), 0);
  return new TextDecoder().decode(body);
}

/** `{"record": "<cookie value>"}` or `{"record": null}`, nothing else; `undefined` otherwise. */
function recordOf(text: string): string | null | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const keys = Object.keys(body);
  const record = (body as { record?: unknown }).record;
  return keys.length === 1 && keys[0] === 'record' && (record === null || typeof record === 'string') ? record : undefined;
}

/**
 * The consent cookie as the widget writes it (docs/contract.md §6), set by the server so that Safari
 * keeps it for its whole life: `Max-Age` counts down to the record's own expiry (RFC 6265 §5.2.2).
 * Not `HttpOnly`: the widget reads it.
 */
function setCookie(config: ResolvedConfig, value: string, maxAge: number, secure: boolean): string {
  const domain = config.tenant.cookieDomain;
  return `${config.cookieName}=${value}; Path=/; Max-Age=${maxAge}; SameSite=Lax${secure ? '; Secure' : ''}${domain ? `; Domain=${domain}` : ''}`;
}

/**
 * The consent endpoint (docs/contract.md §11) as a WHATWG fetch handler: it re-issues the consent
 * cookie the widget posts, with `Set-Cookie`, and gives `onReceipt` the receipt of the choice.
 * Every refusal is a JSON `{"error": "…"}` without `Set-Cookie`.
 * @throws {TemoinConfigError} when `config` is an invalid config (a function's result is checked per request: 500).
 * @throws {TypeError} when `receiptTimeoutMs` or `bodyTimeoutMs` is not a number of milliseconds from 1 to 2^31 - 1.
 */
export function consentHandler({
  config,
  onReceipt,
  receiptTimeoutMs = RECEIPT_TIMEOUT_MS,
  bodyTimeoutMs = BODY_TIMEOUT_MS,
}: ConsentHandlerOptions): (request: Request) => Promise<Response> {
  // setTimeout takes at most 2^31 - 1 ms, and fires at once past it.
  for (const [name, ms] of Object.entries({ receiptTimeoutMs, bodyTimeoutMs })) {
    if (!(typeof ms === 'number' && ms >= 1 && ms <= 2 ** 31 - 1)) throw new TypeError(`temoin: ${name} must be a number of milliseconds from 1 to 2147483647`);
  }
  const fixed = typeof config === 'function' ? undefined : parseConfig(config);
  // A portal's function often returns the same object per tenant: it is validated once.
  const resolved = new WeakMap<object, ResolvedConfig>();
  async function configFor(request: Request): Promise<ResolvedConfig> {
    if (fixed) return fixed;
    const input = await (config as (request: Request) => TemoinConfig | Promise<TemoinConfig>)(request);
    const known = typeof input === 'object' && input !== null ? resolved.get(input) : undefined;
    if (known) return known;
    const parsed = parseConfig(input);
    resolved.set(input, parsed);
    return parsed;
  }

  async function answer(request: Request): Promise<Response> {
    if (request.method !== 'POST') return refusal(405, 'only POST is allowed', { allow: 'POST' });
    if (crossSite(request)) return refusal(403, 'cross-site calls are refused');
    const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') return refusal(415, 'the body must be application/json');
    const text = await boundedText(request, bodyTimeoutMs);
    if (text === 'too large') return refusal(413, `the body must not exceed ${MAX_BODY_BYTES} bytes`);
    if (text === 'too slow') return refusal(408, `the body must arrive within ${bodyTimeoutMs} ms`);
    const value = recordOf(text);
    if (value === undefined) return refusal(400, 'the body must be {"record": "<consent cookie value>"} or {"record": null}');

    let site: ResolvedConfig;
    try {
      site = await configFor(request);
    } catch (error) {
      console.error(error instanceof TemoinConfigError ? error.message : error);
      return refusal(500, 'the site’s temoin config is invalid or unavailable');
    }
    const secure = new URL(request.url).protocol === 'https:';
    const cookie = (value: string, maxAge: number) =>
      new Response(null, { status: 204, headers: { 'set-cookie': setCookie(site, value, maxAge, secure), 'cache-control': 'no-store' } });
    // reset(): the visitor withdrew the choice, there is nothing to prove.
    if (value === null) return cookie('', 0);

    const now = Date.now();
    const record = decodeRecord(value, site, now);
    if (!record) return refusal(400, 'the record is not a valid choice for this config');
    // Under a second left would make `Max-Age=0`: a receipt for a cookie deleted by the same answer.
    const maxAge = Math.floor((record.expiresAt - now) / 1000);
    if (maxAge < 1) return refusal(400, 'the record expires in less than a second');
    const receipt: ConsentReceipt = {
      id: record.id,
      tenant: record.tenant,
      revision: record.revision,
      decisions: Object.fromEntries(Object.entries(record.decisions).map(([id, decision]) => [id, decision === 1])),
      decidedAt: new Date(record.decidedAt).toISOString(),
      expiresAt: new Date(record.expiresAt).toISOString(),
      configFingerprint: record.configFingerprint ?? null,
      receivedAt: new Date(now).toISOString(),
    };
    let stored: 'stored' | 'late';
    try {
      stored = await within(
        Promise.resolve(onReceipt?.(receipt)).then(() => 'stored' as const),
        receiptTimeoutMs,
        'late',
      );
    } catch (error) {
      console.error('temoin: onReceipt failed; the widget will send the choice again', error);
      return refusal(503, 'the receipt could not be stored; try again later');
    }
    if (stored === 'late') {
      console.error(`temoin: onReceipt did not settle within ${receiptTimeoutMs} ms; the widget will send the choice again`);
      return refusal(503, 'the receipt store did not answer in time; try again later');
    }
    return cookie(value, maxAge);
  }

  return async (request) => {
    try {
      return await answer(request);
    } catch (error) {
      // A body stream that fails, or any other surprise: still a JSON answer, never a hung call.
      console.error('temoin: the consent endpoint failed', error);
      return refusal(500, 'the call could not be handled');
    }
  };
}
