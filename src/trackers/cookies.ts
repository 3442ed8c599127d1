import { readCookies, removeCookie } from '../document-cookies';

/** Whether a cookie name matches a declared name, where a final `*` matches any rest. */
export function matchesCookieName(pattern: string, name: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

/** The host and each of its parent domains: `www.site.test` → `www.site.test`, `site.test`, `test`. */
export function domainsOf(hostname: string): string[] {
  if (/^[\d.]+$|:/.test(hostname)) return [];
  const labels = hostname.split('.');
  return labels.map((_, i) => labels.slice(i).join('.'));
}

/**
 * Deletes every cookie this page can see whose name matches one of `patterns`, except `keep`.
 * A cookie is identified by name, domain and path (RFC 6265 §5.3), and a page cannot read a cookie's
 * domain: so each is expired host-only and on every parent domain, at path `/`.
 */
export function clearCookies(patterns: readonly string[], keep?: string): void {
  if (!patterns.length) return;
  const domains = domainsOf(location.hostname);
  let names: string[];
  try {
    names = Object.keys(readCookies());
  } catch {
    return; // No cookie access (sandboxed frame): no tracker could have written one either.
  }
  for (const name of names) {
    if (name === keep || !patterns.some((pattern) => matchesCookieName(pattern, name))) continue;
    removeCookie(name);
    for (const domain of domains) removeCookie(name, domain);
  }
}
