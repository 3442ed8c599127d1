/// <reference types="node" />
/**
 * The gatherer of `temoin scan` (docs/contract.md §15): drives Chromium through the passes and
 * records plain-data artifacts (types.ts). Every wait is bounded: a page by `pageTimeout`, the
 * whole scan by `deadline`.
 */
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import type { ResolvedConfig } from '../config/types';
import { words } from '../ui/texts';
import { parseCookieText } from './cookie-text';
import { BINDING, RECORDER, type Recorded } from './recorder';
import type { Artifacts, CookieWrite, JarSnapshot, PageVisit, PassName, PassRun, StorageObservation } from './types';

export interface GatherOptions {
  urls: string[];
  /** At most this many pages. */
  pages: number;
  /** Links followed at most this many clicks away from a given URL. */
  depth: number;
  /** Per page, in milliseconds. */
  pageTimeout: number;
  /** When the whole scan must end (epoch milliseconds). */
  deadline: number;
  /** Pages loaded at the same time. */
  concurrency: number;
  /** Playwright's storage state file, for a connected space. */
  storageState?: string;
  cookies: { name: string; value: string }[];
  /** Take the banner's screenshot (for `--html`). */
  screenshot: boolean;
  progress?: (event: Progress) => void;
}

export interface Progress {
  pass: PassName;
  done: number;
  total: number;
  url: string;
}

/** The scan could not run: the first URL did not load. */
export class ScanFailure extends Error {}

/** How long temoin may take to start on a page once it loaded, and a page's network to fall quiet. */
const WIDGET_WAIT = 5_000;
const SETTLE_MAX = 3_000;
const QUIET = 300;
/** A script call into a page (links, storage keys, the config): a page stuck in a loop must not stop the scan. */
const EVALUATE_WAIT = 5_000;

/** Files a crawl does not open as pages. */
const NOT_A_PAGE = /\.(pdf|zip|gz|png|jpe?g|gif|svg|webp|ico|mp[34]|webm|avi|mov|docx?|xlsx?|pptx?|odt|csv|xml|json|txt|css|m?js)$/i;

const now = () => Date.now() / 1000;

