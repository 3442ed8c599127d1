import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run';
import { check } from '../../src/cli/check';
import { chromiumPath } from './support/browser';
import { serveScanSite } from './support/scan-site';
import { startServer, type TestServer } from './support/server';

/**
 * `temoin scan` in the npm-shipped Chromium: the fixture site (one case of every rule of
 * docs/contract.md §15), the demo's three tenants, and the sites it cannot scan.
 */
const ROOT = resolve(import.meta.dirname, '../..');

let server: TestServer;
let browserPath: string;
let scratch: string;
beforeAll(async () => {
  // The build defines it (vite.config.ts); the command runs here from its sources.
  Object.assign(globalThis, { __TEMOIN_VERSION__: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version });
  [server, browserPath] = await Promise.all([startServer(), chromiumPath()]);
  serveScanSite(server);
  scratch = mkdtempSync(join(tmpdir(), 'temoin-scan-'));
});
afterAll(async () => {
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** `temoin scan` in-process, with the tests' Chromium; `progress` stands for stderr being a terminal. */
async function scan(...args: string[]): Promise<{ code: number; out: string; err: string; progress: string }> {
  const out: string[] = [];
  const err: string[] = [];
  let progress = '';
  const tty = args[0] === '--tty' && args.shift() ? { write: (text: string) => void (progress += text), columns: 100 } : undefined;
  const code = await run(['scan', ...args, '--browser', browserPath], { out: (line) => out.push(line), err: (line) => err.push(line), progress: tty });
  return { code, out: out.join('\n'), err: err.join('\n'), progress };
}

const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
type Report = {
  pages: { url: string; status: number | null; widget: boolean; excluded: boolean }[];
  cookies: { name: string; domain: string; httpOnly: boolean; expires: number | null; passes: string[]; tracker: string | null; setBy: string | null }[];
  storage: { area: string; origin: string; key: string; passes: string[]; tracker: string | null }[];
  findings: { rule: string; severity: string; pass: string | null; url: string | null; cookie?: string; storageKey?: string; tracker: string | null; suggestion: string | null; setBy: string | null; message: string }[];
};

describe('temoin scan of the fixture site', () => {
  let result: Awaited<ReturnType<typeof scan>>;
  let report: Report;
  let site: string;
  beforeAll(async () => {
    site = server.origin();
    result = await scan('--tty', `${site}/`, '--json', join(scratch, 'site.json'), '--html', join(scratch, 'site.html'), '--draft-config', join(scratch, 'draft.json'));
    report = json(join(scratch, 'site.json'));
  }, 120_000);
  const findings = (rule: string, name: string) => report.findings.filter((f) => f.rule === rule && (f.cookie ?? f.storageKey) === name);

  it('exits 1, there being error findings, and lists them grouped by rule, worst first', () => {
    expect(result.code).toBe(1);
    const headings = result.out.split('\n').filter((line) => /^[✖⚠ℹ] /.test(line));
    expect(headings.map((line) => line.split(' ')[2].replace(':', ''))).toEqual([
      'before-consent',
      'after-refusal',
      'excluded-page',
      'undeclared',
      'lifetime-longer',
      'over-13-months',
      'no-widget',
      'declared-not-seen',
    ]);
  });

  it('draws its progress on a terminal, pass by pass, and clears it before the summary', () => {
    const frames = result.progress.split('\r').filter((frame) => frame.trim());
    expect(frames[0]).toMatch(/^before {3}\[#{20}\] 1\/1 http:\/\/www\.site\.localhost:\d+\/ +$/);
    for (const pass of ['refused', 'accepted']) expect(frames).toContainEqual(expect.stringMatching(new RegExp(`^${pass} +\\[#{20}\\] 4/4 `)));
    expect(result.progress.endsWith(`\r${' '.repeat(99)}\r`)).toBe(true);
    expect(result.err).not.toContain('\r');
  });

  it('crawls the links of the site, not a PDF nor another site, and says where temoin ran and which page is excluded', () => {
    expect(report.pages.map((p) => [p.url.slice(site.length), p.status, p.widget, p.excluded]).sort()).toEqual([
      ['/', 200, true, false],
      ['/a-propos.html', 200, true, false],
      ['/espace-adherent/', 200, true, true],
      ['/sans-temoin.html', 200, false, false],
    ]);
  });

  it('finds _ga written before any choice and after refusing, with the page and the ungated script that set it', () => {
    expect(findings('before-consent', '_ga')).toEqual([expect.objectContaining({ severity: 'error', pass: 'before', url: `${site}/`, tracker: 'google-analytics', setBy: `${site}/js/tag.js` })]);
    expect(findings('after-refusal', '_ga')).toEqual([expect.objectContaining({ pass: 'refused', setBy: `${site}/js/tag.js` })]);
    expect(findings('after-refusal', '_ga')[0].url).toMatch(new RegExp(`^${site}/(a-propos\\.html)?$`));
  });

  it('finds the cookie a frame of another host of the site set through its response', () => {
    expect(findings('before-consent', 'VISITOR_INFO1_LIVE')).toEqual([
      expect.objectContaining({ url: `${site}/`, tracker: 'youtube', setBy: `${server.origin('cdn.site.localhost')}/player.html` }),
    ]);
    expect(report.cookies.find((c) => c.name === 'VISITOR_INFO1_LIVE')).toMatchObject({ domain: 'cdn.site.localhost' });
  });

  it('finds the pixel written on the excluded member area', () => {
    expect(findings('excluded-page', '_fbp')).toEqual([expect.objectContaining({ url: `${site}/espace-adherent/`, tracker: 'facebook-pixel', setBy: `${site}/js/pixel.js` })]);
  });

  it("finds the undeclared HttpOnly cookie of the page's response, suggesting the catalog entry, and the undeclared localStorage key", () => {
    expect(findings('undeclared', '_hjSessionUser_42')).toEqual([expect.objectContaining({ url: `${site}/`, suggestion: 'hotjar', setBy: `${site}/` })]);
    expect(report.cookies.find((c) => c.name === '_hjSessionUser_42')).toMatchObject({ httpOnly: true, tracker: null, passes: ['before', 'refused', 'accepted'] });
    expect(findings('undeclared', 'chat-visitor-id')).toEqual([expect.objectContaining({ url: `${site}/`, setBy: `${site}/` })]);
    expect(report.storage.find((s) => s.key === 'chat-visitor-id')).toMatchObject({ area: 'localStorage', origin: site, tracker: null });
  });

  it('warns of the gated cookie living 2 years where 13 months are declared, seen after accepting only', () => {
    expect(findings('lifetime-longer', '_pk_id.1.abcd')).toEqual([expect.objectContaining({ pass: 'accepted', tracker: 'matomo', setBy: `${site}/js/matomo.js` })]);
    expect(findings('over-13-months', '_pk_id.1.abcd')).toHaveLength(1);
    const pk = report.cookies.find((c) => c.name === '_pk_id.1.abcd')!;
    expect(pk.passes).toEqual(['accepted']);
    // Chromium keeps a cookie 400 days at most (the write asked for 2 years, which the finding says).
    expect(pk.expires! - Date.now() / 1000).toBeGreaterThan(395 * 86_400);
    expect(findings('lifetime-longer', '_pk_id.1.abcd')[0].message).toContain('set to live 2 years, declared 13mo');
  });

  it('warns of the page without temoin, and never reports the consent cookie nor the functional one', () => {
    expect(report.findings.filter((f) => f.rule === 'no-widget').map((f) => f.url)).toEqual([`${site}/sans-temoin.html`]);
    expect(report.cookies.find((c) => c.name === 'temoin')).toMatchObject({ passes: ['refused', 'accepted'], setBy: `${site}/dist/temoin.js` });
    expect(report.findings.filter((f) => f.cookie === 'temoin' || f.cookie === 'lisio_prefs')).toEqual([]);
  });

  it('writes an HTML report in the config’s language with the banner, a column per pass and the findings', () => {
    const html = readFileSync(join(scratch, 'site.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(html).toContain('<img src="data:image/png;base64,iVBOR');
    for (const heading of ['Avant tout choix', 'Après « Tout refuser »', 'Après « Tout accepter »', 'Déposé avant tout choix']) expect(html).toContain(heading);
    expect(html).not.toMatch(/<(script|link)\b/);
  });

  it('drafts a config: matched catalog ids, the site’s own trackers, a tracker per unknown name whose texts lint reports', () => {
    const draft = json(join(scratch, 'draft.json'));
    expect(draft.trackers.filter((t: unknown) => typeof t === 'string')).toEqual(['facebook-pixel', 'google-analytics', 'hotjar', 'lisio', 'matomo', 'youtube']);
    expect(draft.trackers.find((t: { id?: string }) => t.id === 'chat-visitor-id')).toMatchObject({ storage: ['chat-visitor-id'], category: 'audience' });
    const checked = check(draft);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.issues.every((issue) => /\.(description|purpose|provider)$|\.description$/.test(issue.path))).toBe(true);
  });
});

describe('temoin scan of a first URL that redirects to another host', () => {
  it('crawls the site where it landed: its home page is a link of the landing page', async () => {
    const landing = server.origin('autre.site.localhost');
    server.page('/entree', (_req, res) => void res.writeHead(302, { location: `${landing}/` }).end());
    const file = join(scratch, 'redirected.json');
    await scan(`${server.origin()}/entree`, '--pages', '2', '--json', file);
    expect((json(file) as Report).pages.map((p) => [p.url, p.status])).toEqual([
      [`${server.origin()}/entree`, 200],
      [`${landing}/`, 200],
    ]);
  }, 120_000);
});

describe('temoin scan of a connected space', () => {
  it('starts each pass with the given cookies and storage state, which are the visitor’s, never findings', async () => {
    const state = join(scratch, 'state.json');
    const host = new URL(server.origin()).hostname;
    writeFileSync(state, JSON.stringify({ cookies: [{ name: 'member_session', value: 's1', domain: host, path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' }], origins: [] }));
    // The member page answers with a cookie of its own only to a visitor bringing both.
    server.page('/membre.html', (req, res) => {
      const cookies = req.headers.cookie ?? '';
      const member = cookies.includes('member_session=s1') && cookies.includes('member_token=t1');
      res.writeHead(200, { 'content-type': 'text/html', ...(member ? { 'set-cookie': 'member_view=1; Path=/; Max-Age=60' } : {}) }).end('<!doctype html><title>Membre</title>');
    });
    const file = join(scratch, 'connected.json');
    const { code } = await scan(`${server.origin()}/membre.html`, '--storage-state', state, '--cookie', 'member_token=t1', '--json', file);
    expect(code).toBe(1);
    const report = json(file) as Report;
    expect(report.cookies.map((c) => c.name)).toEqual(['member_view']);
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.cookie, f.setBy])).toEqual([['undeclared', 'member_view', `${server.origin()}/membre.html`]]);
  }, 120_000);
});

describe('temoin scan of the demo portal', () => {
  let vite: ViteDevServer;
  let origin: string;
  beforeAll(async () => {
    vite = await createServer({ configFile: resolve(ROOT, 'demo/vite.config.ts'), logLevel: 'silent', server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false } });
    await vite.listen();
    origin = `http://www.portail.localhost:${(vite.httpServer!.address() as AddressInfo).port}`;
  });
  afterAll(() => vite?.close());

  it.each(['azur', 'horizon', 'wellcare'])('finds no error on %s, its three passes made through its banner', async (tenant) => {
    const file = join(scratch, `${tenant}.json`);
    const { code, out } = await scan(`${origin}/${tenant}/`, '--json', file);
    const report = json(file);
    expect(report.findings.filter((f: { severity: string }) => f.severity === 'error'), out).toEqual([]);
    expect(code).toBe(0);
    expect(report.passes.map((p: { pass: string; choice: string }) => [p.pass, p.choice])).toEqual([['before', null], ['refused', 'clicked'], ['accepted', 'clicked']]);
    expect(report.pages.every((p: { widget: boolean; url: string }) => p.widget && p.url.startsWith(`${origin}/${tenant}/`))).toBe(true);
  }, 120_000);

  it("sees Horizon's member area excluded and Matomo there in no pass, with the built command", async () => {
    const file = join(scratch, 'horizon-built.json');
    const { stdout } = await promisify(execFile)('node', ['dist/cli.mjs', 'scan', `${origin}/horizon/`, '--json', file, '--browser', browserPath], { cwd: ROOT });
    expect(stdout).toContain('0 errors');
    const report = json(file);
    expect(report.pages.find((p: { url: string }) => p.url.endsWith('/espace-adherent/'))).toMatchObject({ excluded: true, widget: true });
    expect(report.cookies.find((c: { name: string }) => c.name.startsWith('_pk_id'))).toMatchObject({ tracker: 'matomo', passes: ['accepted'], setBy: `${origin}/standins/matomo.js` });
  }, 120_000);
});

describe('temoin scan of sites it cannot scan: a clear message, exit 2, no hang, no stack trace', () => {
  /** A loopback URL where nothing listens: a port just freed. */
  let closedPort: string;
  beforeAll(async () => {
    const probe = createNetServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    closedPort = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/`;
    await new Promise((done) => probe.close(done));
    server.page('/erreur.html', { body: 'boom', status: 500 });
    server.page('/boucle', (_req, res) => void res.writeHead(302, { location: '/boucle' }).end());
    // Headers, a start of body, and never the end: the load event never comes.
    server.page('/sans-fin.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<!doctype html><title>…</title><p>loading');
    });
  });

  it.each([
    ['nothing listens', () => closedPort, 'connection refused'],
    ['a 500', () => `${server.origin()}/erreur.html`, 'HTTP 500'],
    ['a redirect loop', () => `${server.origin()}/boucle`, 'too many redirects'],
    ['a page that never finishes loading', () => `${server.origin()}/sans-fin.html`, 'did not finish loading within 2 s'],
  ])('%s', async (_, url, reason) => {
    const { code, out, err } = await scan(url(), '--timeout', '2');
    expect(code).toBe(2);
    expect(err).toContain(`temoin scan: could not scan: ${url()}: ${reason}`);
    expect(`${out}\n${err}`).not.toMatch(/^\s+at /m);
  }, 30_000);

  it('an unreachable URL with the built command: one message on stderr, exit 2', async () => {
    const failed = await promisify(execFile)('node', ['dist/cli.mjs', 'scan', closedPort, '--browser', browserPath], { cwd: ROOT }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain(`could not scan: ${closedPort}: connection refused`);
    expect(failed?.stderr).not.toMatch(/^\s+at /m);
  }, 30_000);
});
