import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browser, server, useBrowser } from './support/setup';
import { pageHtml, testConfig } from './support/page';
import { ran, visit } from './ui-support';

useBrowser();

/** A site's own audience tracker, as the stand-in below writes it: one cookie, no consent API. */
const stats = {
  id: 'stats',
  name: 'Stats',
  provider: 'Mutuelle Test',
  category: 'audience',
  description: { fr: 'Statistiques de fréquentation.' },
  cookies: [{ name: 'stats_id', lifetime: '13mo', purpose: { fr: 'Identifie le visiteur.' } }],
};

/** The stand-in: runs once released, then rewrites its cookie every 200 ms, as a tracker's heartbeat does. */
const STATS_SCRIPT = `<script type="text/plain" data-temoin-tracker="stats">
  (window.__ran = window.__ran || []).push('stats');
  window.__timer = setInterval(() => { document.cookie = 'stats_id=1; path=/; max-age=3600'; }, 200);
</script>`;

const hasCookie = async (context: BrowserContext, name: string) => (await context.cookies()).some((c) => c.name === name);

/** Marks the page, so that a reload shows as the mark gone. */
const mark = (page: Page) => page.evaluate(() => ((window as unknown as { __mark: boolean }).__mark = true));
const marked = (page: Page) => page.evaluate(() => (window as unknown as { __mark?: boolean }).__mark === true);

/** Waits for the page to be reloaded (the mark gone) and temoin running again. */
async function reloaded(page: Page): Promise<void> {
  await expect.poll(() => marked(page).catch(() => false), { timeout: 10_000 }).toBe(false);
  await page.waitForFunction(() => window.Temoin?.get());
}

/** Opens the preferences from *Gestion des cookies*, turns the switch named `name` off, and saves. */
async function switchOff(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Gestion des cookies' }).click();
  await page.getByRole('switch', { name }).click();
  await page.getByRole('button', { name: 'Enregistrer mes choix' }).click();
}

describe('a withdrawal from the preferences (docs/contract.md §17)', () => {
  it('stops a tracker with no consent API by reloading once the choice is stored: its cookie is gone and stays gone', async () => {
    const { page, context } = await visit(browser, server, '/withdraw-reload.html', pageHtml({ config: testConfig({ trackers: [stats] }), body: STATS_SCRIPT }));
    await page.getByRole('button', { name: 'Tout accepter' }).click();
    await expect.poll(() => hasCookie(context, 'stats_id')).toBe(true);
    await mark(page);
    await switchOff(page, 'Stats');
    await reloaded(page);
    expect(await page.evaluate(() => window.Temoin.get()!.getConsent()?.trackers.stats)).toBe(false);
    expect(await ran(page)).toEqual([]);
    // Longer than the stand-in's beat: nothing writes it back.
    await page.waitForTimeout(600);
    expect(await hasCookie(context, 'stats_id')).toBe(false);
    await context.close();
  });

  it('leaves it to the site with reloadOnWithdrawal: false: no reload, and the page stops its tracker on temoin:change', async () => {
    // What a single-page app does (README, React and Vue recipes): stop the tracker it started.
    const listener = `<script>document.addEventListener('temoin:change', (event) => { if (!event.detail?.trackers.stats) clearInterval(window.__timer); });</script>`;
    const html = pageHtml({ config: testConfig({ trackers: [stats], reloadOnWithdrawal: false }), body: STATS_SCRIPT + listener });
    const { page, context } = await visit(browser, server, '/withdraw-spa.html', html);
    await page.getByRole('button', { name: 'Tout accepter' }).click();
    await expect.poll(() => hasCookie(context, 'stats_id')).toBe(true);
    await mark(page);
    await switchOff(page, 'Stats');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.waitForTimeout(800);
    expect(await marked(page)).toBe(true);
    expect(await hasCookie(context, 'stats_id')).toBe(false);
    await context.close();
  });

  it('never reloads on a grant nor on a first refusal', async () => {
    const { page, context } = await visit(browser, server, '/withdraw-none.html', pageHtml({ config: testConfig({ trackers: [stats] }), body: STATS_SCRIPT }));
    await mark(page);
    await page.getByRole('button', { name: 'Tout refuser' }).click();
    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    await expect.poll(() => hasCookie(context, 'stats_id')).toBe(true);
    await page.waitForTimeout(500);
    expect(await marked(page)).toBe(true);
    await context.close();
  });
});

