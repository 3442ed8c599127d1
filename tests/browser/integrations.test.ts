import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browser, server, useBrowser } from './support/setup';
import { openPage } from './support/browser';
import { pageHtml, testConfig } from './support/page';

useBrowser();

/** The page's `dataLayer` as plain arrays: `gtag` pushes `arguments` objects. */
const dataLayer = (page: Page) =>
  page.evaluate(() => (window.dataLayer ?? []).map((entry) => Array.from(entry as ArrayLike<unknown>)));

const bannerShown = (page: Page) =>
  page.evaluate(() => Boolean(document.querySelector('[data-temoin-ui]')?.shadowRoot?.querySelector('.banner')));

describe('Google Consent Mode v2', () => {
  const config = testConfig({ googleConsentMode: true, trackers: ['google-analytics', 'facebook-pixel', 'matomo'] });
  // Stands in for gtag.js: records what the dataLayer held when it ran.
  const body = `<script type="text/plain" data-temoin-tracker="google-analytics">
    window.__seenByTag = dataLayer.map((e) => Array.from(e));
  </script>`;

  it('sets every type denied but security_storage before any gated script runs, then updates on each choice', async () => {
    server.page('/gcm.html', pageHtml({ config, body }));
    const { page, context } = await openPage(browser);
    await page.goto(server.origin() + '/gcm.html');
    await page.waitForFunction(() => window.Temoin?.get());
    const [first] = await dataLayer(page);
    expect(first).toEqual([
      'consent',
      'default',
      {
        ad_storage: 'denied',
        ad_user_data: 'denied',
        ad_personalization: 'denied',
        analytics_storage: 'denied',
        functionality_storage: 'denied',
        personalization_storage: 'denied',
        security_storage: 'granted',
        wait_for_update: 500,
      },
    ]);

    await page.evaluate(() => window.Temoin.get()!.update({ trackers: { 'google-analytics': true } }));
    await page.waitForFunction(() => (window as unknown as { __seenByTag?: unknown[] }).__seenByTag);
    const seenByTag = await page.evaluate(() => (window as unknown as { __seenByTag: unknown[][] }).__seenByTag);
    expect(seenByTag[0]).toEqual(first);
    // Audience is only partly granted (Matomo and the pixel refused): analytics_storage stays denied.
    expect((await dataLayer(page)).at(-1)).toEqual([
      'consent',
      'update',
      { analytics_storage: 'denied', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' },
    ]);

    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    expect((await dataLayer(page)).at(-1)).toEqual([
      'consent',
      'update',
      { analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' },
    ]);

    await page.reload();
    await page.waitForFunction(() => window.Temoin?.get());
    expect((await dataLayer(page)).slice(0, 2).map((entry) => entry[1])).toEqual(['default', 'update']);
    expect((await dataLayer(page))[1][2]).toMatchObject({ analytics_storage: 'granted', ad_storage: 'granted' });
    await context.close();
  });

  it('uses the page’s own gtag and dataLayer rather than replacing them', async () => {
    const head = `<script>window.dataLayer = [['page', 'first']]; window.gtag = function () { window.__ownGtagCalls = (window.__ownGtagCalls || 0) + 1; dataLayer.push(arguments); };</script>`;
    const html = pageHtml({ config, body }).replace('<script type="application/json"', `${head}<script type="application/json"`);
    server.page('/gcm-own.html', html);
    const { page, context } = await openPage(browser);
    await page.goto(server.origin() + '/gcm-own.html');
    await page.waitForFunction(() => window.Temoin?.get());
    expect(await page.evaluate(() => (window as unknown as { __ownGtagCalls: number }).__ownGtagCalls)).toBe(1);
    expect((await dataLayer(page))[0]).toEqual(['page', 'first']);
    await context.close();
  });
});

describe('Matomo’s consent API', () => {
  it('requires consent before Matomo runs, gives it on acceptance and forgets it on withdrawal', async () => {
    server.page('/paq.html', pageHtml({ config: testConfig() }));
    const { page, context } = await openPage(browser);
    await page.goto(server.origin() + '/paq.html');
    await page.waitForFunction(() => window.Temoin?.get());
    const paq = () => page.evaluate(() => (window._paq as unknown as string[][]).map((command) => command[0]));
    expect(await paq()).toEqual(['requireCookieConsent']);
    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    await page.evaluate(() => window.Temoin.get()!.rejectAll());
    // The forget is the withdrawal's, which temoin-withdrawal.mjs brings once loaded after the choice.
    await expect.poll(paq).toEqual(['requireCookieConsent', 'setCookieConsentGiven', 'forgetCookieConsentGiven']);
    await context.close();
  });
});

describe('Global Privacy Control', () => {
  const gpc = () => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true });

  it('starts with optional trackers refused, shows no banner, and lets the visitor opt in', async () => {
    server.page('/gpc.html', pageHtml({ config: testConfig(), body: '<script type="text/plain" data-temoin-tracker="matomo">window.__matomo = true</script>' }));
    const { page, context } = await openPage(browser);
    await context.addInitScript(gpc);
    await page.goto(server.origin() + '/gpc.html');
    await page.waitForFunction(() => window.Temoin?.get());
    expect(await page.evaluate(() => window.Temoin.get()!.getConsent()?.source)).toBe('gpc');
    expect(await page.evaluate(() => window.Temoin.get()!.getConsent()?.trackers)).toEqual({ matomo: false, 'google-analytics': false });
    await page.waitForTimeout(300);
    expect(await bannerShown(page)).toBe(false);
    expect(await page.evaluate(() => Boolean(document.querySelector('[data-temoin-launcher]')))).toBe(true);
    expect((await context.cookies()).map((c) => c.name)).toEqual([]);

    await page.evaluate(() => window.Temoin.get()!.update({ trackers: { matomo: true } }));
    await page.waitForFunction(() => (window as unknown as { __matomo?: boolean }).__matomo);
    expect(await page.evaluate(() => window.Temoin.get()!.getConsent()?.source)).toBe('visitor');
    await page.reload();
    await page.waitForFunction(() => window.Temoin?.get());
    expect(await page.evaluate(() => window.Temoin.get()!.isGranted('matomo'))).toBe(true);
    await context.close();
  });

  it('is ignored when the config turns it off: the visitor is asked', async () => {
    server.page('/gpc-off.html', pageHtml({ config: testConfig({ globalPrivacyControl: false }) }));
    const { page, context } = await openPage(browser);
    await context.addInitScript(gpc);
    await page.goto(server.origin() + '/gpc-off.html');
    await page.waitForFunction(() => window.Temoin?.get());
    expect(await page.evaluate(() => window.Temoin.get()!.getConsent())).toBeNull();
    await expect.poll(() => bannerShown(page)).toBe(true);
    await context.close();
  });
});

