// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse';
import type { ResolvedConfig } from '../../src/config/types';
import { AUDITS } from '../../src/scan/audits';
import { parseCookieText } from '../../src/scan/cookie-text';
import { audit } from '../../src/scan/scan';
import type { Artifacts, CookieWrite, Finding, JarCookie, PassName } from '../../src/scan/types';

/**
 * The audits of `temoin scan` on recorded artifacts, without a browser: the fixture site's scan as
 * Chromium recorded it (tests/browser/support/scan-site.ts, one case of every rule), and small
 * recordings made by hand for each rule's edges.
 */
const recorded: Artifacts = JSON.parse(readFileSync('tests/fixtures/scan/site-artifacts.json', 'utf8'));
const SITE = 'http://www.site.localhost:4173';

const about = (findings: Finding[], rule: string, name: string) => findings.filter((f) => f.rule === rule && (f.cookie ?? f.storageKey) === name);

describe('the audits of the fixture site, as recorded in Chromium', () => {
  const { findings } = audit(recorded);

  it('finds an ungated tag writing _ga before any choice, and after refusing, with the page and the script', () => {
    for (const [rule, pass] of [['before-consent', 'before'], ['after-refusal', 'refused']] as const) {
      const [found, ...more] = about(findings, rule, '_ga');
      expect(more).toEqual([]);
      expect(found).toMatchObject({ severity: 'error', pass, tracker: 'google-analytics', setBy: `${SITE}/js/tag.js` });
      expect(found.url).toMatch(new RegExp(`^${SITE}/`));
    }
  });

  it("names the frame of another host of the site whose response set YouTube's cookie before any choice", () => {
    expect(about(findings, 'before-consent', 'VISITOR_INFO1_LIVE')).toEqual([
      expect.objectContaining({ url: `${SITE}/`, tracker: 'youtube', setBy: 'http://cdn.site.localhost:4173/player.html' }),
    ]);
  });

  it('finds the pixel on the excluded member area, whatever the choice', () => {
    const [found] = about(findings, 'excluded-page', '_fbp');
    expect(found).toMatchObject({ severity: 'error', url: `${SITE}/espace-adherent/`, tracker: 'facebook-pixel', setBy: `${SITE}/js/pixel.js` });
    expect(found.message).toContain('passes before, refused, accepted');
    // _ga and stats_id are written on the other pages, never on the member area.
    expect(findings.filter((f) => f.rule === 'excluded-page').map((f) => f.cookie)).toEqual(['_fbp']);
  });

  it('finds the undeclared HttpOnly cookie of the response, with the catalog entry its name matches, and the undeclared localStorage key', () => {
    expect(about(findings, 'undeclared', '_hjSessionUser_42')).toEqual([
      expect.objectContaining({ url: `${SITE}/`, tracker: null, suggestion: 'hotjar', setBy: `${SITE}/` }),
    ]);
    expect(about(findings, 'undeclared', '_hjSessionUser_42')[0].message).toContain('did you mean hotjar?');
    expect(about(findings, 'undeclared', 'chat-visitor-id')).toEqual([expect.objectContaining({ url: `${SITE}/`, suggestion: null, setBy: `${SITE}/` })]);
  });

  it('warns of a cookie living 2 years where 13 months are declared, and over 13 months', () => {
    expect(about(findings, 'lifetime-longer', '_pk_id.1.abcd')).toEqual([
      expect.objectContaining({ severity: 'warning', pass: 'accepted', tracker: 'matomo', setBy: `${SITE}/js/matomo.js` }),
    ]);
    expect(about(findings, 'over-13-months', '_pk_id.1.abcd')).toHaveLength(1);
    // _ga is declared 2 years: longer than 13 months, as declared.
    expect(about(findings, 'over-13-months', '_ga')).toHaveLength(1);
    expect(about(findings, 'lifetime-longer', '_ga')).toEqual([]);
  });

  it('warns of the page where temoin did not start, and tells the declared cookies never seen', () => {
    expect(findings.filter((f) => f.rule === 'no-widget').map((f) => f.url)).toEqual([`${SITE}/sans-temoin.html`]);
    expect(about(findings, 'declared-not-seen', '_gid')).toEqual([expect.objectContaining({ severity: 'info', tracker: 'google-analytics', url: null })]);
    expect(about(findings, 'declared-not-seen', '_ga')).toEqual([]);
  });

  it("never reports temoin's own cookie and storage, nor the functional tracker's cookie", () => {
    for (const name of ['temoin', 'lisio_prefs', 'temoin:config']) expect(findings.filter((f) => (f.cookie ?? f.storageKey) === name)).toEqual([]);
  });

  it('reports an exempt tracker rewriting its cookie on a later page view, and not as before consent', () => {
    const config = recorded.pageConfig!;
    const exempt: ResolvedConfig = { ...config, trackers: config.trackers.map((t) => (t.id === 'stats' ? { ...t, exempt: true } : t)) };
    const { findings: withExempt } = audit(recorded, exempt);
    expect(about(withExempt, 'lifetime-extended', 'stats_id')).toEqual([expect.objectContaining({ severity: 'warning', tracker: 'stats', setBy: `${SITE}/js/stats.js` })]);
    expect(about(withExempt, 'before-consent', 'stats_id')).toEqual([]);
    expect(about(findings, 'lifetime-extended', 'stats_id')).toEqual([]);
  });

  it('lists the findings grouped by rule, worst first', () => {
    const order = AUDITS.map((a) => a.id);
    const ranks = findings.map((f) => order.indexOf(f.rule));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(order.filter((id) => id !== 'lifetime-extended')));
  });
});

