// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run';
import { check } from '../../src/cli/check';
import { lifetimeOf, draftConfig } from '../../src/scan/report/draft-config';
import { htmlReport } from '../../src/scan/report/html';
import { jsonReport } from '../../src/scan/report/json';
import { terminalReport } from '../../src/scan/report/terminal';
import { audit } from '../../src/scan/scan';
import type { Artifacts } from '../../src/scan/types';

/** `temoin scan` without a browser: its arguments, and its reports on a recorded scan. */
async function scan(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(['scan', ...args], { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const recorded: Artifacts = JSON.parse(readFileSync('tests/fixtures/scan/site-artifacts.json', 'utf8'));
let scratch: string;
beforeAll(() => {
  Object.assign(globalThis, { __TEMOIN_VERSION__: JSON.parse(readFileSync('package.json', 'utf8')).version });
  scratch = mkdtempSync(join(tmpdir(), 'temoin-scan-cli-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('temoin scan arguments: a clear message and exit 2 before any browser starts', () => {
  it.each([
    [['https://example.org/', '--pages', '0'], '--pages must be a whole number from 1 to 10000, not "0"'],
    [['ftp://example.org/'], '"ftp://example.org/" is not an http: or https: URL'],
    [['file:///etc/passwd'], '"file:///etc/passwd" is not an http: or https: URL'],
    [['example.org'], '"example.org" is not a URL; did you mean https://example.org?'],
    [[], 'scan needs the URL of a page of the site'],
    [['https://example.org/', '--page', '3'], 'unknown option "--page"; did you mean --pages?'],
    [['https://example.org/', '--depth', '-1'], '--depth must be a whole number from 0 to 100, not "-1"'],
    [['https://example.org/', '--lang', 'de'], '--lang must be fr or en, not "de"'],
    [['https://example.org/', '--cookie', 'novalue'], '--cookie takes name=value, not "novalue"'],
    [['https://example.org/', '--config', 'nope.json'], 'cannot read nope.json: there is no such file'],
    [['https://example.org/', '--storage-state', 'nope.json'], '--storage-state: cannot read nope.json'],
  ])('%j', async (args, message) => {
    const { code, err, out } = await scan(...args);
    expect(code).toBe(2);
    expect(err).toContain(`temoin scan: ${message}`);
    expect(err).toContain('Usage: temoin scan <url…>');
    expect(out).toBe('');
  });

  it('lists the issues of an invalid --config, and exits 2', async () => {
    const file = join(scratch, 'bad.json');
    writeFileSync(file, JSON.stringify({ tenant: { id: 'Bad Id', name: 'x' }, trackers: ['matomo'] }));
    const { code, err } = await scan('https://example.org/', '--config', file);
    expect(code).toBe(2);
    expect(err).toContain('tenant.id: must be 1 to 40 characters');
    expect(err).toContain(`--config ${file} is not a valid config (1 problem)`);
  });

  it('says which browser is missing, and how to get one', async () => {
    const { code, err } = await scan('https://example.org/', '--browser', '/nonexistent/chrome');
    expect(code).toBe(2);
    expect(err).toBe('temoin scan: https://example.org/, up to 20 pages…\ntemoin scan: could not scan: --browser names no file: /nonexistent/chrome');
  }, 30_000);

  it('prints its help with every rule', async () => {
    const { code, out } = await scan('--help');
    expect(code).toBe(0);
    for (const rule of ['before-consent', 'after-refusal', 'excluded-page', 'undeclared', 'lifetime-longer', 'over-13-months', 'lifetime-extended', 'no-widget', 'declared-not-seen']) {
      expect(out).toContain(rule);
    }
  });
});

describe('the reports of a recorded scan', () => {
  const result = audit(recorded);

  it('writes the JSON of docs/contract.md §15', () => {
    const report = jsonReport(result);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['pages', 'cookies', 'storage', 'findings']));
    for (const page of report.pages) expect(Object.keys(page)).toEqual(expect.arrayContaining(['url', 'status', 'widget', 'excluded']));
    for (const cookie of report.cookies) {
      expect(Object.keys(cookie)).toEqual(expect.arrayContaining(['name', 'domain', 'path', 'expires', 'httpOnly', 'passes', 'tracker', 'setBy']));
      expect(cookie.expires === null || Number.isFinite(cookie.expires)).toBe(true);
    }
    for (const item of report.storage) expect(Object.keys(item)).toEqual(expect.arrayContaining(['area', 'origin', 'key', 'passes', 'tracker']));
    for (const finding of report.findings) {
      expect(Object.keys(finding)).toEqual(expect.arrayContaining(['rule', 'severity', 'pass', 'url', 'tracker', 'suggestion', 'message']));
      expect('cookie' in finding || 'storageKey' in finding || finding.rule === 'no-widget').toBe(true);
    }
    expect(report.pages.find((p) => p.url.endsWith('/espace-adherent/'))?.excluded).toBe(true);
    expect(report.cookies.find((c) => c.name === '_hjSessionUser_42')).toMatchObject({ httpOnly: true, tracker: null, setBy: 'http://www.site.localhost:4173/' });
  });

  it('writes an HTML page in English with --lang en, every recorded text escaped', () => {
    const hostile: Artifacts = { ...recorded, storage: [...recorded.storage, { ...recorded.storage[0], key: '<img src=x onerror=alert(1)>', afterChoice: true }] };
    const html = htmlReport(audit(hostile), 'en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('After “Reject all”');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).not.toContain('<img src=x');
  });

  it('drafts a config whose only problems are the texts no scan can know', () => {
    const draft = draftConfig(audit({ ...recorded, pageConfig: null }));
    expect(draft.tenant).toEqual({ id: 'www-site-localhost', name: 'www.site.localhost', locale: 'fr' });
    const checked = check(draft);
    expect(checked.ok).toBe(false);
    if (!checked.ok) for (const issue of checked.issues) expect(issue.path).toMatch(/^trackers\[\d+\]\.(description|provider|cookies\[\d+\]\.purpose)$/);
    const stats = draft.trackers.find((t) => typeof t === 'object' && t.id === 'stats-id');
    expect(stats).toMatchObject({ cookies: [{ name: 'stats_id', lifetime: '1y' }] });
  });

  it('says so when the scan ran out of time before the refused and accepted passes', () => {
    const cut = terminalReport(audit({ ...recorded, passes: recorded.passes.slice(0, 1) }));
    expect(cut).toContain('The refused and accepted passes did not run: the scan reached --max-time.');
    expect(terminalReport(result)).not.toContain('The refused and accepted passes did not run: the scan reached --max-time.');
  });

  it('writes an observed lifetime as a config does', () => {
    expect([undefined, 30, 5400, 2 * 86_400, 90 * 86_400, 395 * 86_400, 730.5 * 86_400].map(lifetimeOf)).toEqual(['session', '30s', '2h', '2d', '3mo', '13mo', '2y']);
  });
});
