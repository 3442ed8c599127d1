import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from './support/browser';
import { pageHtml, testConfig } from './support/page';
import { browser, server, useBrowser } from './support/setup';

useBrowser();

/** A health insurer whose member area is excluded: Matomo and Google Analytics need consent, Lisio is functional. */
const config = testConfig({ trackers: ['matomo', 'google-analytics', 'lisio'], excludedPaths: ['/espace-adherent/*', '/teleconsultation'] });

const push = (id: string) => `(window.__ran = window.__ran || []).push('${id}');`;
const GATED = `
  <script type="text/plain" data-temoin-tracker="matomo" src="/matomo.js"></script>
  <script type="text/plain" data-temoin-tracker="google-analytics">${push('google-analytics')}</script>
  <script type="text/plain" data-temoin-category="audience">${push('audience')}</script>
  <script type="text/plain" data-temoin-tracker="lisio">${push('lisio')}</script>
  <script type="text/plain" data-temoin-category="functional">${push('functional')}</script>`;
const EVERYTHING = ['audience', 'functional', 'google-analytics', 'lisio', 'matomo'];
const EXEMPT = ['functional', 'lisio'];

function serve(...paths: string[]): void {
  server.page('/matomo.js', { body: push('matomo'), type: 'text/javascript' });
  for (const path of paths) server.page(path, pageHtml({ config, body: GATED }));
}

async function go(page: Page, path: string): Promise<void> {
  await page.goto(server.origin() + path);
  await page.waitForFunction(() => window.Temoin?.get());
}

const ran = (page: Page) => page.evaluate(() => (window as unknown as { __ran?: string[] }).__ran ?? []);

/** What ran once the gate is done, sorted: it waits for `expected`, then a little more for anything else. */
async function ranAfterGate(page: Page, expected: readonly string[]): Promise<string[]> {
  await expect.poll(() => ran(page)).toEqual(expect.arrayContaining([...expected]));
  await page.waitForTimeout(300);
  return (await ran(page)).sort();
}

const consentCookie = async (context: BrowserContext) => (await context.cookies()).find((c) => c.name === 'temoin');

describe('a page under excludedPaths, for a visitor who accepted everything elsewhere', () => {
  it('runs the functional tracker and category only, whatever the stored choice', async () => {
    serve('/accueil.html', '/espace-adherent/remboursements.html');
    const { page, context } = await openPage(browser);
    await go(page, '/accueil.html');
    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    expect(await ranAfterGate(page, EVERYTHING)).toEqual(EVERYTHING);

    const before = server.requests.length;
    await go(page, '/espace-adherent/remboursements.html');
    expect(await page.evaluate(() => window.Temoin.get()!.getConsent()?.trackers)).toEqual({ matomo: true, 'google-analytics': true, lisio: true });
    expect(await ranAfterGate(page, EXEMPT)).toEqual(EXEMPT);
    expect(server.requests.slice(before)).not.toContain('/matomo.js');
    await context.close();
  });

  it('matches the whole path, ignoring letter case, and only the patterns listed', async () => {
    serve('/accueil.html', '/Espace-Adherent/Contrat.html', '/teleconsultation', '/teleconsultation/salle', '/public/espace-adherent/x.html');
    const { page, context } = await openPage(browser);
    await go(page, '/accueil.html');
    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    for (const [path, expected] of [
      ['/Espace-Adherent/Contrat.html', EXEMPT],
      ['/teleconsultation', EXEMPT],
      ['/teleconsultation/salle', EVERYTHING],
      ['/public/espace-adherent/x.html', EVERYTHING],
    ] as const) {
      await go(page, path);
      expect(await ranAfterGate(page, expected), path).toEqual(expected);
    }
    await context.close();
  });

  it('keeps gated elements added once the page moved into the excluded area by history.pushState blocked', async () => {
    serve('/accueil.html');
    const { page, context } = await openPage(browser);
    await go(page, '/accueil.html');
    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    await ranAfterGate(page, EVERYTHING);
    await page.evaluate(() => {
      history.pushState(null, '', '/espace-adherent/questionnaire');
      for (const tracker of ['google-analytics', 'lisio']) {
        const script = document.createElement('script');
        script.type = 'text/plain';
        script.dataset.temoinTracker = tracker;
        script.text = `(window.__ran = window.__ran || []).push('${tracker} in the member area')`;
        document.body.append(script);
      }
    });
    await expect.poll(() => ran(page)).toContain('lisio in the member area');
    await page.waitForTimeout(300);
    expect(await ran(page)).not.toContain('google-analytics in the member area');
    await context.close();
  });
});

describe('a first visit on a page under excludedPaths', () => {
  it('asks, records Tout accepter without running anything optional, and the choice applies on the next public page', async () => {
    serve('/espace-adherent/connexion.html', '/accueil.html');
    const { page, context, errors } = await openPage(browser);
    await go(page, '/espace-adherent/connexion.html');
    expect(await ranAfterGate(page, EXEMPT)).toEqual(EXEMPT);
    await page.getByRole('button', { name: 'Tout accepter' }).click();
    await page.getByRole('button', { name: 'Gestion des cookies' }).waitFor();
    const consent = await page.evaluate(() => window.Temoin.get()!.getConsent());
    expect(consent?.trackers).toEqual({ matomo: true, 'google-analytics': true, lisio: true });
    expect(await consentCookie(context)).toBeDefined();
    await page.waitForTimeout(300);
    expect((await ran(page)).sort()).toEqual(EXEMPT);

    // The preferences work there as anywhere: the visitor can change the choice.
    await page.getByRole('button', { name: 'Gestion des cookies' }).click();
    await page.getByRole('dialog').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Tout refuser' }).click();
    await expect.poll(() => page.evaluate(() => window.Temoin.get()!.getConsent()?.trackers.matomo)).toBe(false);
    await page.evaluate(() => window.Temoin.get()!.acceptAll());

    await go(page, '/accueil.html');
    expect(await ranAfterGate(page, EVERYTHING)).toEqual(EVERYTHING);
    expect(await page.getByRole('button', { name: 'Tout accepter' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
