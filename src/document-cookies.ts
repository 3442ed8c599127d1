import Cookies from 'js-cookie';

/**
 * The page's cookies, read and written through js-cookie at `Path=/` (deleted below). Its write
 * encoding leaves the consent cookie's characters as they are (RFC 6265 §4.1.1 cookie-octets), and
 * values are read as stored, not percent-decoded nor unquoted: the decoder sees the bytes the cookie
 * holds, so an altered value is never read as another choice (tests/unit/decoder.property.test.ts).
 */
const cookies = Cookies.withConverter<string>({ read: (value) => value });

/**
 * `document.cookie` throws where the page has no cookie access (a sandboxed frame): then there is
 * no cookie to read, and nothing is written or deleted.
 */
function quietly<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

/** Every cookie by name; when several share a name (other domain or path), the most specific one. None without cookie access. */
export const readCookies = (): Record<string, string> => quietly(() => cookies.get()) ?? {};

/**
 * Sets a cookie at `Path=/`, `SameSite=Lax`, `Secure` on https. Names and values must already be
 * cookie tokens and cookie-octets.
 */
export function writeCookie(name: string, value: string, expires: Date, domain?: string): void {
  quietly(() => cookies.set(name, value, { expires, domain, sameSite: 'Lax', secure: location.protocol === 'https:' }));
}

/**
 * Expires a cookie at `Path=/`: host-only without `domain`, else the one set for that domain. An
 * expired cookie deletes the one of that name, domain and path whatever its other attributes
 * (RFC 6265 §5.3 step 11). `name` as `readCookies()` gives it, percent-decoded: js-cookie encodes it
 * back as vendors store names beyond RFC 6265 tokens (`crisp-client%2Fsession%2F<id>`,
 * `AMCV_…%40AdobeOrg`; docs/contract.md §2).
 */
export const removeCookie = (name: string, domain?: string): void => quietly(() => cookies.remove(name, { domain }));
