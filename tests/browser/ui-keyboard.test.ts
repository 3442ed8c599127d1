import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browser, server, useBrowser } from './support/setup';
import { pageHtml } from './support/page';
import { ARTICLE, consent, focused, GATED, tabTo, uiConfig, visit } from './ui-support';

useBrowser();

async function bannerShown(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'Vos choix sur les cookies' }).waitFor();
}

describe('the banner, with the keyboard only', () => {
  it('comes first in the tab order, and Enter on Tout refuser records the refusal', async () => {
    const { page, context } = await visit(browser, server, '/kb-banner.html');
    await bannerShown(page);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ text: 'Continuer sans accepter', host: 'data-temoin-ui' });
    const order = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      order.push((await focused(page)).text);
    }
    expect(order).toEqual(['Politique de confidentialité', 'Tout accepter', 'Tout refuser', 'Personnaliser']);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Vos choix sur les cookies' }).waitFor({ state: 'detached' });
    expect(await consent(page)).toEqual({ matomo: false, 'google-analytics': false });
    // The page goes on from where the banner was.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ text: 'Aller au contenu', host: null });
    await context.close();
  });

  it('never hides the page element that has focus', async () => {
    const { page, context } = await visit(browser, server, '/kb-obscured.html');
    await bannerShown(page);
    const banner = page.getByRole('region', { name: 'Vos choix sur les cookies' });
    await tabTo(page, 'Aller au contenu');
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const link = await page.evaluate(() => {
        const rect = document.activeElement!.getBoundingClientRect();
        return { text: document.activeElement!.textContent, top: rect.top, bottom: rect.bottom };
      });
      const { y } = (await banner.boundingBox())!;
      expect(link.bottom, `${link.text} is under the banner`).toBeLessThanOrEqual(y);
      expect(link.top).toBeGreaterThanOrEqual(0);
    }
    await context.close();
  });

  it('sets the page scroll padding to the banner’s height, follows it when the width changes, and puts the page’s own back', async () => {
    const head = `<script>document.documentElement.style.scrollPaddingBottom = '3px'</script>`;
    const { page, context } = await visit(browser, server, '/kb-padding.html', pageHtml({ config: uiConfig(), head, body: GATED + ARTICLE }));
    await bannerShown(page);
    const banner = page.getByRole('region', { name: 'Vos choix sur les cookies' });
    const padding = () => page.evaluate(() => document.documentElement.style.scrollPaddingBottom);
    const covers = async () => `${Math.round((await banner.boundingBox())!.height) + 16}px`;
    await expect.poll(padding).toBe(await covers());
    const wide = await padding();
    await page.setViewportSize({ width: 360, height: 800 });
    await expect.poll(padding).toBe(await covers());
    expect(await padding()).not.toBe(wide);
    await page.evaluate(() => window.Temoin.get()!.rejectAll());
    expect(await padding()).toBe('3px');
    await context.close();
  });
});

describe('the preferences, with the keyboard only', () => {
  it('opens on Enter with the focus inside, switches with Space, and saves on Enter', async () => {
    const { page, context } = await visit(browser, server, '/kb-prefs.html');
    await bannerShown(page);
    await tabTo(page, 'Personnaliser');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Préférences de cookies' }).waitFor();
    expect(await focused(page)).toMatchObject({ text: 'Préférences de cookies', inDialog: true });
    await tabTo(page, 'Google Analytics');
    await page.keyboard.press('Space');
    expect(await page.getByRole('switch', { name: 'Google Analytics' }).isChecked()).toBe(true);
    await tabTo(page, 'Enregistrer mes choix');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await consent(page)).toEqual({ matomo: false, 'google-analytics': true });
    await context.close();
  });

  it('keeps Tab and Shift+Tab inside, all the way round, and Escape gives the focus back to Personnaliser', async () => {
    const { page, context } = await visit(browser, server, '/kb-trap.html');
    await bannerShown(page);
    await tabTo(page, 'Personnaliser');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    const forward: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      expect(now.inDialog, `Tab #${i + 1} left the dialog for "${now.text}"`).toBe(true);
      forward.push(now.text);
    }
    // Round and round: after the last button comes the first, Fermer.
    const loop = forward.indexOf('Fermer', 1);
    expect(loop).toBeGreaterThan(0);
    expect(forward[loop - 1]).toBe('Enregistrer mes choix');
    expect(forward.slice(0, loop)).toEqual(expect.arrayContaining(['Fermer', 'Matomo', 'Google Analytics', 'Mesure d’audience', 'Tout accepter', 'Tout refuser']));
    await tabTo(page, 'Fermer');
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).text).toBe('Enregistrer mes choix');
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Shift+Tab');
      expect((await focused(page)).inDialog).toBe(true);
    }
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await focused(page)).toMatchObject({ text: 'Personnaliser', host: 'data-temoin-ui' });
    expect(await consent(page)).toBeNull();
    await context.close();
  });

  it('withdraws consent from Gestion des cookies, and gives the focus back to it', async () => {
    // Without a reload, so that focus can be seen coming back: the GA stand-in has no gtag to stop it, so the
    // withdrawal would reload the page (docs/contract.md §17) while this test reads it.
    const html = pageHtml({ config: uiConfig({ reloadOnWithdrawal: false }), body: GATED + ARTICLE });
    const { page, context } = await visit(browser, server, '/kb-withdraw.html', html);
    await bannerShown(page);
    await tabTo(page, 'Tout accepter');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Gestion des cookies' }).waitFor();
    await tabTo(page, 'Gestion des cookies', { max: 80 });
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await tabTo(page, 'Mesure d’audience');
    await page.keyboard.press('Space');
    await tabTo(page, 'Enregistrer mes choix');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await consent(page)).toEqual({ matomo: false, 'google-analytics': false });
    expect(await focused(page)).toMatchObject({ text: 'Gestion des cookies', host: 'data-temoin-launcher' });
    await context.close();
  });

  it('shows where the focus is', async () => {
    const { page, context } = await visit(browser, server, '/kb-visible.html');
    await bannerShown(page);
    await tabTo(page, 'Tout refuser');
    const outline = await page.getByRole('button', { name: 'Tout refuser' }).evaluate((b) => {
      const style = getComputedStyle(b);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).toBe('solid');
    expect(outline.width).toBeGreaterThanOrEqual(2);
    await context.close();
  });
});