/** A recording by hand: one page of `site.localhost`, the given jar and writes. */
function recording(config: ResolvedConfig, parts: { jar?: [PassName, JarCookie[]][]; writes?: Partial<CookieWrite>[]; pages?: Artifacts['pages'] }): Artifacts {
  const now = 1_800_000_000;
  return {
    seeds: ['http://www.site.localhost/'],
    startedAt: now,
    pages: parts.pages ?? [{ url: 'http://www.site.localhost/', status: 200, widget: true }],
    passes: (['before', 'refused', 'accepted'] as const).map((pass) => ({ pass, thirdParties: [] })),
    jar: (parts.jar ?? []).map(([pass, cookies]) => ({ pass, page: 'http://www.site.localhost/', at: now, cookies })),
    writes: (parts.writes ?? []).map((w, i) => ({
      pass: 'before',
      name: 'x',
      domain: 'www.site.localhost',
      path: '/',
      expires: null,
      httpOnly: false,
      setBy: null,
      via: 'script',
      page: 'http://www.site.localhost/',
      view: i,
      at: now,
      afterChoice: true,
      stored: true,
      ...w,
    })),
    storage: [],
    given: [],
    pageConfig: config,
  };
}

const cookie = (name: string, expires: number | null = null): JarCookie => ({ name, domain: 'www.site.localhost', path: '/', expires, httpOnly: false, secure: false });
const NOW = 1_800_000_000;
const DAY = 86_400;

