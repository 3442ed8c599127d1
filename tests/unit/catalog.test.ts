import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { lint } from '../../src/cli/lint';
import { lifetimeDays, lifetimeParts } from '../../src/config/rules';
import { trackerSchema } from '../../src/schema';
import type { Tracker } from '../../src/index';
import { matchesCookieName } from '../../src/trackers/cookies';

const dir = resolve(import.meta.dirname, '../../catalog');
const files = readdirSync(dir).filter((file) => file.endsWith('.json'));
const entries = files.map((file) => ({ file, data: JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as unknown }));
const catalog = new Map(entries.map(({ data }) => [(data as Tracker).id, data as Tracker]));

/**
 * A lifetime as a comparable amount: seconds for `s` to `d`, months for `mo`/`y`, so that the
 * catalog may write "1y" or "12mo", "24h" or "1d". Returns undefined for anything else.
 */
function lifetime(value: string): string | undefined {
  const parts = lifetimeParts(value);
  if (!parts) return undefined;
  if (!parts.length) return 'session';
  const seconds = { s: 1, min: 60, h: 3600, d: 86400 } as Record<string, number>;
  const months = { mo: 1, y: 12 } as Record<string, number>;
  const sum = (factors: Record<string, number>) => parts.reduce((total, [count, unit]) => total + count * (factors[unit] ?? 0), 0);
  return [sum(months) && `${sum(months)}mo`, sum(seconds) && `${sum(seconds)}s`].filter(Boolean).join('');
}

/** Two declared names that can name one cookie: equal, or one a prefix the other falls under. */
const overlap = (a: string, b: string) => matchesCookieName(a, b.replace(/\*$/, '')) || matchesCookieName(b, a.replace(/\*$/, ''));

