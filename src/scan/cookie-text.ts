/**
 * Reads a `Set-Cookie` header or a `document.cookie` assignment (RFC 6265 §5.2, the parts a scan
 * needs): the cookie's name, where it lands, when it expires, and whether it is a deletion.
 */
export interface CookieText {
  name: string;
  /** The `Domain` attribute without its dot, else the host of `url` (host-only). */
  domain: string;
  path: string;
  /** Unix seconds, null for a session cookie. */
  expires: number | null;
  httpOnly: boolean;
  /** Max-Age ≤ 0 or an expiry in the past: the cookie is removed, not written. */
  deletion: boolean;
}

/** RFC 6265 §5.1.4: the directory of the URL's path, `/` at least. */
function defaultPath(url: URL): string {
  const path = url.pathname;
  return path.startsWith('/') && path.lastIndexOf('/') > 0 ? path.slice(0, path.lastIndexOf('/')) : '/';
}

/** `now` in Unix seconds. Undefined for a text without a name (`=value`, or no `=`), which browsers ignore or store nameless. */
export function parseCookieText(text: string, url: string, now: number): CookieText | undefined {
  const [pair, ...attributes] = text.split(';');
  const equals = pair.indexOf('=');
  const name = equals < 0 ? '' : pair.slice(0, equals).trim();
  if (!name) return undefined;
  let base: URL;
  try {
    base = new URL(url);
  } catch {
    return undefined;
  }
  const cookie: CookieText = { name, domain: base.hostname, path: defaultPath(base), expires: null, httpOnly: false, deletion: false };
  let maxAge: number | undefined;
  for (const attribute of attributes) {
    const [key, ...rest] = attribute.split('=');
    const value = rest.join('=').trim();
    switch (key.trim().toLowerCase()) {
      case 'domain':
        if (value) cookie.domain = value.replace(/^\./, '').toLowerCase();
        break;
      case 'path':
        if (value.startsWith('/')) cookie.path = value;
        break;
      case 'max-age':
        if (/^-?\d+$/.test(value)) maxAge = Number(value);
        break;
      case 'expires': {
        const date = Date.parse(value);
        if (!Number.isNaN(date)) cookie.expires = date / 1000;
        break;
      }
      case 'httponly':
        cookie.httpOnly = true;
        break;
    }
  }
  // Max-Age wins over Expires (RFC 6265 §5.3, step 3).
  if (maxAge !== undefined) cookie.expires = now + maxAge;
  cookie.deletion = cookie.expires !== null && (maxAge !== undefined ? maxAge <= 0 : cookie.expires <= now);
  return cookie;
}
