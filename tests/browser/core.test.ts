import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage } from './support/browser';
import { pageHtml, testConfig } from './support/page';
import { startServer, type TestServer } from './support/server';

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), startServer()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const GATED = `
  <script type="text/plain" data-temoin-tracker="matomo" src="/matomo.js"></script>
  <script type="text/plain" data-temoin-tracker="google-analytics">
    document.cookie = '_ga=GA1.1.123.456; path=/; domain=site.test; max-age=3600';
    (window.__ran = window.__ran || []).push('google-analytics');
  </script>`;

async function visit(path: string, html: string, context?: BrowserContext) {
  server.page(path, html);
  const opened = context ? { context, ...(await newPageIn(context)) } : await openPage(browser);
  await opened.page.goto(server.origin() + path);
  await opened.page.waitForFunction(() => window.Temoin?.get());
  return opened;
}

async function newPageIn(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

const ran = (page: Page) => page.evaluate(() => (window as unknown as { __ran?: string[] }).__ran ?? []);
const cookieNames = async (context: BrowserContext) => (await context.cookies()).map((c) => c.name).sort();

describe('before any choice', () => {
  it('runs no gated script and lets no tracker cookie exist', async () => {
    server.page('/matomo.js', { body: 'document.cookie="_pk_id.1.a2b3=v; path=/";(window.__ran=window.__ran||[]).push("matomo")', type: 'text/javascript', delay: 300 });
    const { page, context } = await visit('/before.html', pageHtml({ config: testConfig(), body: GATED }));
    await page.waitForTimeout(400);
    expect(await ran(page)).toEqual([]);
    expect(await cookieNames(context)).toEqual([]);
    expect(await page.evaluate(() => window.Temoin.get()!.getConsent())).toBeNull();
    await context.close();
  });
});

describe('accepting', () => {
  it('runs each gated script once, in document order, even when the first one loads slowly', async () => {
    server.page('/matomo.js', { body: 'document.cookie="_pk_id.1.a2b3=v; path=/";(window.__ran=window.__ran||[]).push("matomo")', type: 'text/javascript', delay: 300 });
    const { page, context } = await visit('/accept.html', pageHtml({ config: testConfig(), body: GATED }));
    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    await page.waitForFunction(() => ((window as unknown as { __ran?: string[] }).__ran ?? []).length === 2);
    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    await page.waitForTimeout(400);
    expect(await ran(page)).toEqual(['matomo', 'google-analytics']);
    expect(await cookieNames(context)).toEqual(['_ga', '_pk_id.1.a2b3', 'temoin']);
    await context.close();
  });

  it('keeps a returning visitor’s choice: gated scripts run at load without asking, and the validator is not fetched again', async () => {
    server.page('/matomo.js', { body: '(window.__ran=window.__ran||[]).push("matomo")', type: 'text/javascript' });
    const { page, context } = await visit('/return.html', pageHtml({ config: testConfig(), body: GATED }));
    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    const before = server.requests.length;
    await page.reload();
    await page.waitForFunction(() => ((window as unknown as { __ran?: string[] }).__ran ?? []).length === 2);
    const fetched = server.requests.slice(before);
    expect(fetched).toContain('/dist/temoin.js');
    expect(fetched).not.toContain('/dist/temoin-config.mjs');
    expect(fetched).not.toContain('/dist/temoin-ui.mjs');
    expect(await page.evaluate(() => window.Temoin.get()!.getConsent()?.trackers)).toEqual({ matomo: true, 'google-analytics': true });
    await context.close();
  });
});

describe('refusing after accepting', () => {
  it('deletes the trackers’ cookies on the host and on the parent domain', async () => {
    server.page('/matomo.js', { body: 'document.cookie="_pk_id.1.a2b3=v; path=/";(window.__ran=window.__ran||[]).push("matomo")', type: 'text/javascript' });
    const { page, context } = await visit('/refuse.html', pageHtml({ config: testConfig(), body: GATED }));
    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    await page.waitForFunction(() => document.cookie.includes('_ga=') && document.cookie.includes('_pk_id'));
    const gaDomain = (await context.cookies()).find((c) => c.name === '_ga')?.domain;
    expect(gaDomain).toBe('.site.test');
    await page.evaluate(() => window.Temoin.get()!.rejectAll());
    expect(await cookieNames(context)).toEqual(['temoin']);
    await context.close();
  });
});
