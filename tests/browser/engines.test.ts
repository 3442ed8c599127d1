import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CAPTURE, ENGINE_LABELS, type Engine, type EngineName, type EnginePage, missingEngine, startEngine } from './support/engines';
import { pageHtml, testConfig } from './support/page';
import { startServer, type TestServer } from './support/server';

/**
 * The core journeys of a visitor, with the same assertions in Chromium, Firefox and WebKit. An
 * engine not installed here is skipped, and named once before the run (support/engines-setup.ts).
 */

/** Matomo's stand-in loads slowly, so that document order is tested for real; GA's writes `_ga` on `site.localhost`. */
const GATED = `
  <script type="text/plain" data-temoin-tracker="matomo" src="/slow-matomo.js"></script>
  <script type="text/plain" data-temoin-tracker="google-analytics" src="/fixtures/ga-standin.js"></script>`;

const MATOMO = readFileSync(new URL('./fixtures/matomo-standin.js', import.meta.url), 'utf8');

const LINKS = '<main><h1>Mutuelle Test</h1><p><a href="#contrat">Votre contrat</a></p></main>';

// Without a reload on withdrawal (docs/contract.md §17, tests/browser/withdrawal.test.ts): the journeys read the page right after the choice.
const html = (body = GATED + LINKS) => pageHtml({ config: testConfig({ reloadOnWithdrawal: false }), head: '', body }).replace('<title>', `${CONSOLE_CAPTURE}<title>`);

// In-page helpers: self-contained functions, run by each engine's driver.

