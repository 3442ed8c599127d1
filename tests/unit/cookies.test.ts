// @vitest-environment-options {"url": "https://www.site.test/page"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearCookies, matchesCookieName } from '../../src/trackers/cookies';

const EXPIRED = 'expires=Thu, 01 Jan 1970 00:00:00 GMT';

/** Every cookie this page has, host-only and on each parent domain, expired. */
function expireAll(): void {
  for (const pair of document.cookie ? document.cookie.split('; ') : []) {
    const name = pair.split('=')[0];
    for (const domain of ['', ';domain=www.site.test', ';domain=site.test']) document.cookie = `${name}=;path=/;${EXPIRED}${domain}`;
  }
}

/** The domain attribute of a cookie written through `document.cookie`, or `host-only`. */
const domainOf = (cookie: string) => /;\s*domain=([^;]+)/i.exec(cookie)?.[1] ?? 'host-only';

/** The cookies `run` writes, each as its name and value, then its domain. */
function cookieWrites(run: () => void): string[] {
  const set = vi.spyOn(document, 'cookie', 'set');
  try {
    run();
    return set.mock.calls.map(([cookie]) => `${cookie.split(';')[0]} ${domainOf(cookie)}`);
  } finally {
    set.mockRestore();
  }
}

/** Picks the cookies matching one of `patterns`, as `clearsCookie()` (decisions.ts) does for refused trackers. */
const declared =
  (...patterns: string[]) =>
  (name: string) =>
    patterns.some((pattern) => matchesCookieName(pattern, name));

/** The names of the cookies the page sees, sorted. */
function names(): string[] {
  return (document.cookie ? document.cookie.split('; ') : []).map((pair) => pair.split('=')[0]).sort();
}

describe('a declared cookie name', () => {
  it('matches exactly that name when it has no *', () => {
    expect(matchesCookieName('_ga', '_ga')).toBe(true);
    expect(matchesCookieName('_ga', '_ga_ABC123')).toBe(false);
    expect(matchesCookieName('_ga', '_g')).toBe(false);
    expect(matchesCookieName('_ga', '_GA')).toBe(false);
    expect(matchesCookieName('_ga', 'x_ga')).toBe(false);
  });

  it('matches every name starting with what precedes a final *', () => {
    expect(matchesCookieName('_pk_id.*', '_pk_id.1.a2b3')).toBe(true);
    expect(matchesCookieName('_pk_id.*', '_pk_id.')).toBe(true);
    expect(matchesCookieName('_gat*', '_gat')).toBe(true);
    expect(matchesCookieName('_gat*', '_gat_UA-1234')).toBe(true);
  });

  it('does not match a name that only contains the prefix, or lacks part of it', () => {
    expect(matchesCookieName('_pk_id.*', 'x_pk_id.1')).toBe(false);
    expect(matchesCookieName('_pk_id.*', '_pk_id')).toBe(false);
    expect(matchesCookieName('_pk_id.*', '_pk_ses.1.a2b3')).toBe(false);
  });

  it('treats a * as a wildcard only at the end', () => {
    expect(matchesCookieName('_pk*_id', '_pk_id')).toBe(false);
    expect(matchesCookieName('_pk*_id', '_pk*_id')).toBe(true);
  });
});

describe('refused trackers leaving cookies on www.site.test', () => {
  beforeEach(expireAll);
  afterEach(expireAll);

  it('lose every cookie matching their declared names, prefixes included', () => {
    document.cookie = '_pk_id.1.a2b3=x;path=/';
    document.cookie = '_pk_ses.1.a2b3=x;path=/';
    document.cookie = '_ga=GA1.2.3;path=/';
    document.cookie = '_ga_ABC123=GS1;path=/';
    document.cookie = 'session_id=42;path=/';
    clearCookies(declared('_pk_id.*', '_pk_ses.*', '_ga', '_ga_*'));
    expect(names()).toEqual(['session_id']);
  });

  it('lose the cookies set on the parent domain site.test and on the host as a domain', () => {
    document.cookie = '_ga=parent;path=/;domain=site.test';
    document.cookie = '_gid=host;path=/;domain=www.site.test';
    document.cookie = '_fbp=hostonly;path=/';
    document.cookie = 'lang=fr;path=/;domain=site.test';
    expect(names()).toEqual(['_fbp', '_ga', '_gid', 'lang']);
    clearCookies(declared('_ga', '_gid', '_fb*'));
    expect(names()).toEqual(['lang']);
  });

  it('lose both cookies when one name is set host-only and on the parent domain', () => {
    document.cookie = '_ga=host;path=/';
    document.cookie = '_ga=parent;path=/;domain=site.test';
    clearCookies(declared('_ga'));
    expect(names()).toEqual([]);
  });

  it('keep every cookie when none is picked', () => {
    document.cookie = '_ga=x;path=/';
    document.cookie = 'temoin=y;path=/';
    clearCookies(declared());
    expect(names()).toEqual(['_ga', 'temoin']);
  });

  it('try a wider domain only while a cookie of that name is still there, never the top-level domain', () => {
    document.cookie = '_pk_id.1=hostonly;path=/';
    document.cookie = '_ga=parent;path=/;domain=site.test';
    const written = cookieWrites(() => clearCookies(declared('_pk_id.*', '_ga')));
    expect(written).toEqual(['_pk_id.1= host-only', '_ga= host-only', '_ga= www.site.test', '_ga= site.test']);
    expect(names()).toEqual([]);
  });

  it('stop below the top-level domain when a same-name cookie on another path stays', () => {
    const written: string[] = [];
    Object.defineProperty(document, 'cookie', { configurable: true, get: () => '_ga=on-another-path', set: (cookie: string) => written.push(cookie) });
    try {
      clearCookies(declared('_ga'));
    } finally {
      delete (document as { cookie?: string }).cookie;
    }
    expect(written.map(domainOf)).toEqual(['host-only', 'www.site.test', 'site.test']);
  });

  it('keep the cookies of trackers that were not refused', () => {
    document.cookie = '_pk_id.1.a2b3=x;path=/';
    document.cookie = '__zlcmid=z;path=/';
    clearCookies(declared('__zlcmid'));
    expect(names()).toEqual(['_pk_id.1.a2b3']);
  });
});
