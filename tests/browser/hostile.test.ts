import { describe, expect, it } from 'vitest';
import { browser, server, useBrowser } from './support/setup';
import { openPage } from './support/browser';
import { pageHtml, testConfig } from './support/page';

useBrowser();

const GATED = '<script type="text/plain" data-temoin-tracker="matomo">window.__gated = true</script>';
const HOST_SCRIPT = '<script>window.__host = true</script>';

describe('a config that cannot be had', () => {
  for (const [what, route] of [
    ['a config URL that answers 404', { body: 'not found', status: 404, type: 'text/plain' }],
    ['a config URL that answers invalid JSON', { body: '{ "tenant": ', type: 'application/json' }],
    ['a config URL that does not answer within 5 s', { body: JSON.stringify(testConfig()), type: 'application/json', delay: 6_000 }],
  ] as const) {
    it(`logs one error for ${what}, runs nothing gated and leaves the page working`, async () => {
      const path = `/cfg-${what.length}.json`;
      server.page(path, route);
      server.page('/unreachable.html', pageHtml({ scriptAttributes: `data-config="${path}"`, body: GATED + HOST_SCRIPT }));
      const { page, context, errors } = await openPage(browser);
      await page.goto(server.origin() + '/unreachable.html');
      await page.waitForFunction(() => (window as unknown as { __host?: boolean }).__host);
      await expect.poll(() => errors.filter((e) => e.includes('temoin')).length, { timeout: 8_000 }).toBe(1);
      expect(errors.filter((e) => e.startsWith('uncaught'))).toEqual([]);
      expect(await page.evaluate(() => [window.Temoin.get(), (window as unknown as { __gated?: boolean }).__gated ?? null])).toEqual([null, null]);
      await context.close();
    });
  }
});

