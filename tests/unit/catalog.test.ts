import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { trackerSchema } from '../../src/schema';
import type { Tracker } from '../../src/index';

const dir = resolve(import.meta.dirname, '../../catalog');
const files = readdirSync(dir).filter((file) => file.endsWith('.json'));
const entries = files.map((file) => ({ file, data: JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as unknown }));
const catalog = new Map(entries.map(({ data }) => [(data as Tracker).id, data as Tracker]));

/**
 * A lifetime as a comparable amount: minutes for `min`/`h`/`d`, months for `mo`/`y`, so that the
 * catalog may write "1y" or "12mo", "24h" or "1d". Returns undefined for anything else.
 */
function lifetime(value: string): string | undefined {
  if (value === 'session') return 'session';
  const match = /^(\d+)(min|h|d|mo|y)$/.exec(value);
  if (!match) return undefined;
  const amount = Number(match[1]);
  const [factor, unit] = { min: [1, 'min'], h: [60, 'min'], d: [1440, 'min'], mo: [1, 'mo'], y: [12, 'mo'] }[match[2]] as [number, string];
  return `${amount * factor}${unit}`;
}

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

  it('finds lisio the only functional tracker: every other one needs consent', () => {
    const functional = [...catalog.values()].filter((t) => t.category === 'functional').map((t) => t.id);
    expect(functional).toEqual(['lisio']);
  });

  it('finds the advertising trackers, and only them, marked for advertising', () => {
    const advertising = [...catalog.values()].filter((t) => t.advertising === true).map((t) => t.id);
    expect(advertising.sort()).toEqual(['facebook-pixel', 'google-ads', 'linkedin-insight', 'microsoft-advertising', 'tiktok-pixel']);
  });

  it('finds every declared cookie name unique within its tracker', () => {
    for (const tracker of catalog.values()) {
      const names = tracker.cookies.map((c) => c.name);
      expect(new Set(names).size, tracker.id).toBe(names.length);
    }
  });
});
