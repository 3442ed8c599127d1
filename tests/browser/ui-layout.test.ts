import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browser, server, useBrowser } from './support/setup';
import { openPage } from './support/browser';
import { pageHtml, testConfig } from './support/page';

useBrowser();

const ARTICLE = `<main><h1>Bienvenue sur la Mutuelle Test</h1>${'<p>Votre santé, nos garanties. Consultez vos remboursements, trouvez un professionnel de santé et gérez votre contrat en ligne. <a href="#">En savoir plus</a></p>'.repeat(30)}</main>`;
const CONFIG = testConfig({ trackers: ['matomo', 'google-analytics', 'youtube', 'lisio'] });

/** Screenshots go to /tmp for a person to look at; they are not part of the repository. */
const SHOTS = process.env.TEMOIN_SCREENSHOTS ?? '/tmp/temoin-screenshots';

async function visit(path: string, width: number, height: number, html = pageHtml({ config: CONFIG, body: ARTICLE })) {
  server.page(path, html);
  const opened = await openPage(browser, { viewport: { width, height } });
  await opened.page.goto(server.origin() + path);
  await opened.page.getByRole('button', { name: 'Tout refuser' }).waitFor();
  return opened;
}

const box = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).first().boundingBox();

describe('the three first-layer buttons', () => {
  it('have the same computed size and style', async () => {
    const { page, context } = await visit('/equal.html', 1280, 800);
    const styles = await page.evaluate(() => {
      const root = document.querySelector('[data-temoin-ui]')!.shadowRoot!;
      const buttons = [...root.querySelectorAll('button')].filter((b) => ['Tout accepter', 'Tout refuser', 'Personnaliser'].includes(b.textContent!));
      const keys = ['color', 'background-color', 'border', 'border-radius', 'font', 'padding', 'box-shadow', 'text-decoration', 'opacity'];
      return buttons.map((b) => {
        const style = getComputedStyle(b);
        // Sizes to the pixel: a grid shares the row's width out with sub-pixel remainders.
        const { width, height } = b.getBoundingClientRect();
        return { width: Math.round(width), height: Math.round(height), ...Object.fromEntries(keys.map((k) => [k, style.getPropertyValue(k)])) };
      });
    });
    expect(styles).toHaveLength(3);
    expect(styles[1]).toEqual(styles[0]);
    expect(styles[2]).toEqual(styles[0]);
    await context.close();
  });
});

