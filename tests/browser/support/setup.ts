import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from './browser';
import { startServer, type TestServer } from './server';

/** The file's Chromium and test server: live bindings, set before its first test. */
export let browser: Browser;
export let server: TestServer;

/** Starts Chromium and the test server before a file's tests, and stops them after. */
export function useBrowser(): void {
  beforeAll(async () => {
    [browser, server] = await Promise.all([launch(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}
