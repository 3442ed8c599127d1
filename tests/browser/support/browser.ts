import sparticuzChromium from '@sparticuz/chromium';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/**
 * The Chromium the tests run: `CHROMIUM_PATH` when set, else the headless Chromium that the pinned
 * `@sparticuz/chromium` package ships inside itself (unpacked into the temp folder on first use),
 * so that a machine with nothing but Node runs the browser tests.
 */
export async function chromiumPath(): Promise<string> {
  return process.env.CHROMIUM_PATH || (await sparticuzChromium.executablePath());
}

/** Headless Chromium. `*.localhost` is loopback in every engine, so tests' cookie domains are real. */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: await chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh context (no cookies, no storage) and a page that collects console errors and page errors. */
export async function openPage(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[]; warnings: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
    if (message.type() === 'warning') warnings.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return { context, page, errors, warnings };
}