describe('a script-tag config naming a catalog id that does not exist', () => {
  const messagesChunk = /\/dist\/temoin-config-errors\.mjs$/;
  const idsChunk = /\/dist\/temoin-ids\.mjs$/;

  it('logs the id with the closest known one and the list of all, and runs nothing gated', async () => {
    server.page('/misspelt.html', pageHtml({ config: testConfig({ trackers: ['zendesk', 'matomoo'] }), body: GATED + HOST_SCRIPT }));
    const { page, context, errors } = await openPage(browser);
    await page.goto(server.origin() + '/misspelt.html');
    await expect.poll(() => errors.join('\n')).toContain('trackers[1]: "matomoo" is not in the catalog; did you mean "matomo"? Known ids: ab-tasty,');
    expect(await page.evaluate(() => [window.Temoin.get(), (window as unknown as { __gated?: boolean }).__gated ?? null])).toEqual([null, null]);
    await context.close();
  });

  it('still names the path and the id when the messages cannot load, without saying for sure the id is unknown, and runs nothing gated', async () => {
    server.page('/misspelt-offline.html', pageHtml({ config: testConfig({ trackers: ['matomoo'] }, { id: 'Mutuelle' }), body: GATED + HOST_SCRIPT }));
    const { page, context, errors } = await openPage(browser);
    const requested: string[] = [];
    await page.route(messagesChunk, (route) => (requested.push(route.request().url()), route.abort()));
    await page.goto(server.origin() + '/misspelt-offline.html');
    await expect
      .poll(() => errors.join('\n'))
      .toContain('temoin: invalid config at tenant.id, trackers[0] ("matomoo"), or a catalog entry did not load; the messages did not load either:');
    expect(errors.join('\n')).not.toContain('is not in the catalog');
    expect(requested).toHaveLength(1);
    expect(await page.evaluate(() => [window.Temoin.get(), (window as unknown as { __gated?: boolean }).__gated ?? null])).toEqual([null, null]);
    await context.close();
  });

  it('says an entry that did not load did not load, not that its id is unknown, and runs nothing gated', async () => {
    server.page('/entry-offline.html', pageHtml({ config: testConfig({ trackers: ['zendesk', 'matomo'] }), body: GATED + HOST_SCRIPT }));
    const { page, context, errors } = await openPage(browser);
    await page.route(/\/dist\/temoin-catalog-matomo\.mjs$/, (route) => route.abort());
    await page.goto(server.origin() + '/entry-offline.html');
    await expect.poll(() => errors.join('\n')).toContain('temoin-catalog-matomo.mjs');
    expect(errors.join('\n')).not.toContain('is not in the catalog');
    expect(await page.evaluate(() => [window.Temoin.get(), (window as unknown as { __gated?: boolean }).__gated ?? null])).toEqual([null, null]);
    await context.close();
  });

  it('fetches an entry that did not load again at the next init(), under a new URL, and starts', async () => {
    server.page('/entry-again.html', pageHtml({ config: testConfig({ trackers: ['zendesk', 'matomo'] }), body: GATED }));
    const { page, context, errors } = await openPage(browser);
    const entry = /\/dist\/temoin-catalog-matomo\.mjs$/;
    await page.route(entry, (route) => route.abort());
    await page.goto(server.origin() + '/entry-again.html');
    await expect.poll(() => errors.join('\n')).toContain('temoin-catalog-matomo.mjs');
    await page.unroute(entry);
    const started = await page.evaluate(async () => {
      const instance = await window.Temoin.init(JSON.parse(document.getElementById('temoin-config')!.textContent!));
      return instance.config.trackers.map((t) => t.id);
    });
    expect(started).toEqual(['zendesk', 'matomo']);
    await context.close();
  });

  it('never loads the messages nor the list of ids for a valid config naming catalog ids and overriding one', async () => {
    const config = testConfig({ trackers: ['zendesk', { id: 'matomo', name: 'Statistiques' }] });
    server.page('/known-ids.html', pageHtml({ config, body: GATED }));
    const { page, context, errors } = await openPage(browser);
    const before = server.requests.length;
    await page.goto(server.origin() + '/known-ids.html');
    await page.waitForFunction(() => window.Temoin?.get());
    expect(server.requests.slice(before)).toContain('/dist/temoin-ui.mjs');
    expect(server.requests.slice(before).filter((path) => messagesChunk.test(path) || idsChunk.test(path))).toEqual([]);
    expect(await page.evaluate(() => window.Temoin.get()!.config.trackers.find((t) => t.id === 'matomo')!.name)).toBe('Statistiques');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('loads the list of ids for a whole tracker object: its own id loads no entry, a catalog id keeps the entry’s other fields', async () => {
    const own = {
      id: 'own-chat',
      name: 'Chat',
      provider: 'Us',
      category: 'audience',
      description: { fr: 'Discussion' },
      cookies: [{ name: 'chat_id', lifetime: '30d', purpose: { fr: 'Session' } }],
    };
    const matomo = { ...own, id: 'matomo', name: 'Statistiques' };
    server.page('/whole-objects.html', pageHtml({ config: testConfig({ trackers: [own, matomo] }), body: GATED }));
    const { page, context, errors } = await openPage(browser);
    const before = server.requests.length;
    await page.goto(server.origin() + '/whole-objects.html');
    await page.waitForFunction(() => window.Temoin?.get());
    const requested = server.requests.slice(before);
    expect(requested.filter((path) => idsChunk.test(path))).toHaveLength(1);
    expect(requested.filter((path) => path.includes('temoin-catalog-')).sort()).toEqual(['/dist/temoin-catalog-matomo.mjs']);
    const trackers = await page.evaluate(() => window.Temoin.get()!.config.trackers.map(({ id, name, privacyPolicyUrl }) => ({ id, name, privacyPolicyUrl })));
    expect(trackers).toEqual([
      { id: 'own-chat', name: 'Chat', privacyPolicyUrl: undefined },
      { id: 'matomo', name: 'Statistiques', privacyPolicyUrl: 'https://matomo.org/privacy-policy/' },
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('hostile strings in a config', () => {
  it('shows markup in texts as inert text and refuses javascript: links', async () => {
    const tenantName = '<img src=x onerror="window.__xss = 1">Mutuelle';
    const own = {
      id: 'own',
      name: '<b onmouseover="window.__xss = 2">Chat</b>',
      provider: '<script>window.__xss = 3</script>',
      category: 'audience',
      description: { fr: '<img src=x onerror="window.__xss = 4">' },
      cookies: [{ name: 'own_id', lifetime: '1y', purpose: { fr: '<svg onload="window.__xss = 5">' } }],
    };
    server.page('/xss.html', pageHtml({ config: testConfig({ trackers: ['matomo', own] }, { name: tenantName }) }));
    const { page, context } = await openPage(browser);
    await page.goto(server.origin() + '/xss.html');
    await page.waitForFunction(() => window.Temoin?.get());
    await page.evaluate(() => window.Temoin.get()!.showPreferences());
    await page.waitForFunction(() => document.querySelector('[data-temoin-ui]')?.shadowRoot?.querySelector('[role="dialog"]'));
    const shadowText = await page.evaluate(() => document.querySelector('[data-temoin-ui]')!.shadowRoot!.textContent);
    expect(shadowText).toContain(tenantName);
    expect(shadowText).toContain(own.provider);
    expect(await page.evaluate(() => document.querySelector('[data-temoin-ui]')!.shadowRoot!.querySelectorAll('img, script, svg, [onerror], [onload], [onmouseover]').length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null)).toBeNull();
    await context.close();

    server.page('/js-url.html', pageHtml({ config: testConfig({}, { privacyPolicyUrl: 'javascript:alert(1)' }), body: GATED }));
    const second = await openPage(browser);
    await second.page.goto(server.origin() + '/js-url.html');
    await expect.poll(() => second.errors.join('\n')).toContain('tenant.privacyPolicyUrl: must be an http: or https: URL');
    expect(await second.page.evaluate(() => window.Temoin.get())).toBeNull();
    await second.context.close();
  });

  it('treats __proto__ and constructor keys in config JSON as unknown fields, polluting nothing', async () => {
    const json = '{"tenant":{"id":"mutuelle","name":"M","__proto__":{"polluted":true}},"trackers":["matomo"],"constructor":{"prototype":{"polluted":true}}}';
    server.page('/proto.html', pageHtml({ config: json, body: GATED }));
    const { page, context, errors } = await openPage(browser);
    await page.goto(server.origin() + '/proto.html');
    await expect.poll(() => errors.join('\n')).toContain('tenant.__proto__: is not a known field');
    expect(errors.join('\n')).toContain('constructor: is not a known field');
    expect(await page.evaluate(() => ({} as { polluted?: boolean }).polluted ?? null)).toBeNull();
    await context.close();
  });
});

describe('temoin started twice', () => {
  it('keeps one instance when the script tag is included twice, with a warning', async () => {
    const html = pageHtml({ config: testConfig(), body: `<script src="/dist/temoin.js" data-config="#temoin-config"></script>` });
    server.page('/twice.html', html);
    const { page, context, warnings } = await openPage(browser);
    await page.goto(server.origin() + '/twice.html');
    await page.waitForFunction(() => window.Temoin?.get());
    expect(warnings.join('\n')).toContain('included twice');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.querySelectorAll('[data-temoin-ui]').length)).toBe(1);
    const same = await page.evaluate(async () => (await window.Temoin.init({ tenant: { id: 'x', name: 'X' }, trackers: [] })) === window.Temoin.get());
    expect(same).toBe(true);
    expect(warnings.join('\n')).toContain('already running');
    await context.close();
  });
});

describe('cookies that cannot be written', () => {
  it('keeps the choice for the page, throws nothing, and asks again on the next visit', async () => {
    server.page('/nocookies.html', pageHtml({ config: testConfig(), body: GATED }));
    const { page, context, errors, warnings } = await openPage(browser);
    await context.addInitScript(() => Object.defineProperty(Document.prototype, 'cookie', { get: () => '', set: () => {} }));
    await page.goto(server.origin() + '/nocookies.html');
    await page.waitForFunction(() => window.Temoin?.get());
    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    await page.waitForFunction(() => (window as unknown as { __gated?: boolean }).__gated);
    expect(warnings.join('\n')).toContain('could not be stored');
    await page.reload();
    await page.waitForFunction(() => window.Temoin?.get());
    expect(await page.evaluate(() => window.Temoin.get()!.getConsent())).toBeNull();
    expect(errors.filter((e) => e.startsWith('uncaught'))).toEqual([]);
    await context.close();
  });

  it('starts and asks where reading cookies throws (a sandboxed frame), storing nothing', async () => {
    server.page('/sandboxed.html', pageHtml({ config: testConfig(), body: GATED }));
    const { page, context, errors } = await openPage(browser);
    await context.addInitScript(() =>
      Object.defineProperty(Document.prototype, 'cookie', {
        get: () => {
          throw new DOMException('The document is sandboxed and lacks the allow-same-origin flag.', 'SecurityError');
        },
        set: () => {
          throw new DOMException('The document is sandboxed and lacks the allow-same-origin flag.', 'SecurityError');
        },
      }),
    );
    await page.goto(server.origin() + '/sandboxed.html');
    await page.getByRole('button', { name: 'Tout refuser' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __gated?: boolean }).__gated ?? null)).toBeNull();
    await page.getByRole('button', { name: 'Tout accepter' }).click();
    await page.waitForFunction(() => (window as unknown as { __gated?: boolean }).__gated);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('misbehaving page scripts', () => {
  it('runs the other gated scripts when one throws', async () => {
    const body = `<script type="text/plain" data-temoin-tracker="matomo">throw new Error('tracker bug')</script>${GATED}`;
    server.page('/throws.html', pageHtml({ config: testConfig(), body }));
    const { page, context } = await openPage(browser);
    await page.goto(server.origin() + '/throws.html');
    await page.waitForFunction(() => window.Temoin?.get());
    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    await page.waitForFunction(() => (window as unknown as { __gated?: boolean }).__gated);
    await context.close();
  });

  it('runs each of 1,000 gated scripts inserted in one burst after consent exactly once', async () => {
    server.page('/burst.html', pageHtml({ config: testConfig() }));
    const { page, context } = await openPage(browser);
    await page.goto(server.origin() + '/burst.html');
    await page.waitForFunction(() => window.Temoin?.get());
    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    await page.evaluate(() => {
      const fragment = document.createDocumentFragment();
      for (let i = 0; i < 1000; i++) {
        const script = document.createElement('script');
        script.type = 'text/plain';
        script.dataset.temoinTracker = i % 2 ? 'matomo' : 'google-analytics';
        script.text = `(window.__burst = window.__burst || []).push(${i})`;
        fragment.append(script);
      }
      document.body.append(fragment);
    });
    await page.waitForFunction(() => ((window as unknown as { __burst?: number[] }).__burst ?? []).length >= 1000);
    await page.waitForTimeout(200);
    const burst = await page.evaluate(() => (window as unknown as { __burst: number[] }).__burst);
    expect(burst).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    await context.close();
  });
});