describe('the vendors’ consent APIs (docs/contract.md §17)', () => {
  // Stand-ins of matomo.js, Clarity's tag and Piano's SDK: each records the consent calls it gets.
  const body = `
    <script>window.__calls = [];</script>
    <script type="text/plain" data-temoin-tracker="matomo">
      (window.__ran = window.__ran || []).push('matomo');
      window._paq = { push: (command) => __calls.push(['_paq', ...command]) };
    </script>
    <script type="text/plain" data-temoin-tracker="microsoft-clarity">
      (window.__ran = window.__ran || []).push('clarity');
      window.clarity = (...args) => __calls.push(['clarity', ...args]);
    </script>
    <script type="text/plain" data-temoin-tracker="piano-analytics">
      (window.__ran = window.__ran || []).push('piano');
      window.pa = { consent: { setMode: (mode) => __calls.push(['pa.consent.setMode', mode]) } };
    </script>`;
  const calls = (page: Page) => page.evaluate(() => (window as unknown as { __calls: unknown[][] }).__calls.splice(0));
  /** The calls a choice brings, once there are `count` of them: the withdrawal's come after its file loads. */
  async function nextCalls(page: Page, count: number): Promise<unknown[][]> {
    await expect.poll(() => page.evaluate(() => (window as unknown as { __calls: unknown[][] }).__calls.length)).toBeGreaterThanOrEqual(count);
    return calls(page);
  }

  it('stops Matomo, Clarity and Piano through their own calls, in the config’s order, with no reload, and resumes them on a grant', async () => {
    const config = testConfig({ trackers: ['matomo', 'microsoft-clarity', 'piano-analytics'] });
    const { page, context } = await visit(browser, server, '/vendor-apis.html', pageHtml({ config, body }));
    await page.getByRole('button', { name: 'Tout accepter' }).click();
    await expect.poll(() => ran(page)).toEqual(['matomo', 'clarity', 'piano']);
    await calls(page);
    await mark(page);

    await page.evaluate(() => window.Temoin.get()!.rejectAll());
    const denied = { ad_Storage: 'denied', analytics_Storage: 'denied' };
    expect(await nextCalls(page, 3)).toEqual([
      // All of them from the withdrawal's file, Matomo's forgetCookieConsentGiven included (consent-apis.ts).
      ['_paq', 'forgetCookieConsentGiven'],
      ['clarity', 'consentv2', denied],
      ['pa.consent.setMode', 'opt-out'],
    ]);

    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    const granted = { ad_Storage: 'granted', analytics_Storage: 'granted' };
    expect(await nextCalls(page, 3)).toEqual([
      ['_paq', 'setCookieConsentGiven'],
      ['clarity', 'consentv2', granted],
      ['pa.consent.setMode', 'opt-in'],
    ]);
    expect(await marked(page)).toBe(true);
    await context.close();
  });
});

