import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/config/parse';
import { createRecord, encodeRecord } from '../../src/consent/record';
import { type ConsentReceipt, consentHandler, toNodeHandler } from '../../src/server/index';
import { openPage } from './support/browser';
import { pageHtml, testConfig } from './support/page';
import { browser, server, useBrowser } from './support/setup';

useBrowser();

/**
 * The consent endpoint end to end: the built widget in Chromium, `consentHandler` on the test's real
 * node:http server through `toNodeHandler`, as a site would run them.
 */

interface Endpoint {
  /** Receipts stored, by choice id: how many times each one was stored. */
  stored: Map<string, { receipt: ConsentReceipt; times: number }>;
  /** Every call received, in order: its status and its body. */
  calls: { status: number; body: string }[];
  /** How many of the next calls the receipt store fails (503). */
  failNext: number;
}

/** Serves `/<name>/page.html` with `config`, and its endpoint at `/<name>/consent`, built from `serverConfig`. */
function site(name: string, config: Record<string, unknown>, serverConfig = config): Endpoint {
  const endpoint: Endpoint = { stored: new Map(), calls: [], failNext: 0 };
  const handler = consentHandler({
    config: serverConfig as never,
    onReceipt: (receipt) => {
      if (endpoint.failNext > 0) {
        endpoint.failNext--;
        throw new Error('store down');
      }
      const known = endpoint.stored.get(receipt.id);
      endpoint.stored.set(receipt.id, { receipt, times: (known?.times ?? 0) + 1 });
    },
  });
  const listener = toNodeHandler(handler);
  server.page(`/${name}/consent`, (req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk));
    // Recorded once answered: the handler reads the body itself, this only listens.
    res.on('finish', () => endpoint.calls.push({ status: res.statusCode, body }));
    listener(req, res);
  });
  server.page(`/${name}/page.html`, pageHtml({ config }));
  return endpoint;
}

const endpointConfig = (name: string, overrides: Record<string, unknown> = {}) => testConfig({ consentEndpoint: `/${name}/consent`, ...overrides });

async function open(name: string, context?: BrowserContext): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const opened = context ? { context, page: await context.newPage(), errors: [] as string[] } : await openPage(browser);
  await opened.page.goto(`${server.origin()}/${name}/page.html`);
  await opened.page.waitForFunction(() => window.Temoin?.get());
  return opened;
}

const consentCookie = async (context: BrowserContext) => (await context.cookies()).find((cookie) => cookie.name === 'temoin');
/** Console errors other than Chromium's own line for an HTTP error status (a 503 is logged by the browser, not by temoin). */
const temoinErrors = (errors: string[]) => errors.filter((error) => !/Failed to load resource: the server responded with a status of/.test(error));

describe('a visitor’s choice on a site with a consent endpoint', () => {
  it('is posted, re-issued by the server with Set-Cookie, and lasts in the browser until the record’s expiry', async () => {
    const endpoint = site('choice', endpointConfig('choice'));
    const { context, page, errors } = await open('choice');
    const answer = page.waitForResponse((response) => response.url().endsWith('/choice/consent'));
    await page.getByRole('button', { name: 'Tout refuser' }).click();
    const response = await answer;
    const setCookie = await response.headerValue('set-cookie');
    const cookie = await consentCookie(context);

    expect(response.status()).toBe(204);
    expect(endpoint.calls.map((call) => JSON.parse(call.body) as unknown)).toEqual([{ record: cookie!.value }]);
    expect(setCookie).toMatch(new RegExp(`^temoin=${cookie!.value.replace(/\./g, '\\.')}; Path=/; Max-Age=\\d+; SameSite=Lax$`));
    const consent = (await page.evaluate(() => {
      const c = window.Temoin.get()!.getConsent()!;
      return { id: c.id, expiresAt: c.expiresAt.getTime() };
    }))!;
    // The server counts Max-Age down from the call: the browser's expiry is the record's, to within the call's own seconds.
    expect(cookie!.expires * 1000).toBeLessThanOrEqual(consent.expiresAt);
    expect(cookie!.expires * 1000).toBeGreaterThan(consent.expiresAt - 10_000);
    expect([...endpoint.stored.keys()]).toEqual([consent.id]);
    expect(temoinErrors(errors)).toEqual([]);
    await context.close();
  });

  it('gives the server a receipt of the choice and of the config it was made under, nothing about the visitor', async () => {
    const endpoint = site('receipt', endpointConfig('receipt'));
    const { context, page } = await open('receipt');
    const before = Date.now();
    await page.evaluate(() => window.Temoin.get()!.update({ trackers: { matomo: true } }));
    await expect.poll(() => endpoint.stored.size).toBe(1);
    const consent = await page.evaluate(() => {
      const c = window.Temoin.get()!.getConsent()!;
      return { id: c.id, decidedAt: c.decidedAt.toISOString(), expiresAt: c.expiresAt.toISOString(), configFingerprint: c.configFingerprint };
    });
    const [{ receipt, times }] = [...endpoint.stored.values()];
    expect(times).toBe(1);
    expect(receipt).toEqual({
      id: consent.id,
      tenant: 'mutuelle',
      revision: 1,
      decisions: { matomo: true, 'google-analytics': false },
      decidedAt: consent.decidedAt,
      expiresAt: consent.expiresAt,
      configFingerprint: consent.configFingerprint,
      receivedAt: expect.any(String),
    });
    expect(Date.parse(receipt.receivedAt)).toBeGreaterThanOrEqual(before - 1000);
    await context.close();
  });

  it('is sent again on the next page view after a 503, and its receipt stored once', async () => {
    const endpoint = site('retry', endpointConfig('retry'));
    endpoint.failNext = 1;
    // The handler reports the store's failure on the server's console.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { context, page } = await open('retry');
    await page.getByRole('button', { name: 'Tout accepter' }).click();
    await expect.poll(() => endpoint.calls.map((call) => call.status)).toEqual([503]);
    expect(endpoint.stored.size).toBe(0);

    await open('retry', context);
    await expect.poll(() => endpoint.calls.map((call) => call.status)).toEqual([503, 204]);
    expect(endpoint.calls[1].body).toBe(endpoint.calls[0].body);
    expect([...endpoint.stored.values()].map((entry) => entry.times)).toEqual([1]);

    // Answered: the third page view sends nothing.
    const third = await open('retry', context);
    await third.page.waitForTimeout(300);
    expect(endpoint.calls).toHaveLength(2);
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
    await context.close();
  });

  it('is not sent again after a 4xx: the server refused it for good', async () => {
    // The server holds another tenant's config: every record of this page is refused (400).
    const endpoint = site('refused', endpointConfig('refused'), endpointConfig('refused', { tenant: { id: 'autre', name: 'Autre' } }));
    const { context, page } = await open('refused');
    await page.getByRole('button', { name: 'Tout accepter' }).click();
    await expect.poll(() => endpoint.calls.map((call) => call.status)).toEqual([400]);
    const next = await open('refused', context);
    await next.page.waitForTimeout(300);
    expect(endpoint.calls).toHaveLength(1);
    expect(endpoint.stored.size).toBe(0);
    // The choice still holds through the cookie the widget wrote itself.
    expect(await next.page.evaluate(() => window.Temoin.get()!.isGranted('matomo'))).toBe(true);
    await context.close();
  });

  it('is cleared by reset(): the server expires the cookie, with no receipt', async () => {
    const endpoint = site('reset', endpointConfig('reset'));
    const { context, page } = await open('reset');
    await page.getByRole('button', { name: 'Tout accepter' }).click();
    await expect.poll(() => endpoint.calls.length).toBe(1);
    const answer = page.waitForResponse((response) => response.url().endsWith('/reset/consent') && response.request().postData() === '{"record":null}');
    await page.evaluate(() => window.Temoin.get()!.reset());
    const response = await answer;
    expect(await response.headerValue('set-cookie')).toMatch(/^temoin=; Path=\/; Max-Age=0; SameSite=Lax$/);
    expect(await consentCookie(context)).toBeUndefined();
    expect(endpoint.stored.size).toBe(1);
    await context.close();
  });
});