describe('each rule on its edges', () => {
  const config = parseConfig({
    tenant: { id: 'site', name: 'Site', consentMaxAgeMonths: 6 },
    trackers: ['matomo', 'lisio', { id: 'session-only', name: 'S', provider: 'P', category: 'audience', description: { en: 'd' }, cookies: [{ name: 'sess', lifetime: 'session', purpose: { en: 'p' } }] }],
    excludedPaths: ['/private/*'],
  });
  const rules = (artifacts: Artifacts) => audit(artifacts).findings.map((f) => `${f.rule} ${f.cookie ?? f.storageKey ?? f.url}`);

  it('allows a day beyond a declared lifetime, not two; a session cookie carrying an expiry is longer than declared', () => {
    const at = (days: number) => NOW + 395 * DAY + days * DAY;
    expect(rules(recording(config, { jar: [['accepted', [cookie('_pk_id.1', at(0.9))]]] }))).not.toContain('lifetime-longer _pk_id.1');
    expect(rules(recording(config, { jar: [['accepted', [cookie('_pk_id.1', at(2))]]] }))).toContain('lifetime-longer _pk_id.1');
    expect(rules(recording(config, { jar: [['accepted', [cookie('sess', NOW + 3600)]]] }))).toContain('lifetime-longer sess');
    expect(rules(recording(config, { jar: [['accepted', [cookie('sess')]]] }))).not.toContain('lifetime-longer sess');
  });

  it("checks temoin's consent cookie against consentMaxAgeMonths", () => {
    expect(rules(recording(config, { jar: [['refused', [cookie('temoin', NOW + 180 * DAY)]]] }))).toEqual(expect.not.arrayContaining(['lifetime-longer temoin']));
    expect(rules(recording(config, { jar: [['refused', [cookie('temoin', NOW + 400 * DAY)]]] }))).toContain('lifetime-longer temoin');
  });

  it('counts on an excluded page what was written there, not a cookie merely present', () => {
    const page = 'http://www.site.localhost/private/file';
    const present = recording(config, { jar: [['accepted', [cookie('_pk_id.1', NOW + DAY)]]], pages: [{ url: page, status: 200, widget: true }] });
    present.jar[0].page = page;
    expect(rules(present)).not.toContain('excluded-page _pk_id.1');
    const written = recording(config, { writes: [{ name: '_pk_id.1', page, pass: 'accepted', expires: NOW + DAY }] });
    expect(rules(written)).toContain('excluded-page _pk_id.1');
    const functional = recording(config, { writes: [{ name: 'lisio_prefs', page, pass: 'accepted', expires: NOW + DAY }] });
    expect(rules(functional)).toEqual(expect.not.arrayContaining([expect.stringMatching(/lisio/)]));
  });

  it('ignores a write made before the choice of the refused pass, and one the browser did not keep', () => {
    expect(rules(recording(config, { writes: [{ name: '_pk_id.1', pass: 'refused', afterChoice: false }] }))).not.toContain('after-refusal _pk_id.1');
    expect(rules(recording(config, { writes: [{ name: '_pk_id.1', pass: 'refused' }] }))).toContain('after-refusal _pk_id.1');
    expect(rules(recording(config, { writes: [{ name: '_pk_id.1', stored: false }] }))).not.toContain('before-consent _pk_id.1');
  });

  it('without any config, every cookie is undeclared and temoin is missing from the page', () => {
    const artifacts = { ...recording(config, { jar: [['before', [cookie('_ga', NOW + DAY)]]], pages: [{ url: 'http://www.site.localhost/', status: 200, widget: false }] }), pageConfig: null };
    expect(audit(artifacts).findings.map((f) => [f.rule, f.suggestion])).toEqual([
      ['undeclared', 'google-analytics'],
      ['no-widget', null],
    ]);
  });
});

describe('reading a Set-Cookie header or a document.cookie write', () => {
  const url = 'https://www.site.localhost/shop/cart?x=1';
  it('takes the domain without its dot, the default path, Max-Age over Expires, HttpOnly', () => {
    expect(parseCookieText('a=1; Domain=.Site.localhost; Max-Age=60; Expires=Wed, 21 Oct 2015 07:28:00 GMT; HttpOnly', url, NOW)).toEqual({
      name: 'a',
      domain: 'site.localhost',
      path: '/shop',
      expires: NOW + 60,
      httpOnly: true,
      deletion: false,
    });
    expect(parseCookieText('b=2', 'https://www.site.localhost/', NOW)).toMatchObject({ domain: 'www.site.localhost', path: '/', expires: null });
  });
  it('tells a deletion, and ignores a write without a name', () => {
    expect(parseCookieText('a=; Max-Age=0', url, NOW)?.deletion).toBe(true);
    expect(parseCookieText('a=; expires=Thu, 01 Jan 1970 00:00:00 GMT', url, NOW)?.deletion).toBe(true);
    expect(parseCookieText('novalue', url, NOW)).toBeUndefined();
    expect(parseCookieText('=v', url, NOW)).toBeUndefined();
  });
});
