import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from './support/browser';
import { pageHtml } from './support/page';
import { browser, server, useBrowser } from './support/setup';

useBrowser();

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/cli', name), 'utf8');

/** Each table of `selector`: its caption, then each row's cookie and lifetime. */
const tables = (page: Page, selector: string) =>
  page.$$eval(`${selector} table`, (found) =>
    found.map((table) => [
      table.querySelector('caption')?.textContent,
      ...[...table.querySelectorAll('tbody tr')].map((tr) => `${tr.children[2].textContent} ${tr.children[4].textContent}`),
    ]),
  );

describe('a privacy page with the cookie tables of two spaces', () => {
  it('renders the public space’s table and the connected space’s, each with its own lifetimes', async () => {
    // Vivoptim's policy: Zendesk's __zlcmid lives 4 hours in the public space, a year once signed in.
    server.page('/tenants/vivoptim-connected.json', { body: fixture('vivoptim-connected.json'), type: 'application/json' });
    const body = `<h2>Espace public</h2><div id="public" data-temoin-cookie-table></div>
      <h2>Espace adhérent</h2><div id="connected" data-temoin-cookie-table="/tenants/vivoptim-connected.json"></div>`;
    server.page('/confidentialite.html', pageHtml({ config: fixture('vivoptim-public.json'), body }));
    const { page, context, errors } = await openPage(browser);
    await page.goto(server.origin() + '/confidentialite.html');
    await page.waitForSelector('#public table');
    await page.waitForSelector('#connected table');
    expect(await tables(page, '#public')).toEqual([
      ['Nécessaires au fonctionnement', 'temoin 6 mois'],
      ['Mesure d’audience', '_pk_id.* 13 mois', '_pk_ses.* 30 minutes', '_pk_ref.* 6 mois', '_pk_cvar.* 30 minutes', '__zlcmid 4 heures'],
    ]);
    expect(await tables(page, '#connected')).toEqual([
      ['Nécessaires au fonctionnement', 'temoin 6 mois', 'vivoptim_auth 2 minutes 30 secondes'],
      ['Mesure d’audience', '__zlcmid 1 an'],
    ]);
    // The page's own config still runs the widget: its banner asks about its trackers.
    expect(await page.evaluate(() => window.Temoin.get()!.config.trackers.map((t) => t.id))).toEqual(['matomo', 'zendesk']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('logs one clear error for a table whose config is invalid or unreachable, renders nothing there, and keeps the page working', async () => {
    server.page('/tenants/broken.json', { body: JSON.stringify({ tenant: { id: 'Vivoptim', name: 'Vivoptim' }, trackers: ['zendesk'] }), type: 'application/json' });
    const body = `<div id="invalid" data-temoin-cookie-table="/tenants/broken.json"><p>Tableau indisponible</p></div>
      <div id="missing" data-temoin-cookie-table="/tenants/none.json"></div>
      <div id="own" data-temoin-cookie-table></div>`;
    server.page('/confidentialite-erreurs.html', pageHtml({ config: fixture('vivoptim-public.json'), body }));
    const { page, context, errors } = await openPage(browser);
    await page.goto(server.origin() + '/confidentialite-erreurs.html');
    await page.waitForSelector('#own table');
    await expect.poll(() => errors.filter((e) => e.startsWith('temoin:')).length).toBe(2);
    const ours = errors.filter((e) => e.startsWith('temoin:')).sort();
    expect(ours[0]).toMatch(/^temoin: data-temoin-cookie-table="\/tenants\/broken\.json" is an invalid config: no table there\.\n\s+- tenant\.id: /);
    expect(ours[1]).toBe('temoin: data-temoin-cookie-table="/tenants/none.json" could not be loaded: HTTP 404: no table there.');
    expect(await page.locator('#invalid').textContent()).toBe('Tableau indisponible');
    expect(await page.locator('#missing').innerHTML()).toBe('');
    expect(errors.filter((e) => e.startsWith('uncaught'))).toEqual([]);
    // The widget works as on any page.
    await page.getByRole('button', { name: 'Tout refuser' }).click();
    expect(await page.evaluate(() => window.Temoin.get()!.getConsent()?.trackers)).toEqual({ matomo: false, zendesk: false });
    await context.close();
  });
});