describe('a strict Content-Security-Policy', () => {
  it('shows the banner and releases gated scripts with the widget’s nonce, without a single violation', async () => {
    const csp = "default-src 'self'; script-src 'self' 'nonce-r4nd0m'; style-src 'self' 'nonce-r4nd0m'";
    const html = pageHtml({
      config: testConfig(),
      scriptAttributes: 'data-config="#temoin-config" nonce="r4nd0m"',
      head: `<script nonce="r4nd0m">window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => __violations.push(e.violatedDirective + ' ' + e.blockedURI));</script>`,
      body: '<script type="text/plain" data-temoin-tracker="matomo">window.__released = true</script>',
    });
    server.page('/csp.html', { body: html, headers: { 'content-security-policy': csp } });
    const { page, context } = await openPage(browser);
    await page.goto(server.origin() + '/csp.html');
    await page.waitForFunction(() => window.Temoin?.get());
    await expect.poll(() => bannerShown(page)).toBe(true);
    const buttonStyle = await page.evaluate(() => {
      const button = document.querySelector('[data-temoin-ui]')!.shadowRoot!.querySelector('.banner button')!;
      return getComputedStyle(button).cursor;
    });
    expect(buttonStyle).toBe('pointer');
    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    await page.waitForFunction(() => (window as unknown as { __released?: boolean }).__released);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    await context.close();
  });
});
