import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browser, server, useBrowser } from './support/setup';
import { openPage } from './support/browser';
import { pageHtml, testConfig } from './support/page';

useBrowser();

const GATED = `
  <script type="text/plain" data-temoin-tracker="matomo" src="/matomo.js"></script>
  <script type="text/plain" data-temoin-tracker="google-analytics">
    document.cookie = '_ga=GA1.1.123.456; path=/; domain=site.localhost; max-age=3600';
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
    expect(gaDomain).toBe('.site.localhost');
    await page.evaluate(() => window.Temoin.get()!.rejectAll());
    expect(await cookieNames(context)).toEqual(['temoin']);
    await context.close();
  });
});

describe('refusing a tracker whose vendor documents names beyond RFC 6265 tokens', () => {
  it('deletes them as their scripts store them, percent-encoded: Crisp’s crisp-client/session/<id>, Adobe’s AMCV_…@AdobeOrg', async () => {
    const vendor = {
      id: 'crisp',
      cookies: [
        { name: 'crisp-client/session/*', lifetime: '6mo', purpose: { fr: 'Session.' } },
        { name: 'AMCV_1FD6776A524453CC0A490D44@AdobeOrg', lifetime: '2y', purpose: { fr: 'Visiteur.' } },
      ],
    };
    const { page, context } = await visit('/slash.html', pageHtml({ config: testConfig({ trackers: [vendor] }) }));
    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    await page.evaluate(() => {
      document.cookie = 'crisp-client%2Fsession%2Fabc=1; path=/';
      document.cookie = 'AMCV_1FD6776A524453CC0A490D44%40AdobeOrg=1; path=/';
      document.cookie = 'crisp-client%2Fother=1; path=/';
    });
    expect(await cookieNames(context)).toEqual(['AMCV_1FD6776A524453CC0A490D44%40AdobeOrg', 'crisp-client%2Fother', 'crisp-client%2Fsession%2Fabc', 'temoin']);
    await page.evaluate(() => window.Temoin.get()!.rejectAll());
    expect(await cookieNames(context)).toEqual(['crisp-client%2Fother', 'temoin']);
    await context.close();
  });
});

describe('keeping the choice', () => {
  for (const months of [6, 12]) {
    it(`keeps the consent cookie exactly ${months} calendar months, first-party, Lax, at path /`, async () => {
      const { page, context } = await visit(`/keep-${months}.html`, pageHtml({ config: testConfig({}, { consentMaxAgeMonths: months }) }));
      await page.evaluate(() => window.Temoin.get()!.rejectAll());
      const consent = await page.evaluate(() => {
        const c = window.Temoin.get()!.getConsent()!;
        return { decidedAt: c.decidedAt.getTime(), expiresAt: c.expiresAt.getTime() };
      });
      const expected = new Date(consent.decidedAt);
      expected.setUTCMonth(expected.getUTCMonth() + months);
      const cookie = (await context.cookies()).find((c) => c.name === 'temoin')!;
      expect(cookie.expires * 1000).toBe(consent.expiresAt);
      // Mid-month dates make the month arithmetic exact; the unit tests cover month ends.
      if (new Date(consent.decidedAt).getUTCDate() <= 28) expect(consent.expiresAt).toBe(expected.getTime());
      expect(cookie).toMatchObject({ path: '/', sameSite: 'Lax', secure: false, domain: 'www.site.localhost' });
      await context.close();
    });
  }

  it('writes the consent cookie on the tenant’s cookieDomain, so sub-domains share the choice', async () => {
    const { page, context } = await visit('/domain.html', pageHtml({ config: testConfig({}, { cookieDomain: 'site.localhost' }) }));
    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    expect((await context.cookies()).find((c) => c.name === 'temoin')?.domain).toBe('.site.localhost');
    server.page('/shared.html', pageHtml({ config: testConfig({}, { cookieDomain: 'site.localhost' }) }));
    const other = await context.newPage();
    await other.goto(server.origin('shop.site.localhost') + '/shared.html');
    await other.waitForFunction(() => window.Temoin?.get());
    expect(await other.evaluate(() => window.Temoin.get()!.isGranted('matomo'))).toBe(true);
    await other.evaluate(() => window.Temoin.get()!.reset());
    expect((await context.cookies()).map((c) => c.name)).not.toContain('temoin');
    await context.close();
  });

  const futureSeconds = () => Math.floor(Date.now() / 1000);
  const encoded = (tenant: string, revision: number) => {
    const decided = futureSeconds() - 60;
    const expires = decided + 3600 * 24 * 30;
    return `1.${tenant}.${revision}.${decided.toString(36)}.${expires.toString(36)}.AAAAAAAAAAAAAAAAAAAAAA.matomo:1~google-analytics:1`;
  };

  for (const [what, value, config] of [
    ['a valid record (control)', () => encoded('mutuelle', 1), testConfig()],
    ['a corrupt value', () => 'garbage%%{"matomo":true}', testConfig()],
    ['a truncated record', () => encoded('mutuelle', 1).slice(0, 40), testConfig()],
    ['another tenant’s record', () => encoded('autre-mutuelle', 1), testConfig()],
    ['an older revision’s record', () => encoded('mutuelle', 1), testConfig({ revision: 2 })],
  ] as const) {
    it(`counts ${what} as ${what.includes('control') ? 'the choice it holds' : 'no choice: nothing gated runs'}`, async () => {
      const { context, page } = await openPage(browser);
      await context.addCookies([{ name: 'temoin', value: value(), domain: 'www.site.localhost', path: '/' }]);
      server.page('/matomo.js', { body: '(window.__ran=window.__ran||[]).push("matomo")', type: 'text/javascript' });
      server.page('/stored.html', pageHtml({ config, body: GATED }));
      await page.goto(server.origin() + '/stored.html');
      await page.waitForFunction(() => window.Temoin?.get());
      await page.waitForTimeout(200);
      const granted = what.includes('control');
      expect(await page.evaluate(() => window.Temoin.get()!.getConsent() !== null)).toBe(granted);
      expect(await ran(page)).toEqual(granted ? ['matomo', 'google-analytics'] : []);
      await context.close();
    });
  }
});

describe('gated elements', () => {
  it('makes a gated script inserted after load wait for consent, then runs it once', async () => {
    const { page, context } = await visit('/late.html', pageHtml({ config: testConfig() }));
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.type = 'text/plain';
      script.dataset.temoinTracker = 'matomo';
      script.text = '(window.__ran = window.__ran || []).push("late")';
      document.body.append(script);
    });
    await page.waitForTimeout(100);
    expect(await ran(page)).toEqual([]);
    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    await page.waitForFunction(() => ((window as unknown as { __ran?: string[] }).__ran ?? []).length > 0);
    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    await page.waitForTimeout(100);
    expect(await ran(page)).toEqual(['late']);
    await context.close();
  });

  it('runs a gated script the network delivers in two parts once, whole, after its second part', async () => {
    const { page, context } = await visit('/stream-choice.html', pageHtml({ config: testConfig() }));
    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    const [head, tail] = pageHtml({
      config: testConfig(),
      body: `<p>before</p><script type="text/plain" data-temoin-tracker="matomo">window.__parts = ['first'<!--part-->, 'second']; (window.__ran = window.__ran || []).push(window.__parts.join('+'));</script><p>after</p>`,
    }).split('<!--part-->');
    server.page('/stream.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.write(head);
      setTimeout(() => res.end(tail), 600);
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.origin() + '/stream.html', { waitUntil: 'commit' });
    await page.waitForFunction(() => window.Temoin?.get());
    await page.waitForFunction(() => document.body?.textContent?.includes('after'));
    await page.waitForFunction(() => ((window as unknown as { __ran?: string[] }).__ran ?? []).length > 0);
    await page.waitForTimeout(100);
    expect(await ran(page)).toEqual(['first+second']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows no launcher after reset() while the page is still being parsed, for a choice the page started with', async () => {
    const { page, context } = await visit('/launcher-choice.html', pageHtml({ config: testConfig() }));
    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    const [head, tail] = pageHtml({ config: testConfig(), body: '<p>before</p><!--part--><script>window.Temoin.get().reset()</script><p>after</p>' }).split('<!--part-->');
    server.page('/launcher-stream.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.write(head);
      setTimeout(() => res.end(tail), 600);
    });
    await page.goto(server.origin() + '/launcher-stream.html');
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => window.Temoin.get()!.getConsent())).toBeNull();
    expect(await page.locator('[data-temoin-launcher]').count()).toBe(0);
    await context.close();
  });

  it('keeps nonce, async and defer, makes data-type="module" a module, and runs functional trackers without asking', async () => {
    server.page('/module.js', { body: 'window.__module = import.meta.url', type: 'text/javascript' });
    const body = `
      <script type="text/plain" data-temoin-tracker="matomo" nonce="abc123" id="with-nonce">window.__nonce = document.currentScript.nonce</script>
      <script type="text/plain" data-temoin-tracker="matomo" data-type="module" src="/module.js"></script>
      <script type="text/plain" data-temoin-tracker="matomo" src="/module.js" async defer data-x="kept" id="async"></script>
      <script type="text/plain" data-temoin-tracker="lisio">window.__lisio = true</script>`;
    const { page, context } = await visit('/attrs.html', pageHtml({ config: testConfig({ trackers: ['matomo', 'lisio'] }), body }));
    await page.waitForFunction(() => (window as unknown as { __lisio?: boolean }).__lisio === true);
    expect(await page.evaluate(() => (window as unknown as { __nonce?: string }).__nonce)).toBeUndefined();
    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    await page.waitForFunction(() => (window as unknown as { __module?: string }).__module);
    const released = await page.evaluate(() => {
      const asyncScript = document.getElementById('async') as HTMLScriptElement;
      return {
        nonce: (window as unknown as { __nonce?: string }).__nonce,
        module: (window as unknown as { __module?: string }).__module,
        async: asyncScript.async,
        defer: asyncScript.hasAttribute('defer'),
        data: asyncScript.dataset.x,
        type: asyncScript.type,
      };
    });
    expect(released).toEqual({ nonce: 'abc123', module: server.origin() + '/module.js', async: true, defer: true, data: 'kept', type: '' });
    await context.close();
  });

  it('runs the next gated scripts when one fails to load', async () => {
    const body = `
      <script type="text/plain" data-temoin-tracker="matomo" src="/missing.js"></script>
      <script type="text/plain" data-temoin-tracker="matomo">window.__after = true</script>`;
    const { page, context } = await visit('/fail.html', pageHtml({ config: testConfig(), body }));
    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    await page.waitForFunction(() => (window as unknown as { __after?: boolean }).__after === true);
    await context.close();
  });

  it('gates a text/plain script whatever the letter case of its type, and never touches other markup naming a tracker', async () => {
    const body = `
      <script type="TEXT/Plain" data-temoin-tracker="matomo">(window.__ran = window.__ran || []).push('upper-case type')</script>
      <script type="application/json" data-temoin-tracker="matomo" id="data">{}</script>
      <script type="text/plain" id="unnamed">(window.__ran = window.__ran || []).push('naming nothing')</script>
      <iframe data-temoin-tracker="youtube" title="video" id="frame"></iframe>`;
    const { page, context } = await visit('/markup.html', pageHtml({ config: testConfig({ trackers: ['matomo', 'youtube'] }), body }));
    expect(await ran(page)).toEqual([]);
    await page.evaluate(() => window.Temoin.get()!.acceptAll());
    await page.waitForFunction(() => (window as unknown as { __ran?: string[] }).__ran?.length);
    expect(await ran(page)).toEqual(['upper-case type']);
    const untouched = await page.evaluate(() => ({
      data: document.getElementById('data')!.getAttribute('type'),
      unnamed: document.getElementById('unnamed')!.getAttribute('type'),
      frame: document.getElementById('frame')!.hasAttribute('src'),
    }));
    expect(untouched).toEqual({ data: 'application/json', unnamed: 'text/plain', frame: false });
    await context.close();
  });

  it('loads a gated iframe’s data-src once its tracker is granted, and a category-gated script once its whole category is', async () => {
    server.page('/video.html', '<p>video</p>');
    const body = `
      <iframe data-temoin-tracker="youtube" data-src="/video.html" title="video"></iframe>
      <script type="text/plain" data-temoin-category="audience">window.__audience = true</script>`;
    const { page, context } = await visit('/frame.html', pageHtml({ config: testConfig({ trackers: ['matomo', 'youtube'] }), body }));
    await page.evaluate(() => window.Temoin.get()!.update({ trackers: { youtube: true } }));
    await page.waitForFunction(() => document.querySelector('iframe')!.src.endsWith('/video.html'));
    expect(await page.evaluate(() => (window as unknown as { __audience?: boolean }).__audience)).toBeUndefined();
    await page.evaluate(() => window.Temoin.get()!.update({ trackers: { matomo: true } }));
    await page.waitForFunction(() => (window as unknown as { __audience?: boolean }).__audience === true);
    await context.close();
  });
});

describe('the script tag', () => {
  it('starts nothing by itself without data-config, even beside a #temoin-config element: Temoin.init() starts it', async () => {
    const { page, context } = await openPage(browser);
    server.page('/no-attribute.html', pageHtml({ config: testConfig(), body: GATED, scriptAttributes: '' }));
    await page.goto(server.origin() + '/no-attribute.html');
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => window.Temoin.get())).toBeNull();
    expect(await page.locator('[data-temoin-ui]').count()).toBe(0);
    await page.evaluate(() => window.Temoin.init(JSON.parse(document.getElementById('temoin-config')!.textContent!)));
    await expect.poll(() => page.locator('[data-temoin-ui]').count()).toBe(1);
    await context.close();
  });

  it('reads its config from a URL given in data-config', async () => {
    server.page('/tenants/mutuelle.json', { body: JSON.stringify(testConfig()), type: 'application/json' });
    const { page, context } = await visit('/by-url.html', pageHtml({ scriptAttributes: 'data-config="/tenants/mutuelle.json"' }));
    expect(await page.evaluate(() => window.Temoin.get()!.config.tenant.id)).toBe('mutuelle');
    await context.close();
  });

  it('fetches the catalog entries its config names, and no other', async () => {
    const before = server.requests.length;
    const { page, context } = await visit('/entries.html', pageHtml({ config: testConfig({ trackers: ['zendesk', { id: 'matomo', category: 'audience' }] }) }));
    expect(await page.evaluate(() => window.Temoin.get()!.config.trackers.map((t) => t.name))).toEqual(['Zendesk Chat', 'Matomo']);
    const entries = server.requests.slice(before).filter((path) => path.includes('temoin-catalog-')).sort();
    expect(entries).toEqual(['/dist/temoin-catalog-matomo.mjs', '/dist/temoin-catalog-zendesk.mjs']);
    await context.close();
  });

  it('fetches them in the config’s language: a config in English gets English texts alone', async () => {
    const before = server.requests.length;
    const { page, context } = await visit('/entries-en.html', pageHtml({ config: testConfig({ trackers: ['zendesk', 'matomo'] }, { locale: 'en' }) }));
    const matomo = await page.evaluate(() => window.Temoin.get()!.config.trackers.find((t) => t.id === 'matomo')!);
    expect(Object.keys(matomo.description)).toEqual(['en']);
    expect(matomo.cookies.map((cookie) => Object.keys(cookie.purpose))).toEqual(matomo.cookies.map(() => ['en']));
    const entries = server.requests.slice(before).filter((path) => path.includes('temoin-catalog-')).sort();
    expect(entries).toEqual(['/dist/temoin-catalog-matomo.en.mjs', '/dist/temoin-catalog-zendesk.en.mjs']);
    await context.close();
  });

  it('on an invalid config logs one error listing every issue, runs nothing gated, and leaves the page working', async () => {
    // Besides temoin's error, the browser reports the misspelt id's entry not found: temoin.js
    // fetches a first visit's entries beside the validator, without the catalog's list of ids.
    const config = testConfig(
      { trackers: ['matomoo'], cookieName: '__Secure-temoin', texts: { fr: { bannerTitel: 'Vos choix', rejectAll: '' } } },
      { consentMaxAgeMonths: 24 },
    );
    const body = `${GATED}<script>window.__hostScriptRan = true</script>`;
    server.page('/invalid.html', pageHtml({ config, body }));
    const { page, context, errors } = await openPage(browser);
    await page.goto(server.origin() + '/invalid.html');
    await page.waitForFunction(() => (window as unknown as { __hostScriptRan?: boolean }).__hostScriptRan);
    // An id is known by its entry loading: the browser itself notes the one file it could not fetch, the unknown id's.
    const missingFile = (error: string) => error.startsWith('Failed to load resource');
    const logged = () => errors.filter((error) => !missingFile(error));
    await expect.poll(() => logged().length).toBe(1);
    await page.waitForTimeout(200);
    expect(logged()).toHaveLength(1);
    expect(errors.filter(missingFile)).toHaveLength(1);
    const [error] = logged();
    expect(error).toContain('tenant.consentMaxAgeMonths');
    expect(error).toContain('trackers[0]');
    expect(error).toContain('"matomo"');
    expect(error).toContain('cookieName: must be 1 to 64 letters, digits, "_" or "-", not starting with "__Host-" or "__Secure-"');
    expect(error).toContain('texts.fr.bannerTitel: is not a known field');
    expect(error).toContain('texts.fr.rejectAll: must not be empty');
    expect(await ran(page)).toEqual([]);
    expect(await page.evaluate(() => window.Temoin.get())).toBeNull();
    expect(await page.evaluate(() => document.querySelector('[data-temoin-banner]'))).toBeNull();
    await context.close();
  });
});
