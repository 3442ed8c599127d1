/**
 * The page's cookies through `document.cookie` (RFC 6265 §5.4): `name=value` pairs joined by "; ".
 * When several cookies share a name (other domain or path), the most specific comes first.
 */
export function readCookies(): Record<string, string> {
  const cookies: Record<string, string> = Object.create(null);
  for (const pair of document.cookie ? document.cookie.split('; ') : []) {
    const at = pair.indexOf('=');
    const name = at < 0 ? '' : pair.slice(0, at);
    if (!(name in cookies)) cookies[name] = pair.slice(at + 1);
  }
  return cookies;
}

/**
 * Sets a cookie at `Path=/`, `SameSite=Lax`, `Secure` on https. Names and values must already be
 * cookie tokens and cookie-octets. A cookie expired this way deletes the one of that name, domain
 * and path whatever its own attributes (RFC 6265 §5.3 step 11).
 */
export function writeCookie(name: string, value: string, expires: Date, domain?: string): void {
  document.cookie =
    `${name}=${value};path=/;expires=${expires.toUTCString()};samesite=Lax` +
    (domain ? `;domain=${domain}` : '') +
    (location.protocol === 'https:' ? ';secure' : '');
}

/** Expires a cookie at `Path=/`: host-only without `domain`, else the one set for that domain. */
export function removeCookie(name: string, domain?: string): void {
  writeCookie(name, '', new Date(0), domain);
}
