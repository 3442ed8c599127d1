/**
 * Every cookie the page reads, writes or deletes, at `Path=/`, through `document.cookie` (RFC 6265):
 * a few lines rather than a library, since every byte here is paid on every page view.
 */

/**
 * Every cookie by name; when several share a name (other domain or path), the first the browser
 * lists, the most specific one. Names are percent-decoded, as vendors' scripts encode the ones
 * beyond RFC 6265 tokens (`crisp-client%2Fsession%2F<id>`, `AMCV_…%40AdobeOrg`; docs/contract.md
 * §2); a name that does not decode is left out. Values are read as stored, not percent-decoded nor
 * unquoted: the decoder sees the bytes the cookie holds, so an altered value is never read as
 * another choice (tests/unit/decoder.property.test.ts).
 */
export function readCookies(): Record<string, string> {
  const cookies: Record<string, string> = Object.create(null);
  for (const pair of document.cookie ? document.cookie.split('; ') : []) {
    const [name, ...value] = pair.split('=');
    try {
      cookies[decodeURIComponent(name)] ??= value.join('=');
    } catch {
      // Not a percent-encoding (a lone "%"): no name a catalog entry or temoin declares.
    }
  }
  return cookies;
}

/**
 * Sets a cookie at `Path=/`, `SameSite=Lax`, `Secure` on https. `value` must already be
 * cookie-octets. `name` is encoded back as `readCookies()` decodes it: what a cookie token cannot
 * hold percent-encoded, the rest as is.
 */
export function writeCookie(name: string, value: string, expires: Date, domain?: string): void {
  const encoded = encodeURIComponent(name).replace(/%(2[346B]|5E|60|7C)/g, decodeURIComponent).replace(/[()]/g, escape);
  document.cookie = `${encoded}=${value};path=/;expires=${expires.toUTCString()}${domain ? `;domain=${domain}` : ''};samesite=Lax${location.protocol === 'https:' ? ';secure' : ''}`;
}

/**
 * Expires a cookie at `Path=/`: host-only without `domain`, else the one set for that domain. An
 * expired cookie deletes the one of that name, domain and path whatever its other attributes
 * (RFC 6265 §5.3 step 11). `name` as `readCookies()` gives it.
 */
export const removeCookie = (name: string, domain?: string): void => writeCookie(name, '', new Date(0), domain);
