import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import type { Browser as PlaywrightBrowser } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser } from 'puppeteer-core';
import { Builder, Capabilities, Key, type WebDriver } from 'selenium-webdriver';
import { launch } from './browser';

/**
 * The three engines the journeys run in, each through the driver that reaches it from a Debian
 * machine: Chromium through Playwright (CDP), Firefox through Puppeteer (WebDriver BiDi), WebKitGTK's
 * MiniBrowser through Selenium (classic WebDriver, `WebKitWebDriver`, under Xvfb).
 */
export type EngineName = 'chromium' | 'firefox' | 'webkit';

export const ENGINE_LABELS: Record<EngineName, string> = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };

/** A page in one engine, driven the same way whatever the engine. */
export interface EnginePage {
  goto(url: string): Promise<void>;
  /** Runs `fn(arg)` in the page (self-contained: no closure) and returns its JSON-able result. */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** A real key press, sent to whatever has the focus. */
  press(key: 'Tab' | 'Escape'): Promise<void>;
  /** The console errors and warnings, and uncaught errors, of every document this page showed (closed too). */
  messages(): Promise<string[]>;
  close(): Promise<void>;
}

export interface Engine {
  name: EngineName;
  /** The engine's version, as its driver reports it. */
  version: string;
  /** A page in a fresh profile: no cookies, no storage. */
  newPage(): Promise<EnginePage>;
  close(): Promise<void>;
}

const onPath = (command: string) => (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, command)));

/** Firefox: `FIREFOX_PATH`, else Debian's `firefox-esr`. */
function firefoxPath(): string | undefined {
  return [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((path) => path && existsSync(path));
}

/** WebKitGTK's MiniBrowser, as Debian's `libwebkit2gtk-4.1-0` installs it (`MINIBROWSER_PATH` overrides). */
function miniBrowserPath(): string | undefined {
  return [process.env.MINIBROWSER_PATH, '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser'].find(
    (path) => path && existsSync(path),
  );
}

/**
 * Why an engine cannot run here, with the command that installs it; null when it can. Chromium
 * always can: it comes with `npm install` (tests/browser/support/browser.ts).
 */
export function missingEngine(name: EngineName): string | null {
  if (name === 'firefox' && !firefoxPath()) return 'Firefox skipped: not installed (sudo apt-get install firefox-esr)';
  if (name === 'webkit' && !(onPath('WebKitWebDriver') && miniBrowserPath() && onPath('xvfb-run'))) {
    return 'WebKit skipped: not installed (sudo apt-get install webkit2gtk-driver xvfb)';
  }
  return null;
}

/**
 * Captures what the page's scripts log and throw into `window.__consoleMessages`, for engines whose
 * driver cannot report the console (WebKitWebDriver has no log endpoint and no BiDi): put first in
 * `<head>`, before temoin's script. It sees console calls and uncaught errors, not the messages the
 * engine writes itself (a refused cookie, a CSP violation).
 */
export const CONSOLE_CAPTURE = `<script>(() => {
  const messages = (window.__consoleMessages = []);
  for (const level of ['error', 'warn']) {
    const original = console[level];
    console[level] = (...args) => { messages.push(level + ': ' + args.map(String).join(' ')); original.apply(console, args); };
  }
  addEventListener('error', (event) => messages.push('uncaught: ' + event.message));
  addEventListener('unhandledrejection', (event) => messages.push('unhandled rejection: ' + event.reason));
})();</script>`;

/** What Playwright's and Puppeteer's pages share, and the engine pages need of them. */
interface DriverPage {
  goto(url: string): Promise<unknown>;
  evaluate(fn: never, arg: unknown): Promise<unknown>;
  keyboard: { press(key: string): Promise<void> };
  // Each library types its events its own way: the listeners below say what they receive.
  on(event: 'console' | 'pageerror', listener: (value: any) => void): unknown;
}

/** An engine page on a Playwright or Puppeteer page, collecting console errors and warnings and uncaught errors. */
function driverPage(page: DriverPage, close: () => Promise<void>): EnginePage {
  const messages: string[] = [];
  // Playwright names a warning `warning`, Puppeteer `warn`.
  page.on('console', (message: { type(): string; text(): string }) => {
    if (['error', 'warning', 'warn'].includes(message.type())) messages.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error: Error) => messages.push(`uncaught: ${error?.message ?? error}`));
  return {
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    press: (key) => page.keyboard.press(key),
    messages: async () => messages,
    close,
  };
}

async function chromium(): Promise<Engine> {
  const browser: PlaywrightBrowser = await launch();
  return {
    name: 'chromium',
    version: browser.version(),
    async newPage() {
      const context = await browser.newContext();
      return driverPage(await context.newPage(), () => context.close());
    },
    close: () => browser.close(),
  };
}

async function firefox(): Promise<Engine> {
  const browser: PuppeteerBrowser = await puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath(), headless: true });
  return {
    name: 'firefox',
    version: await browser.version(),
    async newPage() {
      // Over BiDi, console calls arrive as `console` events; the engine's own errors, a refused
      // cookie ("Cookie “x” has been rejected for invalid domain.") among them, as `pageerror`.
      const context = await browser.createBrowserContext();
      return driverPage(await context.newPage(), () => context.close());
    },
    close: () => browser.close(),
  };
}

/** A free TCP port on loopback, for WebKitWebDriver. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function driverReady(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/status`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not start at ${url}`);
}

async function webkit(): Promise<Engine> {
  const port = await freePort();
  // In its own process group, so that closing ends Xvfb and every MiniBrowser with it.
  const driverProcess: ChildProcess = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`], { detached: true, stdio: 'ignore' });
  const server = `http://127.0.0.1:${port}`;
  await driverReady(server);
  const capabilities = () =>
    new Capabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: miniBrowserPath(), args: ['--automation'] } });
  const version = async (driver: WebDriver) => String((await driver.getCapabilities()).get('browserVersion'));
  const first = await new Builder().usingServer(server).withCapabilities(capabilities()).build();
  const engineVersion = await version(first);
  await first.quit();
  return {
    name: 'webkit',
    version: engineVersion,
    async newPage() {
      // A session per page: each MiniBrowser session starts with an ephemeral, empty profile.
      const driver = await new Builder().usingServer(server).withCapabilities(capabilities()).build();
      const earlier: string[] = [];
      let closed = false;
      const current = () => driver.executeScript<string[] | null>('return window.__consoleMessages || null').then((found) => found ?? []);
      return {
        async goto(url) {
          earlier.push(...(await current().catch(() => [])));
          await driver.get(url);
        },
        evaluate: (fn, arg) => driver.executeScript(`return (${fn.toString()})(arguments[0])`, arg) as never,
        press: (key) => driver.actions().sendKeys(key === 'Tab' ? Key.TAB : Key.ESCAPE).perform(),
        messages: async () => (closed ? earlier : [...earlier, ...(await current())]),
        async close() {
          if (closed) return;
          earlier.push(...(await current().catch(() => [])));
          closed = true;
          await driver.quit();
        },
      };
    },
    async close() {
      if (driverProcess.pid) process.kill(-driverProcess.pid);
    },
  };
}

/** Starts an engine; see `missingEngine` for whether it can start here. */
export function startEngine(name: EngineName): Promise<Engine> {
  return { chromium, firefox, webkit }[name]();
}
