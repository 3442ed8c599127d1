/**
 * One sample of one library: a fresh browser context, a first visit until
 * the banner is visible, a real click on "accept all", then a reload as the
 * returning visit. Plus the "refuse all" smoke check.
 */
import { extname } from 'node:path';
import { GATED, TRACKER_COOKIE } from './scenario.mjs';
import { totalSizes } from './sizes.mjs';

/**
 * @typedef {import('playwright-core').Browser} Browser
 * @typedef {import('playwright-core').Page} Page
 * @typedef {import('./libraries.mjs').Library} Library
 * @typedef {import('./libraries.mjs').Target} Target
 * @typedef {import('./sizes.mjs').Sizes} Sizes
 *
 * @typedef {object} Pass how a series of samples is run
 * @property {{ width: number, height: number }} viewport
 * @property {number} cpuRate CPU slow-down factor (1: none)
 * @property {{ latency: number, downloadThroughput: number, uploadThroughput: number } | null} network
 *   emulated round trip (ms) and throughput (bytes/s) of every request; null: loopback as is
 * @property {number} settleMs quiet time after the awaited event, before reading the figures
 * @property {number} readMs time the visitor takes to read the banner before clicking
 * @property {number} timeoutMs longest wait for a banner or a gated script
 *
 * @typedef {object} Server
 * @property {string} origin
 * @property {(pathname: string) => string | null} resolve URL path → widget file
 *
 * @typedef {object} Snapshot figures of one page view
 * @property {{ js: Sizes, css: Sizes, files: string[] }} bytes widget files the page fetched
 * @property {number} scriptMs main-thread script time (CDP ScriptDuration)
 * @property {number} tbtMs total blocking time: Σ (long task − 50 ms)
 * @property {number} cls sum of layout-shift scores without recent input
 * @property {number | null} bannerAt performance.now() when the accept button became visible
 * @property {number | null} gatedAt performance.now() when the last gated script ran
 * @property {string[]} ran gated scripts that ran, in order
 * @property {string[]} trackerCookies _pk* / _ga* cookies present
 * @property {string[]} problems page errors, console errors and failed requests
 */

const GATED_IDS = Object.keys(GATED);

/** Time a library is given to store the choice after a click, before the reload. */
export const STORE_MS = 200;

/**
 * Installed in every page before its own scripts: watches long tasks and
 * layout shifts, records when the accept button first becomes visible
 * (searching shadow roots too, which it learns of by wrapping attachShadow),
 * and lets the driver wait for the banner, the gated scripts or the
 * preferences without polling from outside, which would add Playwright's own
 * script time.
 * @param {{ accept: Target, gated: string[] }} options
 */
function probe({ accept, gated }) {
  const roots = [document];
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    return root;
  };

  const ran = [];
  const tests = {
    banner: () => state.bannerAt !== null,
    gated: () => gated.every((id) => ran.some((r) => r.id === id)),
    preferences: () => state.preferencesMs !== null,
  };
  let waiters = [];
  const notify = () => {
    waiters = waiters.filter(({ test, resolve }) => {
      if (!tests[test]()) return true;
      resolve(true);
      return false;
    });
  };
  const state = {
    bannerAt: null,
    /** From the next click to the first frame where `shown` is visible (see `watchPreferences`). */
    preferencesMs: null,
    longTasks: [],
    cls: 0,
    /** Resolves true once `test` holds, false after `timeout` ms. */
    until: (test, timeout) =>
      new Promise((resolve) => {
        if (tests[test]()) return resolve(true);
        waiters.push({ test, resolve });
        setTimeout(() => resolve(false), timeout);
      }),
  };
  Object.defineProperty(window, '__bench', { value: state });
  // the stand-in trackers append to window.__ran
  ran.push = (...entries) => {
    Array.prototype.push.apply(ran, entries);
    notify();
    return ran.length;
  };
  window.__ran = ran;

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) state.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });

  const onScreen = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  };
  const visible = (target) => (el) =>
    (!target.text || el.textContent.trim() === target.text) &&
    onScreen(el) &&
    el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const shows = (target) => roots.some((root) => [...root.querySelectorAll(target.css)].some(visible(target)));
  const poll = () => {
    if (shows(accept)) {
      state.bannerAt = performance.now();
      notify();
    } else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  /** Times the next click (the one that opens the preferences) until `shown` is visible. */
  state.watchPreferences = (shown) =>
    addEventListener(
      'click',
      (event) => {
        const wait = () => {
          if (!shows(shown)) return requestAnimationFrame(wait);
          state.preferencesMs = performance.now() - event.timeStamp;
          notify();
        };
        wait();
      },
      { capture: true, once: true },
    );
}