describe('a catalog author adding catalog/<id>.json', () => {
  it('finds the catalog directory holding several entries', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  it.each(entries)('$file is a valid tracker entry for the exported schema', ({ data }) => {
    const result = z.safeParse(trackerSchema, data);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it.each(entries)('$file is named after its id', ({ file, data }) => {
    expect(file).toBe(`${(data as Tracker).id}.json`);
  });

  it.each(entries)('$file describes itself and its cookies in French and English', ({ data }) => {
    const tracker = data as Tracker;
    expect(tracker.description.fr).toBeTruthy();
    expect(tracker.description.en).toBeTruthy();
    for (const cookie of tracker.cookies) {
      expect(cookie.purpose.fr, cookie.name).toBeTruthy();
      expect(cookie.purpose.en, cookie.name).toBeTruthy();
    }
  });

  it('is told by the schema when an entry is broken (the schema is not a pass-through)', () => {
    const matomo = catalog.get('matomo')!;
    expect(z.safeParse(trackerSchema, { ...matomo, id: 'Matomo' }).success).toBe(false);
    expect(z.safeParse(trackerSchema, { ...matomo, cookies: [{ ...matomo.cookies[0], lifetime: '13 months' }] }).success).toBe(false);
    expect(z.safeParse(trackerSchema, { ...matomo, privacyPolicyUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(z.safeParse(trackerSchema, { ...matomo, extra: true }).success).toBe(false);
  });
});

describe('a privacy-policy author relying on the shipped catalog', () => {
  const required: Record<string, { category: string; cookies: Record<string, string> }> = {
    matomo: { category: 'audience', cookies: { '_pk_id.*': '13mo', '_pk_ses.*': '30min', '_pk_ref.*': '6mo', '_pk_cvar.*': '30min' } },
    zendesk: { category: 'audience', cookies: { __zlcmid: '1y' } },
    'google-analytics': { category: 'audience', cookies: { _ga: '2y', '_ga_*': '2y', _gid: '24h', '_gat*': '1min' } },
    'facebook-pixel': { category: 'audience', cookies: { _fbp: '90d', _fbc: '90d', '_fb*': '90d' } },
    axeptio: {
      category: 'audience',
      cookies: { axeptio_cookies: '12mo', axeptio_authorized_vendors: '12mo', axeptio_all_vendors: '12mo' },
    },
    lisio: { category: 'functional', cookies: {} },
    youtube: { category: 'audience', cookies: {} },
  };

  it.each(Object.entries(required))('finds %s in its category with the cookies and lifetimes the policies list', (id, expected) => {
    const tracker = catalog.get(id);
    expect(tracker, `catalog/${id}.json`).toBeDefined();
    expect(tracker!.category).toBe(expected.category);
    const declared = Object.fromEntries(tracker!.cookies.map((c) => [c.name, lifetime(c.lifetime)]));
    for (const [name, life] of Object.entries(expected.cookies)) {
      expect(declared[name], `${id} ${name}`).toBe(lifetime(life));
    }
  });

  it('finds lisio declaring its cookies for 90 days', () => {
    const lisio = catalog.get('lisio')!;
    expect(lisio.cookies.length).toBeGreaterThan(0);
    for (const cookie of lisio.cookies) expect(lifetime(cookie.lifetime)).toBe(lifetime('90d'));
  });

  it('finds functional only the trackers for security, payment or accessibility, or that store nothing: every other one needs consent', () => {
    const functional = [...catalog.values()].filter((t) => t.category === 'functional').map((t) => t.id);
    expect(functional.sort()).toEqual([
      'cloudflare-turnstile', // security
      'datadome', // security
      'faciliti', // accessibility, stores nothing in cookies
      'friendly-captcha', // security, stores nothing
      'google-fonts', // stores nothing
      'hcaptcha', // security
      'lisio', // accessibility
      'lyra-payzen', // payment
      'paypal', // payment
      'plausible', // stores nothing
      'stripe', // payment
      'userway', // accessibility, stores nothing in cookies
    ]);
  });

  it('finds the advertising trackers, and only them, marked for advertising', () => {
    const advertising = [...catalog.values()].filter((t) => t.advertising === true).map((t) => t.id);
    expect(advertising.sort()).toEqual([
      'adform',
      'awin',
      'criteo',
      'facebook-pixel',
      'google-ads',
      'google-adsense',
      'google-floodlight',
      'klaviyo',
      'linkedin-insight',
      'mediarithmics',
      'microsoft-advertising',
      'outbrain',
      'pinterest-tag',
      'reddit-pixel',
      'seedtag',
      'sharethis',
      'snapchat-pixel',
      'taboola',
      'teads',
      'the-trade-desk',
      'tiktok-pixel',
      'weborama',
      'x-pixel',
    ]);
  });

  it('finds the vendors documenting an exempt audience measurement declaring it, in French and English (docs/contract.md §17)', () => {
    const exempt = [...catalog.values()].filter((t) => t.exemption);
    expect(exempt.map((t) => t.id).sort()).toEqual(['at-internet', 'eulerian', 'matomo', 'piano-analytics']);
    for (const { id, exemption, cookies, category } of exempt) {
      expect(exemption!.conditions?.fr && exemption!.conditions.en, id).toBeTruthy();
      expect(new URL(exemption!.url).protocol, id).toBe('https:');
      expect(category, id).toBe('audience');
      // Such a config would be refused: an exempt tracker's cookie lives 13 months at most.
      for (const cookie of cookies) expect(lifetimeDays(cookie.lifetime), `${id} ${cookie.name}`).toBeLessThanOrEqual((13 * 365.2425) / 12);
    }
    // A site says its tool runs exempt; the catalog never does.
    expect([...catalog.values()].filter((t) => 'exempt' in t)).toEqual([]);
  });

  it('finds the consent APIs of Matomo, Google, Clarity, Piano, Meta and TikTok, each naming the adapter temoin calls', () => {
    const declaring = [...catalog.values()].filter((t) => t.consentApi);
    expect(declaring.map((t) => t.id).sort()).toEqual([
      'facebook-pixel',
      'google-ads',
      'google-analytics',
      'matomo',
      'microsoft-clarity',
      'piano-analytics',
      'tiktok-pixel',
    ]);
    expect(Object.fromEntries(declaring.map((t) => [t.id, t.consentApi]))).toEqual({
      'facebook-pixel': 'meta',
      'google-ads': 'gtag-ads',
      'google-analytics': 'gtag-analytics',
      matomo: 'matomo',
      'microsoft-clarity': 'clarity',
      'piano-analytics': 'piano',
      'tiktok-pixel': 'tiktok',
    });
  });

  it('finds every declared cookie name unique within its tracker', () => {
    for (const tracker of catalog.values()) {
      const names = tracker.cookies.map((c) => c.name);
      expect(new Set(names).size, tracker.id).toBe(names.length);
    }
  });
});

describe('the catalog’s own checks (docs/contract.md §2)', () => {
  /**
   * Entries whose cookies of basis "other" rest on no page that could be read, the vendor's or
   * another: lisio's `lisio*` and 90 days come from the seed privacy policies this project started
   * from, whose addresses it does not have. An entry leaves the list once it names otherSources.
   */
  const unsourced = ['lisio'];

  it.each(entries)('$file says where each cookie is known from, with the sources of that kind', ({ data }) => {
    const { id, cookies, sources = [], otherSources = [] } = data as Tracker;
    expect(cookies.filter((cookie) => cookie.basis === undefined).map((cookie) => cookie.name), 'cookies without basis').toEqual([]);
    if (cookies.some((cookie) => cookie.basis === 'vendor') || !cookies.length) expect(sources.length, 'sources').toBeGreaterThan(0);
    if (cookies.some((cookie) => cookie.basis === 'other')) expect(otherSources.length > 0, 'otherSources').toBe(!unsourced.includes(id));
    expect(sources.length + otherSources.length, 'sources of either kind').toBeGreaterThan(0);
  });

  it.each(entries)('$file names no page both as the vendor’s and as another', ({ data }) => {
    const { sources = [], otherSources = [] } = data as Tracker;
    expect(sources.filter((url) => otherSources.includes(url))).toEqual([]);
  });

  it('has no cookie two entries declare unless both say why, naming each other', () => {
    const unexplained: string[] = [];
    const trackers = [...catalog.values()];
    for (const [i, a] of trackers.entries()) {
      for (const b of trackers.slice(i + 1)) {
        for (const ca of a.cookies) {
          for (const cb of b.cookies) {
            if (!overlap(ca.name, cb.name)) continue;
            if (!ca.sharedWith?.trackers.includes(b.id) || !cb.sharedWith?.trackers.includes(a.id)) {
              unexplained.push(`${a.id} ${ca.name} / ${b.id} ${cb.name}`);
            }
          }
        }
      }
    }
    expect(unexplained).toEqual([]);
  });

  it('names in sharedWith only entries that do declare the cookie', () => {
    const stale = [...catalog.values()].flatMap((tracker) =>
      tracker.cookies.flatMap((cookie) =>
        (cookie.sharedWith?.trackers ?? [])
          .filter((id) => !catalog.get(id)?.cookies.some((other) => overlap(other.name, cookie.name)))
          .map((id) => `${tracker.id} ${cookie.name} → ${id}`),
      ),
    );
    expect(stale).toEqual([]);
  });

  it.each(entries)('temoin lint warns of every cookie of $file that no vendor page documents, and of no other', ({ data }) => {
    const tracker = data as Tracker;
    const { findings } = lint({ tenant: { id: 'site', name: 'Site', privacyPolicyUrl: 'https://example.org/p' }, trackers: [tracker.id] });
    const warned = findings.filter((f) => f.rule === 'cookie-not-vendor-documented').map((f) => f.message.match(/documents cookie (\S+);/)?.[1]);
    expect(warned).toEqual(tracker.cookies.filter((cookie) => cookie.basis === 'other').map((cookie) => cookie.name));
  });

  const measuring = [...catalog.values()].filter((t) => t.category === 'audience' || t.advertising);

  it.each(measuring.map((tracker) => ({ id: tracker.id, tracker })))(
    'temoin lint flags every cookie of $id over 13 months, with the vendor’s setting where the entry gives one',
    ({ id, tracker }) => {
      const { findings } = lint({ tenant: { id: 'site', name: 'Site', privacyPolicyUrl: 'https://example.org/p' }, trackers: [id] });
      const flagged = findings.filter((f) => f.rule === 'audience-cookie-lifetime');
      const long = tracker.cookies.filter((cookie) => lifetimeDays(cookie.lifetime) > (13 * 365.2425) / 12);
      expect(flagged.map((f) => f.message.split(' ')[2])).toEqual(long.map((cookie) => cookie.name));
      for (const [i, cookie] of long.entries()) {
        if (cookie.lifetimeSetting) expect(flagged[i].advice).toContain(cookie.lifetimeSetting.replace(/\.$/, ''));
      }
    },
  );
});
