import { describe, expect, it } from 'vitest';
import { browser, server, useBrowser } from './support/setup';
import { pageHtml } from './support/page';
import { ARTICLE, consent, focused, GATED, ran, uiConfig, visit } from './ui-support';

useBrowser();

const cookieNames = async (context: { cookies(): Promise<{ name: string }[]> }) => (await context.cookies()).map((c) => c.name).sort();

describe('a first visit', () => {
  it('shows the banner, runs no gated script, and records nothing', async () => {
    const { page, context, errors } = await visit(browser, server, '/first.html');
    await page.getByRole('region', { name: 'Vos choix sur les cookies' }).waitFor();
    await expect(page.getByRole('region').textContent()).resolves.toContain('Mutuelle Test');
    expect(await ran(page)).toEqual([]);
    expect(await consent(page)).toBeNull();
    expect(await cookieNames(context)).toEqual([]);
    expect(await page.getByRole('button', { name: 'Gestion des cookies' }).count()).toBe(0);
    // The browser's own favicon request is the only 404.
    expect(errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
    await context.close();
  });
});

describe('choosing in the banner', () => {
  it('Tout accepter runs every gated script, closes the banner, announces it and shows Gestion des cookies', async () => {
    const { page, context } = await visit(browser, server, '/accept.html');
    await page.getByRole('button', { name: 'Tout accepter' }).click();
    await page.getByRole('region', { name: 'Vos choix sur les cookies' }).waitFor({ state: 'detached' });
    expect(await consent(page)).toEqual({ matomo: true, 'google-analytics': true });
    await expect.poll(() => ran(page)).toEqual(['matomo', 'google-analytics']);
    expect(await page.getByRole('status').textContent()).toBe('Choix enregistrés');
    await page.getByRole('button', { name: 'Gestion des cookies' }).waitFor();
    expect(await cookieNames(context)).toEqual(['_ga', 'temoin']);
    await context.close();
  });

  for (const label of ['Tout refuser', 'Continuer sans accepter']) {
    it(`${label} refuses every optional tracker and keeps that refusal`, async () => {
      const { page, context } = await visit(browser, server, `/refuse-${label.length}.html`);
      await page.getByRole('button', { name: label }).click();
      await page.getByRole('region', { name: 'Vos choix sur les cookies' }).waitFor({ state: 'detached' });
      expect(await consent(page)).toEqual({ matomo: false, 'google-analytics': false });
      expect(await cookieNames(context)).toEqual(['temoin']);
      await page.reload();
      await page.waitForFunction(() => window.Temoin?.get());
      await page.getByRole('button', { name: 'Gestion des cookies' }).waitFor();
      expect(await page.getByRole('region', { name: 'Vos choix sur les cookies' }).count()).toBe(0);
      expect(await ran(page)).toEqual([]);
      await context.close();
    });
  }

  it('Escape, scrolling and following a link record nothing', async () => {
    const { page, context } = await visit(browser, server, '/nothing.html');
    await page.getByRole('button', { name: 'Tout refuser' }).focus();
    await page.keyboard.press('Escape');
    await page.mouse.wheel(0, 2000);
    await page.getByRole('link', { name: 'Lien 3', exact: true }).click();
    await page.waitForTimeout(200);
    expect(await consent(page)).toBeNull();
    expect(await cookieNames(context)).toEqual([]);
    expect(await page.getByRole('region', { name: 'Vos choix sur les cookies' }).isVisible()).toBe(true);
    server.page('/next.html', pageHtml({ config: uiConfig(), body: ARTICLE }));
    await page.goto(server.origin() + '/next.html');
    await page.getByRole('region', { name: 'Vos choix sur les cookies' }).waitFor();
    expect(await cookieNames(context)).toEqual([]);
    await context.close();
  });
});

describe('customising', () => {
  it('granting one tracker in the preferences runs only that one', async () => {
    const { page, context } = await visit(browser, server, '/customise.html');
    await page.getByRole('button', { name: 'Personnaliser' }).click();
    const dialog = page.getByRole('dialog', { name: 'Préférences de cookies' });
    await dialog.waitFor();
    expect(await dialog.getByRole('switch', { name: 'Matomo' }).isChecked()).toBe(false);
    await dialog.getByRole('switch', { name: 'Matomo' }).click();
    expect(await dialog.getByText('Partiel').isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await consent(page)).toEqual({ matomo: true, 'google-analytics': false });
    await expect.poll(() => ran(page)).toEqual(['matomo']);
    expect(await page.getByRole('region', { name: 'Vos choix sur les cookies' }).count()).toBe(0);
    expect(await page.getByRole('status').textContent()).toBe('Choix enregistrés');
    await context.close();
  });

  it('Escape closes the preferences without recording anything; the banner is still there', async () => {
    const { page, context } = await visit(browser, server, '/escape.html');
    await page.getByRole('button', { name: 'Personnaliser' }).click();
    await page.getByRole('switch', { name: 'Matomo' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await consent(page)).toBeNull();
    expect(await cookieNames(context)).toEqual([]);
    expect(await page.getByRole('region', { name: 'Vos choix sur les cookies' }).isVisible()).toBe(true);
    expect((await focused(page)).text).toBe('Personnaliser');
    await context.close();
  });
});

describe('changing one’s mind', () => {
  it('Gestion des cookies reopens the preferences with the stored choice, and withdrawing deletes the tracker’s cookies', async () => {
    // Without a reload, so that focus can be seen coming back (a withdrawal reloads the page otherwise: the GA stand-in has no gtag to stop it).
    const html = pageHtml({ config: uiConfig({ reloadOnWithdrawal: false }), body: GATED + ARTICLE });
    const { page, context } = await visit(browser, server, '/withdraw.html', html);
    await page.getByRole('button', { name: 'Tout accepter' }).click();
    await expect.poll(() => cookieNames(context)).toEqual(['_ga', 'temoin']);
    await page.reload();
    await page.getByRole('button', { name: 'Gestion des cookies' }).click();
    const dialog = page.getByRole('dialog', { name: 'Préférences de cookies' });
    await dialog.waitFor();
    expect(await dialog.getByRole('switch', { name: 'Matomo' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: 'Mesure d’audience' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Tout refuser' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await consent(page)).toEqual({ matomo: false, 'google-analytics': false });
    expect(await cookieNames(context)).toEqual(['temoin']);
    expect(await focused(page)).toMatchObject({ text: 'Gestion des cookies', host: 'data-temoin-launcher' });
    await context.close();
  });

  it('a page link with data-temoin-open opens the preferences too', async () => {
    const { page, context } = await visit(browser, server, '/footer.html', pageHtml({ config: uiConfig({ floatingButton: false }), body: ARTICLE }));
    await page.getByRole('button', { name: 'Tout refuser' }).click();
    await page.getByRole('region', { name: 'Vos choix sur les cookies' }).waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: 'Gestion des cookies' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Cookies', exact: true }).click();
    await page.getByRole('dialog', { name: 'Préférences de cookies' }).waitFor();
    await page.keyboard.press('Escape');
    expect((await focused(page)).text).toBe('Cookies');
    await context.close();
  });
});

describe('the preferences’ code', () => {
  const preferencesRequested = (requests: string[]) => requests.some((path) => /^\/dist\/temoin-preferences-[\w-]+\.mjs$/.test(path));

  it('starts loading when the visitor points at Personnaliser, before the click', async () => {
    const { page, context } = await visit(browser, server, '/intent.html');
    await page.getByRole('button', { name: 'Tout accepter' }).waitFor();
    const before = server.requests.length;
    await page.waitForTimeout(200);
    expect(preferencesRequested(server.requests.slice(before))).toBe(false);
    await page.getByRole('button', { name: 'Personnaliser' }).hover();
    await expect.poll(() => preferencesRequested(server.requests.slice(before))).toBe(true);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await context.close();
  });

  it('that fails to load is reported, and loads on the next click', async () => {
    const { page, context, errors } = await visit(browser, server, '/retry.html');
    let offline = true;
    await page.route(/temoin-preferences-[\w-]+\.mjs$/, (route) => (offline ? route.abort() : route.fallback()));
    await page.getByRole('button', { name: 'Personnaliser' }).click();
    await expect.poll(() => errors.some((e) => e.includes('the preferences failed to load'))).toBe(true);
    expect(await page.getByRole('dialog').count()).toBe(0);
    offline = false;
    await page.getByRole('button', { name: 'Personnaliser' }).click();
    await page.getByRole('dialog').waitFor();
    expect(errors.filter((e) => e.startsWith('uncaught'))).toEqual([]);
    await context.close();
  });
});

describe('a returning visitor', () => {
  it('with a valid stored choice never requests the UI code, until opening the preferences', async () => {
    const { page, context } = await visit(browser, server, '/returning.html');
    await page.getByRole('button', { name: 'Tout accepter' }).click();
    await page.getByRole('button', { name: 'Gestion des cookies' }).waitFor();
    const before = server.requests.length;
    const again = await context.newPage();
    await again.goto(server.origin() + '/returning.html');
    await again.getByRole('button', { name: 'Gestion des cookies' }).waitFor();
    await expect.poll(() => ran(again)).toEqual(['matomo', 'google-analytics']);
    await again.waitForTimeout(300);
    const fetched = server.requests.slice(before);
    expect(fetched).toContain('/dist/temoin.js');
    expect(fetched).not.toContain('/dist/temoin-ui.mjs');
    await again.getByRole('button', { name: 'Gestion des cookies' }).click();
    await again.getByRole('dialog').waitFor();
    expect(server.requests.slice(before)).toContain('/dist/temoin-ui.mjs');
    await context.close();
  });
});

describe('in English', () => {
  it('offers Accept all, Reject all, Customise, Continue without accepting, then Cookie settings', async () => {
    const { page, context } = await visit(browser, server, '/en.html', pageHtml({ config: uiConfig({}, { locale: 'en' }), body: ARTICLE }));
    // Shown once its texts are in (temoin-en.mjs), after the instance has started.
    await page.getByRole('region', { name: 'Your choices about cookies' }).waitFor();
    for (const name of ['Accept all', 'Reject all', 'Customise', 'Continue without accepting']) {
      expect(await page.getByRole('button', { name, exact: true }).isVisible()).toBe(true);
    }
    expect(await page.locator('[data-temoin-ui]').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'Customise' }).click();
    await page.getByRole('button', { name: 'Save my choices' }).click();
    await page.getByRole('button', { name: 'Cookie settings' }).waitFor();
    expect(await page.getByRole('status').textContent()).toBe('Choices saved');
    await context.close();
  });
});

describe('the cookie table of a privacy policy', () => {
  it('fills [data-temoin-cookie-table] and any element given to Temoin.renderCookieTable, in the config’s locale', async () => {
    const body = '<main><h1>Politique de confidentialité</h1><div data-temoin-cookie-table><p>Chargement…</p></div><div id="other"></div></main>';
    const { page, context } = await visit(browser, server, '/policy.html', pageHtml({ config: uiConfig({ trackers: ['matomo', 'lisio'] }), body }));
    const filled = page.locator('[data-temoin-cookie-table]');
    await filled.getByRole('table').first().waitFor();
    expect(await filled.locator('caption').allTextContents()).toEqual(['Nécessaires au fonctionnement', 'Mesure d’audience']);
    expect(await filled.textContent()).not.toContain('Chargement');
    const matomo = filled.getByRole('row').filter({ hasText: '_pk_id.*' });
    expect(await matomo.locator('td').allTextContents()).toEqual([
      'Matomo',
      'Matomo (InnoCraft)',
      '_pk_id.*',
      'Attribue un identifiant unique au visiteur pour mesurer l’audience.',
      '13 mois',
    ]);
    await page.evaluate(() => window.Temoin.renderCookieTable(document.getElementById('other')!));
    expect(await page.locator('#other').innerHTML()).toBe(await filled.innerHTML());
    await context.close();
  });
});
