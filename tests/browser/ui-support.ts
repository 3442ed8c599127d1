import type { Browser, Page } from 'playwright-core';
import { openPage } from './support/browser';
import { pageHtml, testConfig } from './support/page';
import type { TestServer } from './support/server';

/** Two audience trackers gated on the page; Google Analytics's stand-in writes `_ga` when it runs. */
export const GATED = `
  <script type="text/plain" data-temoin-tracker="matomo">(window.__ran = window.__ran || []).push('matomo');</script>
  <script type="text/plain" data-temoin-tracker="google-analytics">
    document.cookie = '_ga=GA1.1.123.456; path=/; max-age=3600';
    (window.__ran = window.__ran || []).push('google-analytics');
  </script>`;

/** A page with links to tab through and enough text to scroll. */
export const ARTICLE = `<header><a href="#contenu">Aller au contenu</a></header>
<main id="contenu"><h1>Bienvenue sur la Mutuelle Test</h1>
${Array.from({ length: 30 }, (_, i) => `<p>Votre santé, nos garanties. Consultez vos remboursements et gérez votre contrat en ligne. <a href="#p${i}" id="p${i}">Lien ${i}</a></p>`).join('\n')}
</main><footer style="height:100vh"><a href="#" data-temoin-open>Cookies</a></footer>`;

export const uiConfig = (overrides: Record<string, unknown> = {}, tenant: Record<string, unknown> = {}) => testConfig(overrides, tenant);

export async function visit(browser: Browser, server: TestServer, path: string, html = pageHtml({ config: uiConfig(), body: GATED + ARTICLE }), viewport = { width: 1280, height: 800 }) {
  server.page(path, html);
  const opened = await openPage(browser, { viewport });
  await opened.page.goto(server.origin() + path);
  await opened.page.waitForFunction(() => window.Temoin?.get());
  return opened;
}

export const consent = (page: Page) => page.evaluate(() => window.Temoin.get()!.getConsent()?.trackers ?? null);
export const ran = (page: Page) => page.evaluate(() => (window as unknown as { __ran?: string[] }).__ran ?? []);

/** What has focus, inside shadow roots too: its text, or its accessible label's text, and which widget holds it. */
export function focused(page: Page): Promise<{ text: string; host: string | null; inDialog: boolean }> {
  return page.evaluate(() => {
    let element = document.activeElement;
    let host: string | null = null;
    while (element?.shadowRoot?.activeElement) {
      host = element.getAttributeNames().find((name) => name.startsWith('data-temoin-')) ?? host;
      element = element.shadowRoot.activeElement;
    }
    const label = element?.id ? (element.getRootNode() as ShadowRoot).querySelector(`label[for="${element.id}"]`) : null;
    return {
      text: (label ?? element)?.textContent?.trim() ?? '',
      host,
      inDialog: Boolean(element?.closest('[role="dialog"]')),
    };
  });
}

/** Presses Tab (or Shift+Tab) until `text` has focus; fails after `max` presses. */
export async function tabTo(page: Page, text: string, { shift = false, max = 60 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    if ((await focused(page)).text === text) return;
  }
  throw new Error(`"${text}" never got the focus`);
}
