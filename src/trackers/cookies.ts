import { readCookies, removeCookie } from '../document-cookies';

/** Whether a cookie name matches a declared name, where a final `*` matches any rest. */
export function matchesCookieName(pattern: string, name: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

/**
 * The domains a cookie seen on `hostname` may have been set on, narrowest first: the host, then
 * each parent domain up to `widest` (the tenant's `cookieDomain`) when it covers the host, else up to
 * the last two labels. Never the last label alone: every browser refuses a cookie on a top-level
 * domain (`fr`, `localhost`), and Firefox logs each attempt as an error. An IP address has none.
 * `www.site.localhost` → `www.site.localhost`, `site.localhost`.
 */
export function domainsOf(hostname: string, widest?: string): string[] {
  if (/^[\d.]+$|:/.test(hostname)) return [];
  const labels = hostname.split('.');
  const domains = labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'));
  const last = widest ? domains.indexOf(widest.replace(/^\./, '').toLowerCase()) : -1;
  return last < 0 ? domains : domains.slice(0, last + 1);
}

/**
 * Deletes every cookie this page can see whose name matches one of `patterns`, except `keep`.
 * A cookie is identified by name, domain and path (RFC 6265 §5.3), and a page cannot read a cookie's
 * domain: so each is expired host-only, then on the host and each parent domain in turn, narrowest
 * first, only while a cookie of that name is still visible. A domain wider than where the cookie
 * lived is never tried, so neither is a public suffix (`gouv.fr`, `co.uk`) for a cookie that was
 * set on the site, which the browser would refuse and Firefox would log (docs/contract.md §6). Only
 * `Path=/` is expired: a same-name cookie on another path stays, and keeps the walk going up to
 * `widestDomain` or the last two labels.
 */
export function clearCookies(patterns: readonly string[], keep?: string, widestDomain?: string): void {
  if (!patterns.length) return;
  let names: string[];
  try {
    names = Object.keys(readCookies());
  } catch {
    return; // No cookie access (sandboxed frame): no tracker could have written one either.
  }
  const domains = domainsOf(location.hostname, widestDomain);
  for (const name of names) {
    if (name === keep || !patterns.some((pattern) => matchesCookieName(pattern, name))) continue;
    removeCookie(name);
    for (const domain of domains) {
      if (!(name in readCookies())) break;
      removeCookie(name, domain);
    }
  }
}
