import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browser, server, useBrowser } from './support/setup';
import { pageHtml } from './support/page';
import { ARTICLE, uiConfig, visit } from './ui-support';

useBrowser();

const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');

interface Found {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * axe-core over the whole page (it walks open shadow roots; a node inside one has a target like
 * `[["[data-temoin-ui]", "button"]]`). Returns the serious and critical violations inside the widget.
 */
async function widgetViolations(page: Page): Promise<Found[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return violations
    .map((v) => ({ ...v, targets: v.targets.filter((t) => t.includes('data-temoin')) }))
    .filter((v) => v.targets.length > 0 && (v.impact === 'serious' || v.impact === 'critical'));
}

const PAGE = pageHtml({ config: uiConfig({ trackers: ['matomo', 'google-analytics', 'youtube', 'lisio'] }), body: ARTICLE });

describe('axe-core', () => {
  it('finds no serious or critical violation in the widget with the banner open', async () => {
    const { page, context } = await visit(browser, server, '/axe-banner.html', PAGE);
    await page.getByRole('region', { name: 'Vos choix sur les cookies' }).waitFor();
    expect(await widgetViolations(page)).toEqual([]);
    await context.close();
  });

  it('finds no serious or critical violation in the widget with the preferences open, partly granted', async () => {
    const { page, context } = await visit(browser, server, '/axe-prefs.html', PAGE);
    await page.getByRole('button', { name: 'Personnaliser' }).click();
    await page.getByRole('switch', { name: 'Matomo' }).click();
    await page.getByText('Cookies (4)').first().click();
    expect(await widgetViolations(page)).toEqual([]);
    await context.close();
  });

  it('finds no serious or critical violation in the floating button, nor in the English preferences', async () => {
    const { page, context } = await visit(browser, server, '/axe-en.html', pageHtml({ config: uiConfig({}, { locale: 'en' }), body: ARTICLE }));
    await page.getByRole('button', { name: 'Accept all' }).click();
    await page.getByRole('button', { name: 'Cookie settings' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await widgetViolations(page)).toEqual([]);
    await context.close();
  });

  it('finds no serious or critical violation with an exempt audience measurement, in the banner and in its group of the preferences', async () => {
    const exempt = pageHtml({ config: uiConfig({ trackers: [{ id: 'matomo', exempt: true }, 'google-analytics', 'lisio'] }), body: ARTICLE });
    const { page, context } = await visit(browser, server, '/axe-exempt.html', exempt);
    const banner = page.getByRole('region', { name: 'Vos choix sur les cookies' });
    await expect(banner.textContent()).resolves.toContain('Mesure d’audience exemptée de consentement (Matomo)');
    expect(await widgetViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Personnaliser' }).click();
    const group = page.getByRole('group', { name: 'Mesure d’audience exemptée de consentement' });
    // On until the visitor objects: the one switch on before a first choice.
    expect(await group.getByRole('switch', { name: 'Matomo' }).isChecked()).toBe(true);
    expect(await page.getByRole('switch', { name: 'Google Analytics' }).isChecked()).toBe(false);
    await group.getByRole('switch', { name: 'Matomo' }).click();
    expect(await widgetViolations(page)).toEqual([]);
    await context.close();
  });

  it('does report a violation planted in the widget (the check itself works)', async () => {
    const { page, context } = await visit(browser, server, '/axe-control.html', PAGE);
    await page.getByRole('region', { name: 'Vos choix sur les cookies' }).waitFor();
    await page.evaluate(() => {
      const root = document.querySelector('[data-temoin-ui]')!.shadowRoot!;
      const button = root.querySelector('button')!;
      button.textContent = '';
      button.style.color = button.style.backgroundColor = '#fff';
    });
    expect((await widgetViolations(page)).map((v) => v.id)).toContain('button-name');
    await context.close();
  });
});