describe('layout', () => {
  it.each([
    [320, 640],
    [1280, 800],
  ])('at %i px wide, the banner fits without horizontal scrolling, Tout refuser is reachable, targets are ≥ 24 px', async (width, height) => {
    const { page, context } = await visit(`/layout-${width}.html`, width, height);
    await page.screenshot({ path: `${SHOTS}/banner-${width}.png` });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    const refuse = page.getByRole('button', { name: 'Tout refuser' });
    await refuse.scrollIntoViewIfNeeded();
    const refuseBox = (await refuse.boundingBox())!;
    expect(refuseBox.x).toBeGreaterThanOrEqual(0);
    expect(refuseBox.x + refuseBox.width).toBeLessThanOrEqual(width);
    expect(refuseBox.y + refuseBox.height).toBeLessThanOrEqual(height);
    const targets = await page.evaluate(() =>
      [...document.querySelector('[data-temoin-ui]')!.shadowRoot!.querySelectorAll('button')].map((b) => {
        const r = b.getBoundingClientRect();
        return [b.textContent, Math.min(r.width, r.height)] as const;
      }),
    );
    for (const [, size] of targets) expect(size).toBeGreaterThanOrEqual(24);

    await page.getByRole('button', { name: 'Personnaliser' }).click();
    const dialog = page.getByRole('dialog', { name: 'Préférences de cookies' });
    await dialog.waitFor();
    await page.screenshot({ path: `${SHOTS}/preferences-${width}.png` });
    const dialogBox = (await dialog.boundingBox())!;
    expect(dialogBox.x).toBeGreaterThanOrEqual(0);
    expect(dialogBox.x + dialogBox.width).toBeLessThanOrEqual(width);
    expect(await dialog.evaluate((d) => d.scrollWidth - d.clientWidth)).toBe(0);
    await page.getByRole('switch', { name: 'Matomo' }).click();
    await page.getByText('Partiel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/preferences-${width}-partial.png` });
    await page.getByText('Cookies (4)').first().click();
    await page.getByRole('button', { name: 'Enregistrer mes choix' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/preferences-${width}-end.png` });
    expect(await dialog.evaluate((d) => d.scrollWidth - d.clientWidth)).toBe(0);
    const save = (await box(page, 'Enregistrer mes choix'))!;
    expect(save.y + save.height).toBeLessThanOrEqual(height);
    await page.getByRole('button', { name: 'Tout refuser' }).last().click();
    await page.getByRole('button', { name: 'Gestion des cookies' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/launcher-${width}.png` });
    await context.close();
  });
});

/** What the widget's buttons look like: the computed style a hostile page must not change. */
function buttonLooks(page: Page) {
  return page.evaluate(() => {
    const hosts = [...document.querySelectorAll('[data-temoin-ui], [data-temoin-launcher]')];
    return hosts.flatMap((host) =>
      [...host.shadowRoot!.querySelectorAll('button')].map((b) => {
        const style = getComputedStyle(b);
        const rect = b.getBoundingClientRect();
        return {
          text: b.textContent,
          display: style.display,
          fontSize: style.fontSize,
          color: style.color,
          width: Math.round(rect.width),
          height: Math.round(rect.height),
          bottom: Math.round(rect.bottom),
        };
      }),
    );
  });
}

describe('a hostile host page', () => {
  const HOSTILE = `<style>
    button { display: none !important }
    * { font-size: 40px !important; color: red !important; line-height: 3 !important; box-sizing: content-box !important }
    div { padding: 30px !important; margin: 20px !important; transform: translateX(50px) !important; position: relative !important; display: block !important }
    body > * { font-family: serif !important; letter-spacing: 4px !important }
  </style>`;

  it('does not change the widget: banner, preferences and floating button look as on a plain page', async () => {
    const looks: Record<string, unknown>[][] = [];
    for (const head of ['', HOSTILE]) {
      const { page, context } = await visit(`/hostile-${looks.length}.html`, 1280, 800, pageHtml({ config: CONFIG, body: ARTICLE, head }));
      const shots = head ? 'hostile' : 'plain';
      await page.screenshot({ path: `${SHOTS}/${shots}-banner.png` });
      const banner = await buttonLooks(page);
      await page.getByRole('button', { name: 'Personnaliser' }).click();
      await page.getByRole('dialog').waitFor();
      const preferences = await buttonLooks(page);
      await page.getByRole('button', { name: 'Tout refuser' }).last().click();
      await page.getByRole('button', { name: 'Gestion des cookies' }).waitFor();
      await page.screenshot({ path: `${SHOTS}/${shots}-launcher.png` });
      looks.push([...banner, ...preferences, ...(await buttonLooks(page))]);
      await context.close();
    }
    expect(looks[0].length).toBeGreaterThan(8);
    expect(looks[0].every((b) => b.display !== 'none' && b.fontSize !== '40px')).toBe(true);
    expect(looks[1]).toEqual(looks[0]);
  });
});

describe('no layout shift', () => {
  it('the widget moves nothing on the page: CLS stays 0 through the banner, a choice, the button and the preferences', async () => {
    server.page('/cls.html', pageHtml({ config: CONFIG, body: ARTICLE }));
    const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => {
      const w = window as unknown as { __shifts: number[] };
      w.__shifts = [];
      // Every shift counts, even right after an input, which CLS itself would forgive.
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__shifts.push((entry as unknown as { value: number }).value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(server.origin() + '/cls.html');
    const heading = page.getByRole('heading', { name: 'Bienvenue sur la Mutuelle Test' });
    const before = await heading.boundingBox();
    await page.getByRole('button', { name: 'Tout accepter' }).waitFor();
    await page.waitForTimeout(300);
    await page.getByRole('button', { name: 'Tout accepter' }).click();
    await page.getByRole('button', { name: 'Gestion des cookies' }).click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    expect(await heading.boundingBox()).toEqual(before);
    expect(await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts)).toEqual([]);
    await context.close();
  });
});

describe('motion', () => {
  it('the switches slide only when the visitor has not asked for reduced motion', async () => {
    const durations: string[] = [];
    for (const reducedMotion of ['no-preference', 'reduce'] as const) {
      server.page('/motion.html', pageHtml({ config: CONFIG, body: ARTICLE }));
      const { page, context } = await openPage(browser, { reducedMotion });
      await page.goto(server.origin() + '/motion.html');
      await page.getByRole('button', { name: 'Personnaliser' }).click();
      durations.push(await page.getByRole('switch', { name: 'Matomo' }).evaluate((s) => getComputedStyle(s, '::before').transitionDuration));
      await context.close();
    }
    expect(durations[0]).not.toBe('0s');
    expect(durations[1]).toBe('0s');
  });
});

describe('theming', () => {
  it('follows the --temoin-* custom properties the page sets', async () => {
    const theme = '<style>:root { --temoin-accent: rgb(0, 100, 0); --temoin-background: rgb(255, 250, 240); --temoin-radius: 0px; --temoin-font: serif }</style>';
    const { page, context } = await visit('/theme.html', 1280, 800, pageHtml({ config: CONFIG, body: ARTICLE, head: theme }));
    const looks = await page.getByRole('button', { name: 'Tout refuser' }).evaluate((b) => {
      const style = getComputedStyle(b);
      const banner = getComputedStyle(b.closest('section')!);
      return [style.backgroundColor, style.borderRadius, style.fontFamily, banner.backgroundColor];
    });
    expect(looks).toEqual(['rgb(0, 100, 0)', '0px', 'serif', 'rgb(255, 250, 240)']);
    await context.close();
  });
});
