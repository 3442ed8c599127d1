import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { check } from '../../src/cli/check';
import { type ConfigureServer, startConfigureServer } from '../../src/configure/server';
import { decodeState } from '../../src/configure/share';
import { launch, openPage } from './support/browser';

const ROOT = resolve(import.meta.dirname, '../..');
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

let browser: Awaited<ReturnType<typeof launch>>;
let dir: string;
let file: string;
let server: ConfigureServer;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'temoin-configure-page-'));
  file = join(dir, 'site.json');
  // The server as `temoin configure site.json` starts it, on the built page and widget.
  server = await startConfigureServer({
    file,
    distDir: join(ROOT, 'dist'),
    check: (input) => {
      const checked = check(input);
      return checked.ok ? [] : checked.issues;
    },
  });
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(width = 1400) {
  const opened = await openPage(browser, { viewport: { width, height: 900 }, locale: 'en-GB' });
  await opened.page.goto(server.url);
  await opened.page.getByRole('heading', { name: 'Configure temoin' }).waitFor();
  return opened;
}

/** The text of the widget's banner in a preview frame (inside its shadow root), once it shows. */
async function bannerText(frame: Frame): Promise<string> {
  const region = frame.getByRole('region', { name: 'Vos choix sur les cookies' });
  await region.waitFor({ timeout: 10_000 });
  return region.innerText();
}

const previewFrame = async (page: Page, width: number) => (await page.locator(`iframe[data-width="${width}"]`).elementHandle())!.contentFrame() as Promise<Frame>;

