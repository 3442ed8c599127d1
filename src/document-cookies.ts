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

export interface CookieAttributes {
  expires: Date;
  domain?: string;
  sameSite?: 'Lax';
  secure?: boolean;
}

/** Sets a cookie at `Path=/`. Names and values must already be cookie tokens and cookie-octets. */
export function writeCookie(name: string, value: string, { expires, domain, sameSite, secure }: CookieAttributes): void {
  document.cookie =
    `${name}=${value};path=/;expires=${expires.toUTCString()}` +
    (domain ? `;domain=${domain}` : '') +
    (sameSite ? `;samesite=${sameSite}` : '') +
    (secure ? ';secure' : '');
}

/** Expires a cookie at `Path=/`: host-only without `domain`, else the one set for that domain. */
export function removeCookie(name: string, domain?: string): void {
  writeCookie(name, '', { expires: new Date(0), domain });
}
