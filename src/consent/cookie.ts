import { readCookies, removeCookie, writeCookie } from '../document-cookies';

export interface ConsentCookieOptions {
  name: string;
  domain?: string;
}

/** `document.cookie` throws in a sandboxed frame: no cookie access then means no stored choice. */
export function readConsentCookie({ name }: ConsentCookieOptions): string | undefined {
  try {
    return readCookies()[name];
  } catch {
    return undefined;
  }
}

/**
 * Writes the consent cookie (docs/contract.md §6): first-party, `Path=/`, `SameSite=Lax`, `Secure` on https,
 * `Domain` only when the tenant shares the choice with its sub-domains.
 * @returns whether the browser kept it: cookies may be disabled, or the domain not the page's.
 */
export function writeConsentCookie({ name, domain }: ConsentCookieOptions, value: string, expires: Date): boolean {
  try {
    writeCookie(name, value, expires, domain);
    return readCookies()[name] === value;
  } catch {
    return false;
  }
}

export function removeConsentCookie({ name, domain }: ConsentCookieOptions): void {
  try {
    removeCookie(name, domain);
    removeCookie(name);
  } catch {
    // No cookie access: nothing was stored.
  }
}