/** Playwright locator of a banner button (Playwright CSS pierces open shadow roots). */
export function locate(page, /** @type {Target} */ target) {
  const text = target.text && new RegExp(`^\\s*${target.text}\\s*$`);
  return page
    .locator(target.css, text ? { hasText: text } : {})
    .filter({ visible: true })
    .first();
}

/** Opens a fresh context and page set up for one library and pass. */
export async function open(browser, /** @type {Library} */ lib, /** @type {Pass} */ pass, /** @type {Server} */ server) {
  const context = await browser.newContext({ viewport: pass.viewport, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  await context.addInitScript(probe, { accept: lib.accept, gated: GATED_IDS });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (pass.cpuRate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: pass.cpuRate });
  if (pass.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...pass.network });
  /** widget files fetched since the last navigation */
  const fetched = [];
  /** what went wrong in the page since the last navigation */
  const problems = [];
  page.on('response', (response) => {
    const file = server.resolve(new URL(response.url()).pathname);
    if (file) fetched.push(file);
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${new URL(response.url()).pathname}`);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  return { context, page, cdp, fetched, problems, url: `${server.origin}/pages/${lib.id}.html` };
}

/**
 * Waits until the banner has been visible for `pass.readMs`, as a visitor
 * would before clicking (tarteaucitron, for one, ignores clicks during the
 * first 500 ms: it wires its buttons on a timer).
 */
async function read(page, /** @type {Pass} */ pass) {
  const visibleFor = await page.evaluate(() => performance.now() - window.__bench.bannerAt);
  await page.waitForTimeout(Math.max(0, pass.readMs - visibleFor));
}

/**
 * Resolves true once the banner is visible or the gated scripts ran,
 * false after `timeout` ms.
 * @param {Page} page @param {'banner' | 'gated' | 'preferences'} test @param {number} timeout
 */
const until = (page, test, timeout) =>
  page.evaluate(([t, ms]) => window.__bench.until(t, ms), /** @type {const} */ ([test, timeout]));

/** The first visit until the banner is visible; throws if it never is. */
async function showBanner({ page, url, problems }, /** @type {Library} */ lib, /** @type {Pass} */ pass) {
  await page.goto(url, { waitUntil: 'load' });
  if (!(await until(page, 'banner', pass.timeoutMs))) {
    const why = problems.length ? ` (${[...new Set(problems)].join('; ')})` : '';
    throw new Error(`${lib.name}: banner not visible after ${pass.timeoutMs} ms${why}`);
  }
}

/** Reads every figure of the current page view. */
async function snapshot({ context, page, cdp, fetched, problems }) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const inPage = await page.evaluate(() => ({
    bannerAt: window.__bench.bannerAt,
    longTasks: window.__bench.longTasks,
    cls: window.__bench.cls,
    ran: [...window.__ran],
  }));
  const files = [...new Set(fetched)];
  const ofType = (...exts) => files.filter((f) => exts.includes(extname(f)));
  const gatedTimes = inPage.ran.filter((r) => GATED_IDS.includes(r.id)).map((r) => r.at);
  return /** @type {Snapshot} */ ({
    bytes: { js: totalSizes(ofType('.js', '.mjs')), css: totalSizes(ofType('.css')), files },
    scriptMs: 1000 * metrics.find((m) => m.name === 'ScriptDuration').value,
    tbtMs: inPage.longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
    cls: inPage.cls,
    bannerAt: inPage.bannerAt,
    gatedAt: gatedTimes.length === GATED_IDS.length ? Math.max(...gatedTimes) : null,
    ran: inPage.ran.map((r) => r.id),
    trackerCookies: (await context.cookies()).map((c) => c.name).filter((name) => TRACKER_COOKIE.test(name)),
    problems: [...new Set(problems)],
  });
}

/**
 * First visit, "accept all", returning visit, in one fresh context.
 * @returns {Promise<{ first: Snapshot, acceptRan: boolean, returning: Snapshot }>}
 */
export async function sample(browser, /** @type {Library} */ lib, /** @type {Pass} */ pass, /** @type {Server} */ server) {
  const session = await open(browser, lib, pass, server);
  const { context, page, fetched, problems } = session;
  try {
    await showBanner(session, lib, pass);
    await page.waitForTimeout(pass.settleMs);
    const first = await snapshot(session);

    await read(page, pass);
    await locate(page, lib.accept).click({ timeout: pass.timeoutMs });
    const acceptRan = await until(page, 'gated', pass.timeoutMs);
    await page.waitForTimeout(STORE_MS);

    fetched.length = 0;
    problems.length = 0;
    await page.reload({ waitUntil: 'load' });
    await until(page, 'gated', pass.timeoutMs);
    await page.waitForTimeout(pass.settleMs);
    const returning = await snapshot(session);
    return { first, acceptRan, returning };
  } finally {
    await context.close();
  }
}

/**
 * A fresh first visit: the banner, read for `pass.readMs` as a visitor would, then `act` on the
 * page; the context closes after.
 * @template T
 * @param {(session: Awaited<ReturnType<typeof open>>) => Promise<T>} act
 * @returns {Promise<T>}
 */
async function onBanner(browser, /** @type {Library} */ lib, /** @type {Pass} */ pass, /** @type {Server} */ server, act) {
  const session = await open(browser, lib, pass, server);
  try {
    await showBanner(session, lib, pass);
    await read(session.page, pass);
    return await act(session);
  } finally {
    await session.context.close();
  }
}

/**
 * Opening the preferences: a real click on the banner's button that opens them, and the time
 * from that click to the first frame showing their `shown` button.
 * @returns {Promise<number>} milliseconds
 */
export const openPreferences = (browser, /** @type {Library} */ lib, /** @type {Pass} */ pass, /** @type {Server} */ server) =>
  onBanner(browser, lib, pass, server, async ({ page }) => {
    await page.evaluate((shown) => window.__bench.watchPreferences(shown), lib.preferences.shown);
    await locate(page, lib.preferences.open).click({ timeout: pass.timeoutMs });
    if (!(await until(page, 'preferences', pass.timeoutMs))) throw new Error(`${lib.name}: preferences not visible after ${pass.timeoutMs} ms`);
    return page.evaluate(() => window.__bench.preferencesMs);
  });

/**
 * Smoke check of a refusal: "refuse all", reload.
 * @returns {Promise<{ ran: string[], trackerCookies: string[], bannerShown: boolean }>} state after the reload
 */
export const refuse = (browser, /** @type {Library} */ lib, /** @type {Pass} */ pass, /** @type {Server} */ server) =>
  onBanner(browser, lib, pass, server, async (session) => {
    const { page } = session;
    await locate(page, lib.reject).click({ timeout: pass.timeoutMs });
    await page.waitForTimeout(STORE_MS);
    await page.reload({ waitUntil: 'load' });
    await page.waitForTimeout(pass.settleMs);
    const after = await snapshot(session);
    return { ran: after.ran, trackerCookies: after.trackerCookies, bannerShown: after.bannerAt !== null };
  });
