// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse';
import type { TemoinConfig } from '../../src/config/types';
import { grantsOf } from '../../src/consent/consent';
import { createRecord } from '../../src/consent/record';
import { asksForChoice, clearsCookie, decideAll, isGrantedIn, startingConsent, updatedDecisions } from '../../src/decisions';

/** What a running instance decides, without a page: no DOM in this file. */

const config = (overrides: Partial<TemoinConfig> = {}) =>
  parseConfig({ tenant: { id: 'vivoptim', name: 'Vivoptim' }, trackers: ['matomo', 'zendesk', 'google-analytics', 'lisio'], ...overrides });

describe('the choice a page starts with', () => {
  const site = config();

  it('is the stored one when there is one', () => {
    const record = createRecord(site, decideAll(site, 1));
    expect(startingConsent(site, record, true)).toMatchObject({ id: record.id, source: 'visitor', trackers: { matomo: true } });
  });

  it('is a refusal of every tracker needing consent, from the browser, when it sends Global Privacy Control', () => {
    const consent = startingConsent(site, null, true);
    expect(consent).toMatchObject({ source: 'gpc', trackers: { matomo: false, zendesk: false, 'google-analytics': false, lisio: true } });
  });

  it('is none without a stored choice, or when the config ignores Global Privacy Control', () => {
    expect(startingConsent(site, null, false)).toBeNull();
    expect(startingConsent(config({ globalPrivacyControl: false }), null, true)).toBeNull();
  });
});

describe('whether an id may run', () => {
  const site = config();
  const all = grantsOf(site, decideAll(site, 1));

  it('follows the grants, for trackers and categories', () => {
    expect(isGrantedIn(all, 'matomo')).toBe(true);
    expect(isGrantedIn(all, 'audience')).toBe(true);
    expect(isGrantedIn(grantsOf(site, {}), 'matomo')).toBe(false);
    expect(isGrantedIn(grantsOf(site, {}), 'lisio')).toBe(true);
  });

  it('is never for an id the config does not know', () => {
    for (const id of ['youtube', 'constructor', '__proto__', 'toString', '']) expect(isGrantedIn(all, id), id).toBe(false);
  });
});

describe('whether to ask the visitor', () => {
  it('is yes without a choice where a tracker needs consent', () => {
    expect(asksForChoice(config(), null)).toBe(true);
  });

  it('is no once there is a choice', () => {
    const site = config();
    expect(asksForChoice(site, startingConsent(site, null, true))).toBe(false);
  });

  it('is no on a site whose trackers are all functional', () => {
    expect(asksForChoice(config({ trackers: ['lisio'] }), null)).toBe(false);
  });
});

describe('a change of choice', () => {
  const site = config();

  it('decides every tracker needing consent at once, and no functional one', () => {
    expect(decideAll(site, 1)).toEqual({ matomo: 1, zendesk: 1, 'google-analytics': 1 });
    expect(decideAll(site, 0)).toEqual({ matomo: 0, zendesk: 0, 'google-analytics': 0 });
  });

  it('keeps an objection when it refuses all (rejectAll), the current decisions given', () => {
    expect(decideAll(site, 0, { matomo: 2, zendesk: 1, 'google-analytics': 0 })).toEqual({ matomo: 2, zendesk: 0, 'google-analytics': 0 });
  });

  it('starts from all refused without a choice, and keeps what it does not name', () => {
    expect(updatedDecisions(site, undefined, { trackers: { matomo: true } })).toEqual({ matomo: 1, zendesk: 0, 'google-analytics': 0 });
    expect(updatedDecisions(site, decideAll(site, 1), { trackers: { zendesk: false } })).toEqual({
      matomo: 1,
      zendesk: 0,
      'google-analytics': 1,
    });
  });

  it('has a tracker decision win over its category decision, and leaves functional trackers alone', () => {
    expect(updatedDecisions(site, undefined, { trackers: { matomo: false, lisio: false }, categories: { audience: true } })).toEqual({
      matomo: 0,
      zendesk: 1,
      'google-analytics': 1,
    });
  });

  it.each([
    ['tracker', { trackers: { youtube: true } }],
    ['category', { categories: { videos: true } }],
  ])('names an unknown %s id', (kind, change) => {
    expect(() => updatedDecisions(site, undefined, change)).toThrow(`no ${kind} "${Object.keys(Object.values(change)[0])[0]}" in the config`);
  });
});

