import { readCookies, removeCookie } from '../document-cookies';

/** Whether a cookie name matches a declared name, where a final `*` matches any rest. */
export function matchesCookieName(pattern: string, name: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

/**
 * Deletes every cookie this page can see whose name `clears` (`decisions.ts` decides which).
 * A cookie is identified by name, domain and path (RFC 6265 §5.3), and a page cannot read a cookie's
 * domain: so each is expired host-only, then on the host and each parent domain in turn, narrowest
 * first, only while a cookie of that name is still visible. Never on the last label alone: every
 * browser refuses a cookie on a top-level domain (`fr`, `localhost`) and Firefox logs each attempt.
 * A domain wider than where the cookie lived is never tried, so neither is a public suffix
 * (`gouv.fr`, `co.uk`) for a cookie set on the site. Only `Path=/` is expired: a same-name cookie
 * on another path stays, and keeps the walk going up to the last two labels. An IP address has
 * host-only cookies alone.
 */
export function clearCookies(clears: (name: string) => boolean): void {
  const host = /^[\d.]+$|:/.test(location.hostname) ? '' : location.hostname;
  // Without cookie access (a sandboxed frame) there are none, and no tracker could have written one either.
  for (const name of Object.keys(readCookies())) {
    if (!clears(name)) continue;
    // `domain` is '' (host-only), then the host, then each parent; `next` the one after it.
    for (let domain = '', next = host; name in readCookies(); next = next.slice(next.indexOf('.') + 1)) {
      removeCookie(name, domain);
      if (!next.includes('.')) break;
      domain = next;
    }
  }
}