describe('a site without a consent endpoint', () => {
  it('never loads the endpoint’s code, even on a choice', async () => {
    server.page('/no-endpoint/page.html', pageHtml({ config: testConfig() }));
    const before = server.requests.length;
    const { context, page } = await open('no-endpoint');
    await page.getByRole('button', { name: 'Tout accepter' }).click();
    await page.getByRole('button', { name: 'Gestion des cookies' }).waitFor();
    await page.waitForTimeout(300);
    expect(server.requests.slice(before)).not.toContain('/dist/temoin-endpoint.mjs');
    await context.close();
  });
});

describe('another site trying to set a visitor’s consent through the endpoint', () => {
  /** An attacker's page on another origin, holding a well-formed "accept all" record for the tenant. */
  async function attack(name: string, body: (target: string, record: string) => string) {
    const config = endpointConfig(name);
    const endpoint = site(name, config);
    const record = encodeRecord(createRecord(parseConfig(config), { matomo: 1, 'google-analytics': 1 }));
    const target = `${server.origin()}/${name}/consent`;
    server.page(`/${name}-evil.html`, `<!doctype html><html><body>${body(target, record)}</body></html>`);
    const { context, page } = await openPage(browser);
    await page.goto(`${server.origin('evil.localhost')}/${name}-evil.html`);
    return { endpoint, context, page, target };
  }

  it('is refused when its page fetches the endpoint, with or without CORS: nothing is set', async () => {
    const { endpoint, context, page } = await attack(
      'fetch',
      (target, record) => `<script>
        const body = JSON.stringify({ record: ${JSON.stringify(record)} });
        window.done = Promise.allSettled([
          fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body }),
          fetch(${JSON.stringify(target)}, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body }),
        ]).then((results) => results.map((r) => r.status));
      </script>`,
    );
    expect(await page.evaluate(() => (window as unknown as { done: Promise<string[]> }).done)).toHaveLength(2);
    await expect.poll(() => endpoint.calls.length).toBeGreaterThanOrEqual(1);
    expect(endpoint.calls.every((call) => call.status >= 400 && call.status < 500)).toBe(true);
    expect(endpoint.calls.map((call) => call.status)).toContain(403);
    expect(await consentCookie(context)).toBeUndefined();
    expect(endpoint.stored.size).toBe(0);
    await context.close();
  });

  it('is refused when its page submits a form to the endpoint, text/plain body shaped as JSON: nothing is set', async () => {
    const { endpoint, context, page } = await attack(
      'form',
      (target, record) => `<form method="POST" action="${target}" enctype="text/plain">
        <input type="hidden" name='{"record": "${record}", "x": "' value='"}'>
      </form><script>document.forms[0].submit()</script>`,
    );
    await expect.poll(() => endpoint.calls.length).toBe(1);
    expect(endpoint.calls[0].status).toBe(403);
    expect(JSON.parse(endpoint.calls[0].body.trim())).toMatchObject({ record: expect.any(String) });
    await page.waitForLoadState();
    expect(await consentCookie(context)).toBeUndefined();
    expect(endpoint.stored.size).toBe(0);
    // And the site, visited next, still asks.
    const { page: visit } = await open('form', context);
    expect(await visit.evaluate(() => window.Temoin.get()!.getConsent())).toBeNull();
    await context.close();
  });
});