describe('an exempt audience measurement (docs/contract.md §17)', () => {
  const site = config({ trackers: [{ id: 'matomo', exempt: true }, 'zendesk', 'google-analytics', 'lisio'] });

  it('may run before any choice and after a refusal, its category not granted by it', () => {
    expect(isGrantedIn(grantsOf(site, {}), 'matomo')).toBe(true);
    expect(isGrantedIn(grantsOf(site, decideAll(site, 0)), 'matomo')).toBe(true);
    expect(isGrantedIn(grantsOf(site, decideAll(site, 0)), 'audience')).toBe(false);
  });

  it('is objected to by its own switch off, consented or not, and no longer by its switch on, which does not consent', () => {
    const change = { trackers: { matomo: false } };
    expect(updatedDecisions(site, decideAll(site, 0), change).matomo).toBe(2);
    expect(updatedDecisions(site, decideAll(site, 1), change).matomo).toBe(2);
    expect(isGrantedIn(grantsOf(site, updatedDecisions(site, decideAll(site, 1), change)), 'matomo')).toBe(false);
    expect(updatedDecisions(site, { ...decideAll(site, 0), matomo: 2 }, { trackers: { matomo: true } }).matomo).toBe(0);
    expect(updatedDecisions(site, decideAll(site, 1), { trackers: { matomo: true } }).matomo).toBe(1);
  });

  it('is consented to through its category, which withdraws an objection; refusing the category is no objection, nor takes one back', () => {
    expect(updatedDecisions(site, { ...decideAll(site, 0), matomo: 2 }, { categories: { audience: true } }).matomo).toBe(1);
    expect(updatedDecisions(site, decideAll(site, 1), { categories: { audience: false } }).matomo).toBe(0);
    expect(updatedDecisions(site, { ...decideAll(site, 0), matomo: 2 }, { categories: { audience: false } }).matomo).toBe(2);
  });

  it('is never objected to by a refusal of a tracker that is not exempt', () => {
    expect(updatedDecisions(site, undefined, { trackers: { zendesk: false } }).zendesk).toBe(0);
  });

  it('no longer runs once objected to, nor on an excluded page, where only functional trackers do', () => {
    expect(isGrantedIn(grantsOf(site, { matomo: 2 }), 'matomo')).toBe(false);
    expect(grantsOf(site, decideAll(site, 2)).trackers).toEqual({ matomo: false, zendesk: false, 'google-analytics': false, lisio: true });
  });
});

describe('which cookies go', () => {
  const site = config();
  const refused = clearsCookie(site, grantsOf(site, { matomo: 1 }));

  it('those a refused tracker declares, prefixes included', () => {
    for (const name of ['_ga', '_ga_ABC123', '_gat_UA-1', '__zlcmid']) expect(refused(name), name).toBe(true);
  });

  it('not those of a granted or functional tracker, nor undeclared ones, nor the consent cookie', () => {
    for (const name of ['_pk_id.1.a2b3', 'lisio_settings', 'session_id', 'temoin']) expect(refused(name), name).toBe(false);
  });

  it('not the consent cookie under its configured name, even when a refused tracker declares a prefix of it', () => {
    const site = config({ cookieName: '_ga_consent' });
    expect(clearsCookie(site, grantsOf(site, {}))('_ga_consent')).toBe(false);
  });

  it('not a cookie that a granted tracker declares too', () => {
    const site = config({ trackers: ['google-ads', 'google-tag-manager'] });
    const clears = clearsCookie(site, grantsOf(site, { 'google-tag-manager': 1 }));
    expect(clears('_gcl_au')).toBe(false);
    expect(clears('_gac_UA-1')).toBe(true);
  });

  /** A site's own tracker declaring `cookie`, in the audience category. */
  const own = (id: string, cookie: string) => ({
    id,
    name: id,
    provider: 'Vivoptim',
    category: 'audience',
    description: { fr: 'Mesure de campagnes.' },
    cookies: [{ name: cookie, lifetime: '90d', purpose: { fr: 'Attribue une visite à une campagne.' } }],
  });

  it('not a cookie a granted tracker declares by a prefix, though a refused one declares its exact name', () => {
    const site = config({ trackers: ['google-ads', own('campaigns', '_gcl*')] });
    const clears = clearsCookie(site, grantsOf(site, { campaigns: 1 }));
    expect(clears('_gcl_au')).toBe(false);
    expect(clears('_gac_UA-1')).toBe(true);
  });

  it('not a cookie a granted tracker declares by its exact name, though a refused one declares a prefix of it', () => {
    const site = config({ trackers: [own('campaigns', '_gcl*'), own('adwords', '_gcl_au')] });
    const clears = clearsCookie(site, grantsOf(site, { adwords: 1 }));
    expect(clears('_gcl_au')).toBe(false);
    expect(clears('_gcl_aw')).toBe(true);
  });
});
