import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage } from './support/browser';

/**
 * The demo portal (`npm run demo`), served by its own Vite config on a free port, and read the way
 * a visitor reads it: through the page's live report of tracker scripts and cookies.
 */
const ROOT = resolve(import.meta.dirname, '../..');

let browser: Browser;
let vite: ViteDevServer;
let origin: string;

beforeAll(async () => {
  vite = await createServer({
    configFile: resolve(ROOT, 'demo/vite.config.ts'),
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
  });
  [browser] = await Promise.all([launch(), vite.listen()]);
  // `*.test` maps to 127.0.0.1 in the browser: a real parent domain for the GA-like `_ga`.
  origin = `http://www.portail.localhost:${(vite.httpServer!.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await vite?.close();
});

const report = (page: Page) => page.locator('[data-demo-report]');

/** The cookie names the page's report lists now. */
const reportedCookies = (page: Page) => report(page).locator('[data-demo-cookies] [data-cookie]').evaluateAll((items) => items.map((li) => li.getAttribute('data-cookie')).sort());

/** What the report says of each tracker's script: `blocked`, `ran` or `absent`. */
const reportedScripts = (page: Page) =>
  report(page)
    .locator('[data-demo-trackers] [data-tracker]')
    .evaluateAll((items) => Object.fromEntries(items.map((li) => [li.getAttribute('data-tracker'), li.getAttribute('data-state')])));

describe('the demo portal', () => {
  it('walks Azur Prévoyance through accepting, reloading and withdrawing, as its live report shows', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${origin}/azur/`);

    // Before any choice: the banner asks, nothing runs, no cookie.
    await expect.poll(() => reportedScripts(page)).toEqual({ 'google-analytics': 'blocked', 'facebook-pixel': 'blocked', youtube: 'blocked' });
    await page.waitForTimeout(300);
    expect(await reportedCookies(page)).toEqual([]);
    await expect.poll(() => page.locator('[data-placeholder-for="youtube"]').isVisible()).toBe(true);

    // Accept: the stand-ins run, their cookies appear, GA's on the parent domain.
    await page.getByRole('button', { name: 'Tout accepter' }).click();
    const accepted = ['VISITOR_INFO1_LIVE', 'YSC', '_fbp', '_ga', '_ga_DEMO1234', '_gid', 'temoin-azur'];
    await expect.poll(() => reportedCookies(page)).toEqual(accepted);
    expect(await reportedScripts(page)).toEqual({ 'google-analytics': 'ran', 'facebook-pixel': 'ran', youtube: 'ran' });
    await expect(report(page).locator('[data-tracker="google-analytics"][data-state="ran"]').textContent()).resolves.toContain('portail.localhost');
    expect((await context.cookies()).find((c) => c.name === '_ga')?.domain).toBe('.portail.localhost');
    expect(await page.locator('iframe[data-temoin-tracker="youtube"]').isVisible()).toBe(true);

    // The portal's consent endpoint re-issued the choice, and its receipt shows on the report.
    const receipts = report(page).locator('[data-demo-receipts] [data-receipt]');
    await expect.poll(() => receipts.count(), { timeout: 15_000 }).toBe(1);
    const accept = await page.evaluate(() => window.Temoin.get()!.getConsent()!.id);
    expect(await receipts.first().getAttribute('data-receipt')).toBe(accept);
    await expect(receipts.first().textContent()).resolves.toContain('Google Analytics');

    // Reload: the stored choice applies at once, without the banner.
    await page.reload();
    await expect.poll(() => reportedScripts(page)).toEqual({ 'google-analytics': 'ran', 'facebook-pixel': 'ran', youtube: 'ran' });
    await expect.poll(() => reportedCookies(page)).toEqual(accepted);
    expect(await report(page).locator('[data-demo-choice]').getAttribute('data-demo-choice')).toBe('decided');
    expect(await page.getByRole('button', { name: 'Tout accepter' }).count()).toBe(0);

    // Withdraw from "Gestion des cookies": every tracker cookie goes, on the host and the parent domain.
    await page.locator('nav [data-temoin-open]').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Tout refuser' }).click();
    await expect.poll(() => reportedCookies(page)).toEqual(['temoin-azur']);
    expect((await context.cookies()).map((c) => c.name)).toEqual(['temoin-azur']);
    await expect
      .poll(() => report(page).locator('.decisions [data-granted]').evaluateAll((items) => items.map((li) => li.getAttribute('data-granted'))))
      .toEqual(['false', 'false', 'false']);
    await expect.poll(() => page.locator('[data-placeholder-for="youtube"]').isVisible()).toBe(true);
    // The withdrawal reached the server too: a second receipt, newest first, everything refused.
    await expect.poll(() => receipts.count(), { timeout: 15_000 }).toBe(2);
    await expect(receipts.first().textContent()).resolves.toContain('tout refusé');

    // The placeholder allows the video alone, through Temoin.get().update().
    await page.locator('[data-placeholder-for="youtube"] button').click();
    await expect.poll(() => reportedCookies(page)).toEqual(['VISITOR_INFO1_LIVE', 'YSC', 'temoin-azur']);
    expect(await page.evaluate(() => window.Temoin.get()!.getConsent()!.trackers)).toEqual({
      'google-analytics': false,
      'facebook-pixel': false,
      youtube: true,
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('gives each tenant its own behaviour: duration of the choice, language, and trackers exempt from consent', async () => {
    const months = async (page: Page) =>
      page.evaluate(() => {
        const { decidedAt, expiresAt } = window.Temoin.get()!.getConsent()!;
        return (expiresAt.getUTCFullYear() - decidedAt.getUTCFullYear()) * 12 + expiresAt.getUTCMonth() - decidedAt.getUTCMonth();
      });

    const { page, context, errors } = await openPage(browser);
    await page.goto(`${origin}/wellcare/`);
    // Lisio is functional: it runs before any choice, while Matomo waits.
    await expect.poll(() => reportedScripts(page)).toEqual({ lisio: 'ran', matomo: 'blocked', youtube: 'blocked' });
    expect(await reportedCookies(page)).toEqual(['lisio_prefs']);
    await page.getByRole('button', { name: 'Reject all' }).click();
    await expect.poll(() => reportedCookies(page)).toEqual(['lisio_prefs', 'temoin-wellcare']);
    expect(await months(page)).toBe(9);

    await page.goto(`${origin}/horizon/`);
    await page.getByRole('button', { name: 'Tout accepter' }).click();
    await expect.poll(() => reportedCookies(page)).toEqual(
      expect.arrayContaining(['_pk_id.1.d3m0', '_pk_ses.1.d3m0', '__zlcmid', 'temoin-horizon']),
    );
    expect(await months(page)).toBe(6);
    // Matomo and Zendesk keep to the host: nothing on the parent domain.
    expect((await context.cookies()).filter((c) => c.domain.startsWith('.'))).toEqual([]);
    await expect(page.getByRole('button', { name: 'Discuter avec un conseiller' }).isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a first visit of Mutuelle Horizon as the README pictures it: the banner asking, every tracker blocked', async () => {
    const { page, context, errors } = await openPage(browser, { viewport: { width: 1200, height: 760 } });
    await page.goto(`${origin}/horizon/`);
    await page.getByRole('button', { name: 'Tout refuser' }).waitFor();
    await expect.poll(() => reportedScripts(page)).toEqual({ matomo: 'blocked', zendesk: 'blocked', youtube: 'blocked' });
    // The nav's "Gestion des cookies" button sits on the line of the links beside it.
    const tops = await page.locator('.site-header nav li').evaluateAll((items) => items.map((li) => li.firstElementChild!.getBoundingClientRect().top));
    expect(new Set(tops).size).toBe(1);
    // For a person to look at (the README's demo/screenshot.png is a copy); not part of the repository.
    await page.screenshot({ path: `${process.env.TEMOIN_SCREENSHOTS ?? '/tmp/temoin-screenshots'}/demo-horizon.png` });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('holds Matomo and Zendesk back in Mutuelle Horizon’s member area, excluded, after Tout accepter: its live report says so', async () => {
    const { page, errors } = await openPage(browser, { viewport: { width: 1200, height: 760 } });
    // A first visit straight into the member area: the banner asks there too, and the choice is recorded.
    await page.goto(`${origin}/horizon/espace-adherent/`);
    await page.getByRole('button', { name: 'Tout accepter' }).click();
    await expect.poll(() => reportedScripts(page)).toEqual({ matomo: 'held', zendesk: 'held', youtube: 'absent' });
    await expect(report(page).locator('[data-demo-excluded]').textContent()).resolves.toContain('excludedPaths');
    await page.waitForTimeout(500);
    expect(await reportedScripts(page)).toEqual({ matomo: 'held', zendesk: 'held', youtube: 'absent' });
    expect(await reportedCookies(page)).toEqual(['temoin-horizon']);
    await page.screenshot({ path: `${process.env.TEMOIN_SCREENSHOTS ?? '/tmp/temoin-screenshots'}/demo-horizon-member-area.png` });

    // The same choice runs them on the public pages.
    await page.getByRole('link', { name: 'Mon espace santé' }).click();
    await expect.poll(() => reportedScripts(page)).toEqual({ matomo: 'ran', zendesk: 'ran', youtube: 'ran' });
    expect(await report(page).locator('[data-demo-excluded]').count()).toBe(0);

    // Back in the member area with the stored choice: held back again, the preferences open as anywhere.
    await page.getByRole('link', { name: 'Espace adhérent' }).click();
    await expect.poll(() => reportedScripts(page)).toEqual({ matomo: 'held', zendesk: 'held', youtube: 'absent' });
    await page.locator('nav [data-temoin-open]').click();
    await page.getByRole('dialog').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('runs the npm API from a module on /npm.html, logging each call and event on the page', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${origin}/npm.html`);
    const log = page.locator('#log');
    await expect.poll(() => log.textContent()).toContain('temoin:ready');
    expect(await log.textContent()).toContain('init()');
    await page.getByRole('button', { name: 'cmp.update({ trackers: { matomo: true } })' }).click();
    await expect.poll(() => log.textContent()).toContain('matomo: oui');
    await expect.poll(() => log.textContent()).toContain('exécuté (script libéré par temoin)');
    await page.getByRole('button', { name: 'init(config invalide)' }).click();
    await expect.poll(() => log.textContent()).toContain('TemoinConfigError');
    expect(await log.textContent()).toContain('tenant.consentMaxAgeMonths');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fills the privacy policy’s cookie table from the tenant’s config', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${origin}/azur/confidentialite.html`);
    const table = page.locator('[data-temoin-cookie-table]');
    await expect.poll(() => table.locator('td code').allTextContents()).toEqual(
      expect.arrayContaining(['temoin-azur', '_ga', '_fbp', 'YSC']),
    );
    expect(await table.textContent()).toContain('12 mois');
    await context.close();
  });

  it('links to the configurator, whose Save downloads the config (no local server to write to)', async () => {
    const { page, context, errors } = await openPage(browser, { locale: 'fr-FR' });
    await page.goto(`${origin}/`);
    await page.getByRole('link', { name: 'Configurer temoin' }).click();
    await page.getByRole('heading', { name: 'Configurer temoin' }).waitFor();
    await page.getByLabel('Identifiant du site').fill('portail');
    await page.getByLabel('Nom affiché aux visiteurs').fill('Portail');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Enregistrer', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('temoin.config.json');
    const { readFile } = await import('node:fs/promises');
    expect(JSON.parse(await readFile((await download.path())!, 'utf8'))).toEqual({ tenant: { id: 'portail', name: 'Portail' }, trackers: [] });
    expect(errors).toEqual([]);
    await context.close();
  });
});