/** Clicks the button named `name` inside temoin's shadow roots; false when there is none. */
function clickButton(name: string): boolean {
  for (const host of document.querySelectorAll('[data-temoin-ui], [data-temoin-launcher]')) {
    const button = [...(host.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === name);
    if (button) {
      button.click();
      return true;
    }
  }
  return false;
}

/** The names of the buttons temoin shows, in its shadow roots. */
function buttons(): string[] {
  return [...document.querySelectorAll('[data-temoin-ui], [data-temoin-launcher]')].flatMap((host) =>
    [...(host.shadowRoot?.querySelectorAll('button') ?? [])].map((b) => b.textContent?.trim() ?? ''),
  );
}

function dialogOpen(): boolean {
  return Boolean(document.querySelector('[data-temoin-ui]')?.shadowRoot?.querySelector('[role="dialog"]'));
}

const ran = () => (window as unknown as { __ran?: string[] }).__ran ?? [];
const cookieNames = () => (document.cookie ? document.cookie.split('; ').map((pair) => pair.split('=')[0]) : []).sort();
const started = () => Boolean(window.Temoin?.get());
const stored = () => window.Temoin.get()?.getConsent()?.trackers ?? null;

/** Where the focus is, through temoin's shadow root: which widget holds it and its text. */
function focusedIn(): { host: string | null; text: string } {
  let element = document.activeElement;
  let host: string | null = null;
  while (element?.shadowRoot?.activeElement) {
    host = element.getAttributeNames().find((name) => name.startsWith('data-temoin-')) ?? host;
    element = element.shadowRoot.activeElement;
  }
  return { host, text: element?.textContent?.trim() ?? '' };
}

/** Waits until `fn(arg)` returns something truthy in the page, and returns it. */
async function until<T, A>(page: EnginePage, fn: (arg: A) => T, arg?: A): Promise<T> {
  let last: T | undefined;
  await expect.poll(async () => (last = await page.evaluate(fn, arg)), { timeout: 10_000, interval: 100 }).toBeTruthy();
  return last as T;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const ENGINES: EngineName[] = ['chromium', 'firefox', 'webkit'];

for (const name of ENGINES) {
  describe.skipIf(missingEngine(name) !== null)(`in ${ENGINE_LABELS[name]}`, () => {
    let engine: Engine;
    let server: TestServer;
    /** Every page of the journeys, whose console must stay silent. */
    const journeys: EnginePage[] = [];

    beforeAll(async () => {
      [engine, server] = await Promise.all([startEngine(name), startServer()]);
      server.page('/', html());
      server.page('/plain.html', '<!doctype html><title>plain</title><p>No temoin here.</p>');
      server.page('/slow-matomo.js', { body: MATOMO, type: 'text/javascript', delay: 300 });
    }, 90_000);

    afterAll(async () => {
      await open?.close();
      await engine?.close();
      await server?.close();
    });

    let open: EnginePage | undefined;

    /**
     * A fresh profile on `www.site.localhost`, temoin started, once the previous page is closed
     * (WebKitWebDriver drives one session at a time). A journey's page counts for the console check.
     */
    async function visit(path = '/', { journey = true } = {}): Promise<EnginePage> {
      await open?.close();
      const page = (open = await engine.newPage());
      if (journey) journeys.push(page);
      await page.goto(server.origin() + path);
      await until(page, started);
      await until(page, buttons);
      return page;
    }

    /** Waits until temoin shows a button named `name`. */
    const untilButton = (page: EnginePage, name: string) => expect.poll(() => page.evaluate(buttons), { timeout: 10_000 }).toContain(name);

    it('on a first visit runs nothing optional and sets no tracker cookie', async () => {
      const page = await visit();
      expect(await page.evaluate(buttons)).toContain('Tout accepter');
      await pause(300);
      expect(await page.evaluate(ran)).toEqual([]);
      expect(await page.evaluate(cookieNames)).toEqual([]);
      expect(await page.evaluate(stored)).toBeNull();
    });

    it('accept all runs each gated script once, in document order; a reload keeps the choice without banner', async () => {
      const page = await visit();
      expect(await page.evaluate(clickButton, 'Tout accepter')).toBe(true);
      await until(page, () => ((window as unknown as { __ran?: string[] }).__ran ?? []).length === 2);
      await pause(300);
      expect(await page.evaluate(ran)).toEqual(['matomo', 'google-analytics']);
      expect(await page.evaluate(cookieNames)).toEqual(['_ga', '_pk_id.1.a2b3', 'temoin']);
      await page.goto(server.origin() + '/');
      await until(page, () => ((window as unknown as { __ran?: string[] }).__ran ?? []).length === 2);
      expect(await page.evaluate(ran)).toEqual(['matomo', 'google-analytics']);
      expect(await until(page, buttons)).toEqual(['Gestion des cookies']);
    });

    it('withdrawal deletes the tracker cookies on the host and on the parent domain', async () => {
      const page = await visit();
      await page.evaluate(clickButton, 'Tout accepter');
      await until(page, () => document.cookie.includes('_ga='));
      // `_ga` lives on site.localhost: a sibling host sees it too (on a page without temoin, which
      // would delete it there, no choice being stored on that host).
      await page.goto(server.origin('shop.site.localhost') + '/plain.html');
      expect(await page.evaluate(cookieNames)).toContain('_ga');
      await page.goto(server.origin() + '/');
      await untilButton(page, 'Gestion des cookies');
      await page.evaluate(clickButton, 'Gestion des cookies');
      await until(page, dialogOpen);
      expect(await page.evaluate(clickButton, 'Tout refuser')).toBe(true);
      await until(page, () => !document.cookie.includes('_ga='));
      expect(await page.evaluate(cookieNames)).toEqual(['temoin']);
      expect(await page.evaluate(stored)).toEqual({ matomo: false, 'google-analytics': false });
      await page.goto(server.origin('shop.site.localhost') + '/plain.html');
      expect(await page.evaluate(cookieNames)).not.toContain('_ga');
    });

    it('a gated script inserted later waits for consent', async () => {
      const page = await visit();
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.type = 'text/plain';
        script.dataset.temoinTracker = 'matomo';
        script.textContent = '(window.__late = window.__late || []).push("matomo")';
        document.body.append(script);
      });
      await pause(300);
      expect(await page.evaluate(() => (window as unknown as { __late?: string[] }).__late ?? [])).toEqual([]);
      await page.evaluate(clickButton, 'Tout accepter');
      expect(await until(page, () => (window as unknown as { __late?: string[] }).__late)).toEqual(['matomo']);
    });

    it('Gestion des cookies reopens the preferences with the stored choice', async () => {
      const page = await visit();
      await page.evaluate(clickButton, 'Tout refuser');
      await untilButton(page, 'Gestion des cookies');
      await page.evaluate(clickButton, 'Gestion des cookies');
      await until(page, dialogOpen);
      expect(await page.evaluate(stored)).toEqual({ matomo: false, 'google-analytics': false });
    });

    it('Escape records nothing and leaves the banner', async () => {
      const page = await visit();
      await page.press('Escape');
      await pause(200);
      expect(await page.evaluate(stored)).toBeNull();
      expect(await page.evaluate(cookieNames)).toEqual([]);
      expect(await page.evaluate(buttons)).toContain('Tout accepter');
    });

    it('the keyboard reaches the banner first', async () => {
      const page = await visit();
      // WebKit, like Safari, leaves links out of Tab by default; temoin's buttons are always in it.
      await page.press('Tab');
      expect(await page.evaluate(focusedIn)).toMatchObject({ host: 'data-temoin-ui' });
    });

    it('fetches the preferences again after a failed load, and opens them on the next click', async () => {
      const chunk = /^\/dist\/temoin-preferences-[\w-]+\.mjs$/;
      let failing = true;
      const page = await visit('/', { journey: false });
      const failed = server.requests.length;
      server.fail = (path) => failing && chunk.test(path);
      await page.evaluate(clickButton, 'Personnaliser');
      await expect.poll(async () => (await page.messages()).some((m) => m.includes('the preferences failed to load')), { timeout: 10_000 }).toBe(true);
      expect(await page.evaluate(dialogOpen)).toBe(false);
      failing = false;
      await page.evaluate(clickButton, 'Personnaliser');
      await until(page, dialogOpen);
      expect(server.requests.slice(failed).filter((path) => chunk.test(path)).length).toBeGreaterThanOrEqual(1);
      server.fail = undefined;
    });

    it('logs no console error or warning during these journeys', async () => {
      expect(journeys.length).toBeGreaterThan(5);
      const messages = (await Promise.all(journeys.map((page) => page.messages()))).flat();
      expect(messages).toEqual([]);
    });
  });
}
