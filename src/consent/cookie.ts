import Cookies from 'js-cookie';

export interface ConsentCookieOptions {
  name: string;
  domain?: string;
}

export function readConsentCookie({ name }: ConsentCookieOptions): string | undefined {
  return Cookies.get(name);
}

/**
 * Writes the consent cookie (SPEC §6): first-party, `Path=/`, `SameSite=Lax`, `Secure` on https,
 * `Domain` only when the tenant shares the choice with its sub-domains.
 * @returns whether the browser kept it (cookies may be disabled or the domain foreign).
 */
export function writeConsentCookie({ name, domain }: ConsentCookieOptions, value: string, expires: Date): boolean {
  Cookies.set(name, value, { expires, path: '/', sameSite: 'Lax', secure: location.protocol === 'https:', domain });
  return Cookies.get(name) === value;
}

export function removeConsentCookie({ name, domain }: ConsentCookieOptions): void {
  Cookies.remove(name, { path: '/', domain });
  Cookies.remove(name, { path: '/' });
}
