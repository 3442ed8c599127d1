import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/config/catalog';
import { contrastRatio } from '../../src/configure/contrast';
import { importText } from '../../src/configure/import';
import { searchCatalog } from '../../src/configure/search';
import { decodeState, encodeState } from '../../src/configure/share';
import { scriptTag } from '../../src/configure/snippet';
import { askedOf, getAt, setAt } from '../../src/configure/state';

describe('the configurator state, edited by path', () => {
  it('sets a nested field without touching the original, and removes a field set to empty', () => {
    const config = { tenant: { id: 'a', name: 'A' }, trackers: ['matomo'] };
    const next = setAt(config, ['tenant', 'consentMaxAgeMonths'], 12);
    expect(next).toEqual({ tenant: { id: 'a', name: 'A', consentMaxAgeMonths: 12 }, trackers: ['matomo'] });
    expect(config.tenant).toEqual({ id: 'a', name: 'A' });
    expect(setAt(next, ['tenant', 'consentMaxAgeMonths'], undefined)).toEqual(config);
    expect(setAt(config, ['texts', 'fr', 'acceptAll'], 'Oui')).toMatchObject({ texts: { fr: { acceptAll: 'Oui' } } });
    expect(setAt(setAt(config, ['texts', 'fr', 'acceptAll'], 'Oui'), ['texts', 'fr', 'acceptAll'], '')).toEqual(config);
    expect(getAt(next, ['tenant', 'consentMaxAgeMonths'])).toBe(12);
    expect(getAt(next, ['trackers', 0])).toBe('matomo');
  });

  it('tells when what visitors are asked changes: trackers or categories, not the tenant name', () => {
    const config = { tenant: { id: 'a', name: 'A' }, trackers: ['matomo'] };
    expect(askedOf(setAt(config, ['tenant', 'name'], 'B'))).toBe(askedOf(config));
    expect(askedOf(setAt(config, ['trackers'], ['matomo', 'zendesk']))).not.toBe(askedOf(config));
    expect(askedOf(setAt(config, ['categories'], [{ id: 'chat', name: { fr: 'Chat' } }]))).not.toBe(askedOf(config));
  });
});

describe('the share link', () => {
  it('carries the state after # and gives it back whole', async () => {
    const state = { config: { tenant: { id: 'partage', name: 'Partagé « é »' }, trackers: ['matomo', 'lisio'] }, theme: { accent: '#123456' } };
    const hash = await encodeState(state);
    expect(hash).toMatch(/^#c=[\w-]+$/);
    expect(await decodeState(hash)).toEqual(state);
  });

  it('reads no state from a link without one, and an error from a damaged or foreign one', async () => {
    expect(await decodeState('')).toBeNull();
    expect(await decodeState('#section')).toBeNull();
    expect(await decodeState('#c=not-deflate')).toBeInstanceOf(Error);
    const good = await encodeState({ config: {}, theme: {} });
    expect(await decodeState(good.slice(0, -4))).toBeInstanceOf(Error);
    // A theme value is only ever a colour: nothing else reaches the preview's style.
    expect(await decodeState(await encodeState({ config: {}, theme: { accent: 'red;}body{display:none' } }))).toBeInstanceOf(Error);
    expect(await decodeState(await encodeState({ config: {}, theme: { unknown: '#000000' } }))).toBeInstanceOf(Error);
  });
});

describe('contrast', () => {
  it('gives WCAG ratios: 21:1 black on white, 1:1 a colour on itself, the widget defaults above 4.5:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#1d4ed8', '#1d4ed8')).toBe(1);
    expect(contrastRatio('#1f2937', '#ffffff')).toBeGreaterThan(4.5);
    // #767676 on white is the usual 4.54:1 threshold colour; #777777 falls just under.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });
});

describe('the catalog search', () => {
  const entries = Object.values(catalog);
  const ids = (query: string) => searchCatalog(entries, query, 'fr').map((entry) => entry.id);

  it('finds an entry by cookie name, prefix included, by vendor, by name and by category', () => {
    expect(ids('_ga')).toContain('google-analytics');
    expect(ids('_pk_id.1.a2b3')).toEqual(['matomo', 'piwik-pro']);
    expect(ids('__zlcmid')).toEqual(['zendesk']);
    expect(ids('InnoCraft')).toContain('matomo');
    expect(ids('functional')).toContain('lisio');
    expect(ids('')).toHaveLength(entries.length);
    expect(ids('no-such-tracker-anywhere')).toEqual([]);
  });
});

describe('the script tag export', () => {
  it('holds the config and the tag, nothing more: temoin.js shows a first visit’s banner itself', () => {
    const config = { tenant: { id: 'a', name: 'A', locale: 'en' }, trackers: ['matomo', { id: 'own' }], cookieName: 'temoin-a' };
    const tag = scriptTag(config);
    expect(JSON.parse(/<script type="application\/json" id="temoin-config">([\s\S]*?)<\/script>/.exec(tag)![1])).toEqual(config);
    expect(tag).toContain('<script src="/path/to/temoin/temoin.js" data-config="#temoin-config"></script>');
    expect(tag.match(/<script/g)).toHaveLength(2);
  });

  it('cannot be closed early by a text of the config', () => {
    const tag = scriptTag({ tenant: { id: 'a', name: '</script><script>alert(1)</script>' }, trackers: [] });
    expect(tag.match(/<\/script>/g)).toHaveLength(2);
  });
});

describe('import', () => {
  const catalogIds = Object.keys(catalog);

  it('takes a config as it is, and nothing from a text that is not JSON', () => {
    expect(importText('{"tenant":{"id":"a","name":"A"},"trackers":[]}', catalogIds)).toEqual({ kind: 'config', config: { tenant: { id: 'a', name: 'A' }, trackers: [] } });
    expect(importText('{"tenant":', catalogIds).kind).toBe('error');
    expect(importText('[1,2]', catalogIds).kind).toBe('error');
  });

  it('takes from a scan report the catalog trackers it matched or suggested, nothing else', () => {
    const report = {
      pages: [],
      cookies: [{ name: '_ga', tracker: 'google-analytics' }, { name: 'x', tracker: null }, { name: 'y', tracker: 'own-tracker' }],
      storage: [{ key: '_hjViewportId', tracker: null }],
      findings: [{ rule: 'undeclared', cookie: '_pk_id.1', tracker: null, suggestion: 'matomo' }],
    };
    expect(importText(JSON.stringify(report), catalogIds)).toEqual({ kind: 'scan', trackers: ['google-analytics', 'matomo'] });
  });
});
