import { readCookies, removeCookie, writeCookie } from '../document-cookies';

export interface ConsentCookieOptions {
  name: string;
  domain?: string;
}

/** The stored value; none without cookie access (a sandboxed frame). */
export const readConsentCookie = ({ name }: ConsentCookieOptions): string | undefined => readCookies()[name];

/**
 * Writes the consent cookie (docs/contract.md §6): first-party, `Path=/`, `SameSite=Lax`, `Secure` on https,
 * `Domain` only when the tenant shares the choice with its sub-domains.
 * @returns whether the browser kept it: cookies may be disabled, or the domain not the page's.
 */
export function writeConsentCookie({ name, domain }: ConsentCookieOptions, value: string, expires: Date): boolean {
  writeCookie(name, value, expires, domain);
  return readCookies()[name] === value;
}

export function removeConsentCookie({ name, domain }: ConsentCookieOptions): void {
  removeCookie(name, domain);
  removeCookie(name);
}