function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${Math.round(ms / 100) / 10} s`)), Math.max(0, ms));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** One line a person can read for a navigation error (Playwright's message holds a call log). */
export function describeError(error: unknown, timeout: number): string {
  const message = String((error as Error)?.message ?? error);
  if ((error as Error)?.name === 'TimeoutError' || /Timeout \d+ms exceeded/.test(message)) {
    return `did not finish loading within ${Math.round(timeout / 100) / 10} s`;
  }
  const code = /net::(ERR_[A-Z_]+)/.exec(message)?.[1];
  const reasons: Record<string, string> = {
    ERR_CONNECTION_REFUSED: 'connection refused (nothing listens there)',
    ERR_NAME_NOT_RESOLVED: 'host not found',
    ERR_TOO_MANY_REDIRECTS: 'too many redirects (a redirect loop)',
    ERR_CONNECTION_RESET: 'connection reset',
    ERR_EMPTY_RESPONSE: 'the server closed the connection without answering',
    ERR_CERT_AUTHORITY_INVALID: 'its TLS certificate is not trusted',
    ERR_ABORTED: 'the navigation was aborted (a download?)',
    ERR_UNSAFE_PORT: 'Chromium refuses to load that port',
  };
  if (code) return reasons[code] ?? code;
  return message.split('\n')[0];
}

/** The registrable part of a host, roughly (its last two labels): what tells the site's hosts from third parties. */
export function siteOf(host: string): string {
  if (/^[\d.]+$|:/.test(host)) return host;
  return host.split('.').slice(-2).join('.');
}

/** The folder a crawl stays in: a given URL's path up to its last `/`. */
const scopeOf = (url: URL) => `${url.origin}${url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1)}`;

/** A page URL as the crawl keys it: without its fragment. */
const pageKey = (url: string) => url.replace(/#.*$/, '');

/** Limits how many pages are open at once, over every pass. */
function limiter(size: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/** A pass's context and what it records. */
interface PassState {
  pass: PassName;
  context: BrowserContext;
  /** The URL each open page was asked to load, what its frames' writes are attributed to, and its view's number. */
  pageUrls: Map<Page, { url: string; view: number }>;
  /** Requests in flight, and when the last one started or ended, per page. */
  network: Map<Page, { inFlight: number; last: number }>;
  afterChoice: boolean;
  pending: Set<Promise<void>>;
  /** Hosts of other sites that the pass's pages contacted. */
  hosts: Set<string>;
  /** Tabs done with their page, to load the next one: a new tab costs a renderer's start. */
  idle: Page[];
  run: PassRun;
}

export async function gather(browser: Browser, options: GatherOptions): Promise<Artifacts> {
  const seeds = options.urls.map((url) => new URL(url));
  const sites = new Set(seeds.map((url) => siteOf(url.hostname)));
  const scopes = seeds.map(scopeOf);
  const limit = limiter(options.concurrency);
  let views = 0;
  const artifacts: Artifacts = {
    seeds: options.urls,
    startedAt: now(),
    pages: [],
    passes: [],
    jar: [],
    writes: [],
    storage: [],
    given: options.cookies.map(({ name }) => ({ name, domain: seeds[0].hostname })),
    pageConfig: null,
  };

  async function openPass(pass: PassName): Promise<PassState> {
    const context = await browser.newContext({ storageState: options.storageState, viewport: { width: 1280, height: 800 } });
    const state: PassState = { pass, context, pageUrls: new Map(), network: new Map(), afterChoice: pass === 'before', pending: new Set(), hosts: new Set(), idle: [], run: { pass, thirdParties: [] } };
    if (options.storageState) {
      const given = (await context.storageState()).cookies;
      for (const cookie of given) if (!artifacts.given.some((g) => g.name === cookie.name && g.domain === cookie.domain)) artifacts.given.push({ name: cookie.name, domain: cookie.domain });
    }
    if (options.cookies.length) await context.addCookies(options.cookies.map((cookie) => ({ ...cookie, url: seeds[0].origin })));
    const pageOf = (frame: { page(): Page } | null) => {
      const page = frame?.page();
      return page && state.pageUrls.has(page) ? page : undefined;
    };
    const activity = (page: Page | undefined, delta: number) => {
      const network = page && state.network.get(page);
      if (network) {
        network.inFlight = Math.max(0, network.inFlight + delta);
        network.last = Date.now();
      }
    };
    const frameOf = (request: { frame(): { page(): Page } }) => {
      try {
        return request.frame();
      } catch {
        return null; // a service worker's request has no frame
      }
    };
    context.on('request', (request) => {
      const host = new URL(request.url()).hostname;
      if (/^https?:/.test(request.url()) && !sites.has(siteOf(host))) state.hosts.add(host);
      activity(pageOf(frameOf(request)), +1);
    });
    context.on('requestfinished', (request) => activity(pageOf(frameOf(request)), -1));
    context.on('requestfailed', (request) => activity(pageOf(frameOf(request)), -1));
    context.on('response', (response) => {
      const page = pageOf(frameOf(response.request()));
      const task = recordSetCookies(state, response, page && state.pageUrls.get(page)).catch(() => undefined);
      state.pending.add(task);
      void task.finally(() => state.pending.delete(task));
    });
    await context.exposeBinding(BINDING, (source, data: Recorded) => {
      const opened = state.pageUrls.get(source.page);
      if (!opened) return;
      const page = opened.url;
      if (data.kind === 'cookie') recordCookieText(state, data.text, data.url, opened, data.setBy, 'script', data.stored);
      else if (data.kind === 'storage') {
        artifacts.storage.push({
          pass,
          area: data.area === 'sessionStorage' ? 'sessionStorage' : 'localStorage',
          origin: data.origin,
          key: data.key,
          page,
          at: now(),
          afterChoice: state.afterChoice,
          written: { setBy: data.setBy },
        });
      }
    });
    await context.addInitScript(RECORDER);
    artifacts.passes.push(state.run);
    return state;
  }

  function recordCookieText(state: PassState, text: string, url: string, { url: page, view }: { url: string; view: number }, setBy: string | null, via: CookieWrite['via'], stored?: boolean) {
    const at = now();
    const cookie = parseCookieText(text, url, at);
    if (!cookie || cookie.deletion) return;
    artifacts.writes.push({
      pass: state.pass,
      name: cookie.name,
      domain: cookie.domain,
      path: cookie.path,
      expires: cookie.expires,
      httpOnly: cookie.httpOnly,
      setBy,
      via,
      page,
      view,
      at,
      afterChoice: state.afterChoice,
      ...(stored === undefined ? {} : { stored }),
    });
  }

  async function recordSetCookies(state: PassState, response: Response, page: { url: string; view: number } | undefined): Promise<void> {
    if (!page) return;
    const headers = await response.headersArray();
    for (const header of headers) {
      if (header.name.toLowerCase() !== 'set-cookie') continue;
      for (const line of header.value.split('\n')) recordCookieText(state, line, response.url(), page, response.url(), 'set-cookie');
    }
  }

  async function snapshot(state: PassState, page: string): Promise<void> {
    await bounded(Promise.allSettled([...state.pending]), EVALUATE_WAIT, 'reading responses');
    const cookies = await state.context.cookies();
    const taken: JarSnapshot = {
      pass: state.pass,
      page,
      at: now(),
      cookies: cookies.map((c) => ({ name: c.name, domain: c.domain, path: c.path, expires: c.expires < 0 ? null : c.expires, httpOnly: c.httpOnly, secure: c.secure })),
    };
    artifacts.jar.push(taken);
  }

  /** Waits until the page's network has been quiet for a moment, or `SETTLE_MAX`, or the page's time is up. */
  async function settle(state: PassState, page: Page, until: number): Promise<void> {
    const end = Math.min(Date.now() + SETTLE_MAX, until);
    while (Date.now() < end) {
      const network = state.network.get(page);
      if (!network || (network.inFlight === 0 && Date.now() - network.last >= QUIET)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Whether temoin started: absent at once when the page has no `window.Temoin`, else waited for. */
  async function widgetStarted(page: Page, until: number): Promise<boolean> {
    const wait = Math.min(WIDGET_WAIT, until - Date.now());
    try {
      const handle = await page.waitForFunction(
        () => (typeof window.Temoin !== 'object' ? 'absent' : window.Temoin.get() ? 'started' : false),
        undefined,
        { timeout: Math.max(1, wait), polling: 50 },
      );
      return (await handle.jsonValue()) === 'started';
    } catch {
      return false;
    }
  }

  async function storageKeys(state: PassState, page: Page, url: string): Promise<void> {
    for (const frame of page.frames()) {
      if (!/^https?:/.test(frame.url())) continue;
      const keys = await bounded(
        frame.evaluate(() => {
          const read = (area: 'localStorage' | 'sessionStorage') => {
            try {
              return Object.keys(window[area]);
            } catch {
              return [];
            }
          };
          return { origin: location.origin, localStorage: read('localStorage'), sessionStorage: read('sessionStorage') };
        }),
        EVALUATE_WAIT,
        'reading storage',
      ).catch(() => undefined);
      if (!keys) continue;
      const at = now();
      for (const area of ['localStorage', 'sessionStorage'] as const) {
        for (const key of keys[area]) {
          const seen: StorageObservation = { pass: state.pass, area, origin: keys.origin, key, page: url, at, afterChoice: state.afterChoice };
          artifacts.storage.push(seen);
        }
      }
    }
  }

  /** The links of the page to crawl: same origin, under a given URL's folder, pages rather than files. */
  async function linksOf(page: Page): Promise<string[]> {
    const hrefs = await bounded(
      page.evaluate(() => Array.from(document.querySelectorAll('a[href]'), (a) => (a as HTMLAnchorElement).href)),
      EVALUATE_WAIT,
      'reading links',
    ).catch(() => [] as string[]);
    return hrefs
      .map(pageKey)
      .filter((href) => /^https?:/.test(href) && scopes.some((scope) => href.startsWith(scope)) && !NOT_A_PAGE.test(new URL(href).pathname));
  }

  interface Visited {
    visit: PageVisit;
    links: string[];
  }

  /** Adds where a redirected page landed to the crawl's scope and to the site's hosts. */
  function widenScope(landed: string): void {
    if (!/^https?:/.test(landed)) return;
    const url = new URL(landed);
    if (!scopes.includes(scopeOf(url))) scopes.push(scopeOf(url));
    sites.add(siteOf(url.hostname));
  }

  /** A tab of the pass for the page at `url`: an idle one, else a new one. */
  async function openTab(state: PassState, url: string): Promise<Page> {
    const page = state.idle.pop() ?? (await state.context.newPage());
    state.pageUrls.set(page, { url, view: ++views });
    state.network.set(page, { inFlight: 0, last: Date.now() });
    return page;
  }

  /** Keeps a tab for the next page, or closes it when its page failed (it may still be loading, or stuck). */
  async function releaseTab(state: PassState, page: Page, healthy: boolean): Promise<void> {
    state.pageUrls.delete(page);
    state.network.delete(page);
    if (healthy) state.idle.push(page);
    else await bounded(page.close({ runBeforeUnload: false }), EVALUATE_WAIT, 'closing a page').catch(() => undefined);
  }

  /** Opens one page in a pass, waits for it to settle, records its storage and the jar, and closes it. */
  async function visit(state: PassState, url: string, { crawl = false, widen = false } = {}): Promise<Visited> {
    const result: Visited = { visit: { url, status: null, widget: false }, links: [] };
    const remaining = options.deadline - Date.now();
    if (remaining <= 0) {
      result.visit.error = 'not scanned: the scan reached its overall time limit (--max-time)';
      return result;
    }
    const timeout = Math.min(options.pageTimeout, remaining);
    const until = Date.now() + timeout;
    const page = await openTab(state, url);
    let healthy = false;
    try {
      const response = await page.goto(url, { waitUntil: 'load', timeout });
      result.visit.status = response?.status() ?? null;
      if (result.visit.status !== null && result.visit.status >= 400) result.visit.error = `HTTP ${result.visit.status}`;
      result.visit.widget = await widgetStarted(page, until);
      if (result.visit.widget && !artifacts.pageConfig) {
        artifacts.pageConfig = await bounded(
          page.evaluate(() => JSON.parse(JSON.stringify(window.Temoin.get()!.config)) as ResolvedConfig),
          EVALUATE_WAIT,
          'reading the config',
        ).catch(() => null);
      }
      await settle(state, page, until);
      if (widen) widenScope(page.url());
      if (crawl) result.links = await linksOf(page);
      await storageKeys(state, page, url);
      healthy = true;
    } catch (error) {
      result.visit.status = null;
      result.visit.error = describeError(error, timeout);
    } finally {
      await snapshot(state, url).catch(() => undefined);
      await releaseTab(state, page, healthy);
    }
    return result;
  }

  /** The `before` pass: the given URLs, then their links, breadth first, within `pages` and `depth`. */
  async function crawl(state: PassState): Promise<void> {
    const seen = new Set<string>();
    const queue: { url: string; depth: number }[] = [];
    const enqueue = (url: string, depth: number) => {
      const key = pageKey(url);
      if (seen.has(key) || seen.size >= options.pages) return;
      seen.add(key);
      queue.push({ url: key, depth });
    };
    for (const url of options.urls) enqueue(url, 0);
    const first = queue.shift()!;
    // A site redirecting its first URL (to https, to www) is crawled where it landed.
    const start = await visit(state, first.url, { crawl: first.depth < options.depth, widen: true });
    artifacts.pages.push(start.visit);
    options.progress?.({ pass: 'before', done: 1, total: seen.size, url: first.url });
    if (start.visit.error) throw new ScanFailure(`${first.url}: ${start.visit.error}`);
    for (const link of start.links) enqueue(link, 1);
    const running = new Set<Promise<void>>();
    while (queue.length || running.size) {
      while (queue.length && running.size < options.concurrency) {
        const next = queue.shift()!;
        const task = limit(() => visit(state, next.url, { crawl: next.depth < options.depth })).then((done) => {
          artifacts.pages.push(done.visit);
          for (const link of done.links) enqueue(link, next.depth + 1);
          options.progress?.({ pass: 'before', done: artifacts.pages.length, total: seen.size, url: next.url });
        });
        running.add(task);
        void task.finally(() => running.delete(task));
      }
      if (running.size) await Promise.race(running);
    }
  }

  /** `refused` and `accepted`: the choice through the page's temoin, then every page the crawl found. */
  async function choicePass(state: PassState, pages: PageVisit[]): Promise<void> {
    const start = pages.find((page) => page.widget)!;
    const remaining = options.deadline - Date.now();
    const until = Date.now() + Math.min(options.pageTimeout, remaining);
    const page = await openTab(state, start.url);
    let healthy = false;
    try {
      await page.goto(start.url, { waitUntil: 'load', timeout: Math.max(1, until - Date.now()) });
      if (!(await widgetStarted(page, until))) throw new Error(`temoin did not start on ${start.url} in the ${state.pass} pass`);
      const config = await bounded(page.evaluate(() => JSON.parse(JSON.stringify(window.Temoin.get()!.config)) as ResolvedConfig), EVALUATE_WAIT, 'reading the config');
      const label = words(config).t(state.pass === 'refused' ? 'rejectAll' : 'acceptAll');
      const button = page.getByRole('button', { name: label, exact: true }).first();
      const shown = await button.waitFor({ state: 'visible', timeout: Math.max(1, Math.min(WIDGET_WAIT, until - Date.now())) }).then(
        () => true,
        () => false,
      );
      if (shown && options.screenshot && !artifacts.bannerScreenshot) {
        artifacts.bannerScreenshot = (await bounded(page.screenshot({ type: 'png', animations: 'disabled' }), EVALUATE_WAIT, 'the screenshot')).toString('base64');
      }
      state.afterChoice = true;
      if (shown) {
        await button.click({ timeout: Math.max(1, until - Date.now()) });
        state.run.choice = 'clicked';
      } else {
        // No banner (a stored choice from --storage-state, or nothing to ask): the same choice through the API.
        await page.evaluate((refuse) => (refuse ? window.Temoin.get()!.rejectAll() : window.Temoin.get()!.acceptAll()), state.pass === 'refused');
        state.run.choice = 'api';
      }
      state.run.choicePage = start.url;
      await page.waitForFunction(() => window.Temoin.get()?.getConsent() != null, undefined, { timeout: Math.max(1, until - Date.now()), polling: 50 });
      await settle(state, page, until);
      await storageKeys(state, page, start.url);
      healthy = true;
    } catch (error) {
      throw new ScanFailure(`the ${state.pass} pass could not make its choice on ${start.url}: ${describeError(error, options.pageTimeout)}`);
    } finally {
      await snapshot(state, start.url).catch(() => undefined);
      await releaseTab(state, page, healthy);
    }
    let done = 0;
    await Promise.all(
      pages
        .filter((visited) => !visited.error)
        .map((visited, _, all) =>
          limit(() => visit(state, visited.url)).then(() => options.progress?.({ pass: state.pass, done: ++done, total: all.length, url: visited.url })),
        ),
    );
  }

  async function closePass(state: PassState): Promise<void> {
    state.run.thirdParties = [...state.hosts].sort();
    await bounded(state.context.close(), EVALUATE_WAIT, 'closing the browser context').catch(() => undefined);
  }

  const before = await openPass('before');
  try {
    await crawl(before);
  } finally {
    await closePass(before);
  }
  // Without temoin on the first page, only `before` runs (docs/contract.md §15); nor the others once out of time.
  if (!artifacts.pages[0].widget || Date.now() >= options.deadline) return artifacts;
  await Promise.all(
    (['refused', 'accepted'] as const).map(async (pass) => {
      const state = await openPass(pass);
      try {
        await choicePass(state, artifacts.pages);
      } finally {
        await closePass(state);
      }
    }),
  );
  return artifacts;
}