/** Presses Tab (Shift+Tab with `back`) until the element matching `selector` has the focus. */
async function tabTo(page: Page, selector: string, back = false) {
  for (let i = 0; i < 300; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('temoin configure: from an empty config to a saved one', () => {
  it('adds three catalog entries, previews the banner at both sizes, reports a javascript: URL at its field, and saves a valid file', async () => {
    const { page, context, errors } = await open();
    await page.getByLabel('Site id').fill('mutuelle-horizon');
    await page.getByLabel('Name shown to visitors').fill('Mutuelle Horizon');
    await page.getByLabel('How long a choice is kept (months)').fill('12');
    const search = page.getByLabel('Search (name, vendor, category, cookie)');
    for (const [query, name] of [['_ga', 'Google Analytics'], ['matomo', 'Matomo'], ['__zlcmid', 'Zendesk Chat']]) {
      await search.fill(query);
      await page.getByRole('button', { name: `Add ${name}`, exact: true }).click();
    }
    await expect.poll(() => page.locator('.chosen li code').allInnerTexts()).toEqual(['google-analytics', 'matomo', 'zendesk']);

    const policy = page.getByLabel('Privacy policy URL');
    await policy.fill('javascript:alert(1)');
    await expect.poll(() => policy.getAttribute('aria-invalid')).toBe('true');
    const described = (await policy.getAttribute('aria-describedby'))!.split(' ');
    const messages = await Promise.all(described.map((id) => page.locator(`[id="${id}"]`).innerText()));
    expect(messages.join(' ')).toMatch(/http/);
    await policy.fill('https://www.mutuelle-horizon.fr/confidentialite');
    await expect.poll(() => policy.getAttribute('aria-invalid')).toBe(null);

    for (const width of [360, 1280]) {
      const text = await bannerText(await previewFrame(page, width));
      expect(text, `${width} px`).toContain('Mutuelle Horizon');
      expect(text).toContain('Tout accepter');
    }
    // The preview's own cookie names: the site's consent cookie is never written.
    const names = (await context.cookies()).map((c) => c.name);
    expect(names).not.toContain('temoin');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(/^Saved to site\.json\.$/).waitFor();
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved).toMatchObject({ tenant: { id: 'mutuelle-horizon', name: 'Mutuelle Horizon', consentMaxAgeMonths: 12 }, trackers: ['google-analytics', 'matomo', 'zendesk'] });
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(saved, null, 2)}\n`);
    const { stdout } = await promisify(execFile)('node', ['dist/cli.mjs', 'validate', file], { cwd: ROOT });
    expect(stdout).toContain('is a valid temoin config');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('does the same by keyboard alone', async () => {
    const { page, context } = await open();
    await tabTo(page, '#f-tenant\\.id');
    await page.keyboard.type('clavier');
    await tabTo(page, '#f-tenant\\.name');
    await page.keyboard.type('Clavier');
    await tabTo(page, '#catalog-search');
    await page.keyboard.type('_pk_id');
    await tabTo(page, 'button[aria-label="Add Matomo"]');
    await page.keyboard.press('Enter');
    await tabTo(page, 'button.primary', true);
    await page.keyboard.press('Enter');
    await page.getByText(/^Saved to site\.json\.$/).waitFor();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ tenant: { id: 'clavier', name: 'Clavier' }, trackers: ['matomo'] });
    await context.close();
  });

  it('opens the file it was started with, and writes nothing while the config is invalid', async () => {
    await server.close();
    const original = `${JSON.stringify({ tenant: { id: 'avant', name: 'Avant' }, trackers: ['lisio'] }, null, 2)}\n`;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, original);
    server = await startConfigureServer({ file, distDir: join(ROOT, 'dist'), check: (input) => (check(input).ok ? [] : [{ path: '', message: 'invalid' }]) });
    const { page, context } = await open();
    await expect.poll(() => page.getByLabel('Site id').inputValue()).toBe('avant');
    await page.getByLabel('Site id').fill('Not Valid');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Fix the problems before saving.').waitFor();
    expect(readFileSync(file, 'utf8')).toBe(original);
    await context.close();
  });
});

describe('temoin configure: import', () => {
  it('keeps the form as it is for a text that is not JSON, and shows an invalid config’s problems before taking it', async () => {
    const { page, context } = await open();
    await page.getByLabel('Site id').fill('garde');
    const pasted = page.getByLabel('Paste a JSON config or a temoin scan report');
    await pasted.fill('{"tenant": ');
    await page.getByRole('button', { name: 'Import the text' }).click();
    await page.getByText('This text is not JSON: nothing changed.').waitFor();
    await pasted.fill(JSON.stringify({ tenant: { id: 'Autre Site', name: 'Autre' }, trackers: ['no-such-tracker'] }));
    await page.getByRole('button', { name: 'Import the text' }).click();
    const problems = page.getByRole('list', { name: 'Problems of the pasted config' });
    await expect.poll(() => problems.innerText()).toMatch(/tenant\.id: [\s\S]*trackers\[0\]: "no-such-tracker" is not in the catalog/);
    expect(await page.getByLabel('Site id').inputValue()).toBe('garde');
    await page.getByRole('button', { name: 'Import anyway' }).click();
    await expect.poll(() => page.getByLabel('Site id').inputValue()).toBe('Autre Site');
    expect(await page.getByLabel('Site id').getAttribute('aria-invalid')).toBe('true');
    await context.close();
  });
});

describe('temoin configure: the share link', () => {
  it('carries the whole state after #, and restores it in a new page', async () => {
    const { page, context } = await open();
    await page.getByLabel('Site id').fill('partage');
    await page.getByLabel('Name shown to visitors').fill('Partagé');
    await page.getByLabel('Background').fill('#fafafa');
    const share = page.getByLabel('Share link');
    // The link follows each edit a moment later (it is compressed asynchronously): wait for the last one.
    const carried = async () => {
      const state = await decodeState(new URL((await share.inputValue()) || 'http://x/').hash);
      return state && !(state instanceof Error) ? [state.config.tenant, state.theme] : null;
    };
    await expect.poll(carried).toEqual([{ id: 'partage', name: 'Partagé' }, { background: '#fafafa' }]);
    const link = await share.inputValue();
    expect(new URL(link).origin).toBe(new URL(server.url).origin);
    await context.close();

    const other = await openPage(browser, { locale: 'en-GB' });
    await other.page.goto(link);
    await expect.poll(() => other.page.getByLabel('Site id').inputValue()).toBe('partage');
    expect(await other.page.getByLabel('Name shown to visitors').inputValue()).toBe('Partagé');
    expect(await other.page.getByLabel('Background').inputValue()).toBe('#fafafa');
    await other.context.close();
  });

  it('says so when the link does not decode, and opens the empty form', async () => {
    const { page, context } = await openPage(browser, { locale: 'en-GB' });
    await page.goto(`${server.url}#c=not-a-state`);
    await page.getByText(/The share link does not decode/).waitFor();
    expect(await page.getByLabel('Site id').inputValue()).toBe('');
    expect(existsSync(file)).toBe(false);
    await context.close();
  });
});

describe('temoin configure: accessibility', () => {
  it('has no serious or critical axe violation, in French and in English', async () => {
    const { page, context } = await open();
    await page.getByLabel('Site id').fill('Bad Id');
    for (const lang of ['en', 'fr']) {
      await page.locator('#page-lang').selectOption(lang);
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.length}`);
      });
      expect(violations, lang).toEqual([]);
    }
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Configurer temoin');
    await context.close();
  });

  it('fits a 320 px wide screen without scrolling sideways', async () => {
    const { page, context } = await open(320);
    await page.getByLabel('Site id').fill('etroit');
    await page.getByLabel('Name shown to visitors').fill('Étroit');
    await page.locator('iframe[data-width="360"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
  });
});
