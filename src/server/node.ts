import { refusal } from './handler';

/**
 * What `toNodeHandler` uses of Node's `IncomingMessage` (and of Express's and Connect's requests,
 * which extend it), so that the types of `temoin/server` need no `@types/node`.
 */
export interface NodeRequest {
  method?: string;
  url?: string;
  /** Express: the URL before a mount path was stripped. */
  originalUrl?: string;
  headers: Record<string, string | string[] | undefined>;
  /** A TLS socket has `encrypted: true`. */
  socket: object;
  /** `true` once the body has been read, by a body parser mounted before the endpoint for instance. */
  readableEnded?: boolean;
  complete?: boolean;
  /** What such a body parser left. */
  body?: unknown;
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  pause(): unknown;
  resume(): unknown;
}

export interface NodeResponse {
  statusCode: number;
  /** `true` once the status and headers are on their way. */
  headersSent?: boolean;
  setHeader(name: string, value: string | string[]): unknown;
  end(body?: Uint8Array): unknown;
}

export interface NodeHandlerOptions {
  /**
   * Take the scheme and host from `X-Forwarded-Proto` and `X-Forwarded-Host`: set it when a proxy
   * that sets them (and strips the visitor's own) terminates TLS in front of the server. The scheme
   * decides `Secure`, the host is the origin that calls must come from.
   */
  trustProxy?: boolean;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.split(',')[0].trim() || undefined;

/**
 * The body as a stream that reads the request only as the handler pulls, so that a refusal of a
 * too-large body stops reading it. A body a parser already read is given as it left it.
 */
function bodyOf(req: NodeRequest): BodyInit | null {
  if (req.method === 'GET' || req.method === 'HEAD') return null;
  if (req.readableEnded) {
    const { body } = req;
    return body === undefined ? '' : typeof body === 'string' ? body : body instanceof Uint8Array ? new Uint8Array(body) : JSON.stringify(body);
  }
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk) => {
        controller.enqueue(new Uint8Array(chunk));
        req.pause();
      });
      req.on('end', () => controller.close());
      req.on('error', (error) => controller.error(error));
    },
    pull: () => void req.resume(),
    cancel: () => void req.pause(),
  });
}

/** A host and an optional port, as `Host` carries them: a name, an IPv4 or a bracketed IPv6 address. */
const HOST = /^([\w-]+(\.[\w-]+)*|\[[0-9a-f:.]+\])(:\d{1,5})?$/i;

/**
 * The `Request` the fetch handler sees: the URL the visitor's browser used, its headers, the body as
 * a stream; a refusal when there is no such URL. The origin comes from `Host` (or, with
 * `trustProxy`, the forwarded host and an `http` or `https` scheme), never from the request line,
 * whose absolute form (`POST http://evil.example/…`) would let the caller pick the origin its
 * `Origin` is compared with: of the request line, only the path and query are kept.
 */
function toRequest(req: NodeRequest, { trustProxy = false }: NodeHandlerOptions): Request | Response {
  // Another method is refused first, as the handler would (docs/contract.md §11: the order of the checks).
  const refuse = (error: string) => (req.method === 'POST' ? refusal(400, error) : refusal(405, 'only POST is allowed', { allow: 'POST' }));
  const forwarded = (name: string) => (trustProxy ? first(req.headers[`x-forwarded-${name}`]) : undefined);
  const proto = forwarded('proto')?.toLowerCase();
  if (proto !== undefined && proto !== 'http' && proto !== 'https') return refuse('X-Forwarded-Proto must be http or https');
  const scheme = proto ?? ((req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http');
  const host = forwarded('host') ?? first(req.headers.host);
  if (!host || !HOST.test(host)) return refuse('the Host header names no origin');
  const url = new URL(`${scheme}://${host}`);
  const target = new URL(req.originalUrl ?? req.url ?? '/', url);
  url.pathname = target.pathname;
  url.search = target.search;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !name.startsWith(':')) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  try {
    return new Request(url, { method: req.method, headers, body: bodyOf(req), duplex: 'half' } as RequestInit);
  } catch {
    // A method fetch does not know (TRACE, CONNECT).
    return refuse('the request cannot be read');
  }
}

/** Writes `response` to `res`: status, headers, each `Set-Cookie` apart, body. */
async function send(req: NodeRequest, res: NodeResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => name !== 'set-cookie' && res.setHeader(name, value));
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader('set-cookie', cookies);
  // A body left unread (a refusal, a body too slow) would be taken for the next request on a
  // kept-alive connection: the connection closes once the answer is sent.
  if (!req.complete && !req.readableEnded) res.setHeader('connection', 'close');
  res.end(new Uint8Array(await response.arrayBuffer()));
}

/**
 * A fetch handler (`consentHandler`) as a `node:http` request listener, or an Express or Connect
 * middleware: `app.post('/temoin/consent', toNodeHandler(handler))`. An unexpected failure goes to
 * `next` when there is one, else answers 500 with a JSON error.
 */
export function toNodeHandler(
  handler: (request: Request) => Promise<Response>,
  options: NodeHandlerOptions = {},
): (req: NodeRequest, res: NodeResponse, next?: (error?: unknown) => void) => void {
  return (req, res, next) => {
    (async () => {
      const request = toRequest(req, options);
      await send(req, res, request instanceof Request ? await handler(request) : request);
    })().catch((error: unknown) => {
      if (next) return next(error);
      console.error('temoin: the consent endpoint failed', error);
      if (res.headersSent) res.end();
      else send(req, res, refusal(500, 'the call could not be handled')).catch(() => res.end());
    });
  };
}