describe('the storage keys of a tracker stopped through its consent API', () => {
  // A site's own tracker using Clarity's consent API, which writes its key once more when told to stop.
  const keyed = { ...stats, id: 'keyed', name: 'Keyed', consentApi: 'clarity', storage: ['keyed_*'], cookies: [] };
  const body = `<script type="text/plain" data-temoin-tracker="keyed">
    (window.__ran = window.__ran || []).push('keyed');
    localStorage.setItem('keyed_state', 'running');
    window.clarity = (command, { analytics_Storage }) => {
      (window.__told = window.__told || []).push(analytics_Storage);
      localStorage.setItem('keyed_state', analytics_Storage);
    };
  </script>`;
  const stored = (page: Page) => page.evaluate(() => localStorage.getItem('keyed_state'));
  const told = (page: Page) => page.evaluate(() => (window as unknown as { __told?: string[] }).__told ?? []);

  it('are deleted once more after the stop, whatever it wrote on its way out, with no reload', async () => {
    const { page, context } = await visit(browser, server, '/withdraw-storage.html', pageHtml({ config: testConfig({ trackers: [keyed] }), body }));
    await page.getByRole('button', { name: 'Tout accepter' }).click();
    await expect.poll(() => stored(page)).toBe('running');
    await mark(page);
    await page.evaluate(() => window.Temoin.get()!.rejectAll());
    // The stand-in wrote its key when told to stop, after the choice had deleted it: deleted again.
    await expect.poll(() => told(page)).toEqual(['denied']);
    await expect.poll(() => stored(page)).toBeNull();
    await page.waitForTimeout(300);
    expect(await stored(page)).toBeNull();
    expect(await marked(page)).toBe(true);
    await context.close();
  });
});

describe('an exempt audience measurement (docs/contract.md §17)', () => {
  const exemptStats = { ...stats, exemption: { conditions: { fr: 'IP anonymisée' }, url: 'https://example.org/exemption' }, exempt: true };
  const html = pageHtml({ config: testConfig({ trackers: [exemptStats, 'google-analytics'] }), body: STATS_SCRIPT });

  it('runs on the first view, after Tout refuser and after a reload; stops and loses its cookie on objection, and stays stopped', async () => {
    const { page, context } = await visit(browser, server, '/exempt.html', html);
    const banner = page.getByRole('region', { name: 'Vos choix sur les cookies' });
    await expect(banner.textContent()).resolves.toContain('Mesure d’audience exemptée de consentement (Stats)');
    await expect.poll(() => ran(page)).toEqual(['stats']);
    await expect.poll(() => hasCookie(context, 'stats_id')).toBe(true);
    expect(await page.evaluate(() => window.Temoin.get()!.isGranted('stats'))).toBe(true);

    await page.getByRole('button', { name: 'Tout refuser' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.waitForTimeout(400);
    expect(await hasCookie(context, 'stats_id')).toBe(true);
    expect(await page.evaluate(() => window.Temoin.get()!.getConsent()?.trackers)).toEqual({ stats: true, 'google-analytics': false });

    await page.reload();
    await page.waitForFunction(() => window.Temoin?.get());
    await expect.poll(() => ran(page)).toEqual(['stats']);

    await mark(page);
    await switchOff(page, 'Stats');
    await reloaded(page);
    // An exempt tracker that may not run is one objected to.
    expect(await page.evaluate(() => window.Temoin.get()!.getConsent()?.trackers)).toEqual({ stats: false, 'google-analytics': false });
    expect(await ran(page)).toEqual([]);
    await page.waitForTimeout(600);
    expect(await hasCookie(context, 'stats_id')).toBe(false);

    await page.reload();
    await page.waitForFunction(() => window.Temoin?.get());
    await page.waitForTimeout(400);
    expect(await ran(page)).toEqual([]);
    expect(await hasCookie(context, 'stats_id')).toBe(false);
    await context.close();
  });

  it('never runs on an excluded page, whatever the choice', async () => {
    const excluded = pageHtml({ config: testConfig({ trackers: [exemptStats], excludedPaths: ['/espace-adherent/*'] }), body: STATS_SCRIPT });
    const { page, context } = await visit(browser, server, '/espace-adherent/exempt.html', excluded);
    await page.getByRole('region', { name: 'Vos choix sur les cookies' }).waitFor();
    await mark(page);
    await page.getByRole('button', { name: 'Tout refuser' }).click();
    await page.waitForTimeout(500);
    expect(await ran(page)).toEqual([]);
    expect(await hasCookie(context, 'stats_id')).toBe(false);
    expect(await marked(page)).toBe(true);
    await context.close();
  });
});
