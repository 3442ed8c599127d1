import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from './support/browser';
import { pageHtml, testConfig } from './support/page';
import { browser, server, useBrowser } from './support/setup';

useBrowser();

const tracker = (id: string, storage: string[], cookies: Record<string, unknown>[] = []) => ({
  id,
  name: id,
  provider: 'Test',
  category: 'audience',
  description: { fr: 'Test' },
  cookies,
  storage,
});

/** Hotjar-like: an identifier in localStorage, a prefix of keys in both storages, a shared cookie. */
const heatmap = tracker('heatmap', ['hm_user', 'hm_session_*'], [
  { name: 'shared_id', lifetime: '1y', purpose: { fr: 'Id' }, sharedWith: { trackers: ['chat'], reason: 'One vendor script.' } },
]);
const chat = tracker('chat', ['chat_state'], [
  { name: 'shared_id', lifetime: '1y', purpose: { fr: 'Id' }, sharedWith: { trackers: ['heatmap'], reason: 'One vendor script.' } },
]);

const GATED = `
  <script type="text/plain" data-temoin-tracker="heatmap">
    localStorage.setItem('hm_user', 'u1'); localStorage.setItem('hm_session_1', 's'); sessionStorage.setItem('hm_session_2', 's');
    document.cookie = 'shared_id=1; path=/';
    window.__heatmap = true;
  </script>
  <script type="text/plain" data-temoin-tracker="chat">sessionStorage.setItem('chat_state', 'open'); window.__chat = true;</script>
  <script>localStorage.setItem('site_theme', 'dark'); localStorage.setItem('hm_usera', 'not a prefix');</script>`;

async function visit(path: string): Promise<{ page: Page; close: () => Promise<void> }> {
  // The stand-ins have no consent API: without reloadOnWithdrawal: false a withdrawal would reload the page (docs/contract.md §17).
  server.page(path, pageHtml({ config: testConfig({ trackers: [heatmap, chat], reloadOnWithdrawal: false }), body: GATED }));
  const { page, context } = await openPage(browser);
  await page.goto(server.origin() + path);
  await page.waitForFunction(() => window.Temoin?.get());
  return { page, close: () => context.close() };
}

/** The page's storage keys and cookies, temoin's own (its config cache, its consent cookie) left out. */
const stored = (page: Page) =>
  page.evaluate(() => ({
    local: Object.keys(localStorage).filter((key) => !key.startsWith('temoin:')).sort(),
    session: Object.keys(sessionStorage).sort(),
    cookies: document.cookie.split('; ').map((pair) => pair.split('=')[0]).filter((name) => name && name !== 'temoin'),
  }));

describe('a tracker’s storage keys', () => {
  it('are removed from localStorage and sessionStorage on refusal, prefixes included, other keys kept', async () => {
    const { page, close } = await visit('/storage-refuse.html');
    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    await page.waitForFunction(() => (window as unknown as { __heatmap?: boolean; __chat?: boolean }).__heatmap && (window as unknown as { __chat?: boolean }).__chat);
    expect(await stored(page)).toEqual({
      local: ['hm_session_1', 'hm_user', 'hm_usera', 'site_theme'],
      session: ['chat_state', 'hm_session_2'],
      cookies: ['shared_id'],
    });
    await page.evaluate(() => window.Temoin.get()!.rejectAll());
    expect(await stored(page)).toEqual({ local: ['hm_usera', 'site_theme'], session: [], cookies: [] });
    // The clearing is a file of its own, which only configs declaring storage keys load.
    expect(server.requests).toContain('/dist/temoin-storage.mjs');
    await close();
  });

  it('are kept while granted, after a reload too, and removed on withdrawal; a cookie shared with a granted tracker stays', async () => {
    const { page, close } = await visit('/storage-withdraw.html');
    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    await page.waitForFunction(() => (window as unknown as { __chat?: boolean }).__chat);
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __heatmap?: boolean }).__heatmap);
    expect(await stored(page)).toEqual({
      local: ['hm_session_1', 'hm_user', 'hm_usera', 'site_theme'],
      session: ['chat_state', 'hm_session_2'],
      cookies: ['shared_id'],
    });
    // Withdrawing one tracker: its keys go; the cookie the chat, still granted, declares too stays.
    await page.evaluate(() => window.Temoin.get()!.update({ trackers: { heatmap: false } }));
    expect(await stored(page)).toEqual({ local: ['hm_usera', 'site_theme'], session: ['chat_state'], cookies: ['shared_id'] });
    await page.evaluate(() => window.Temoin.get()!.reset());
    expect(await stored(page)).toEqual({ local: ['hm_usera', 'site_theme'], session: [], cookies: [] });
    await close();
  });
});
