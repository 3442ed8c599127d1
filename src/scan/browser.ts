/// <reference types="node" />
/**
 * The Chromium a scan drives, and playwright-core to drive it: both optional for temoin's users
 * (the widget needs neither), so both are looked for at run time, and their absence is a message.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// Names in variables: the command is bundled, and these optional packages must stay outside it.
const PLAYWRIGHT = 'playwright-core';
const SPARTICUZ = '@sparticuz/chromium';

export const INSTALL = `npm install --save-dev ${PLAYWRIGHT}`;

export type Playwright = typeof import('playwright-core');

/** playwright-core, or why it cannot be loaded. */
export async function loadPlaywright(): Promise<{ playwright: Playwright } | { missing: string }> {
  try {
    return { playwright: (await import(/* @vite-ignore */ PLAYWRIGHT)) as Playwright };
  } catch {
    return { missing: `temoin scan drives Chromium through ${PLAYWRIGHT}, which is not installed: ${INSTALL}` };
  }
}

/** Where Chrome and Chromium usually are, on Linux, macOS and Windows. */
function usualPaths(): string[] {
  const windows = [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA]
    .filter((dir): dir is string => Boolean(dir))
    .flatMap((dir) => [join(dir, 'Google/Chrome/Application/chrome.exe'), join(dir, 'Chromium/Application/chrome.exe')]);
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ...windows,
  ];
}

/**
 * The browser to drive: `--browser PATH`, else `CHROMIUM_PATH`, else a Chrome or Chromium in the
 * usual places, else the one `@sparticuz/chromium` ships when it is installed; or why there is none.
 */
export async function findBrowser(option: string | undefined): Promise<{ path: string } | { missing: string }> {
  if (option) return existsSync(option) ? { path: option } : { missing: `--browser names no file: ${option}` };
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? { path: configured } : { missing: `CHROMIUM_PATH names no file: ${configured}` };
  const found = usualPaths().find((path) => existsSync(path));
  if (found) return { path: found };
  try {
    const { default: chromium } = (await import(/* @vite-ignore */ SPARTICUZ)) as { default: { executablePath(): Promise<string> } };
    return { path: await chromium.executablePath() };
  } catch {
    return {
      missing:
        'no Chrome or Chromium found: install one (e.g. sudo apt-get install chromium), give its path with --browser PATH or CHROMIUM_PATH, ' +
        `or install the npm-shipped one: npm install --save-dev ${SPARTICUZ}`,
    };
  }
}

/** Headless, without what a scan does not need (sync, updates, background requests that are not the site's). */
export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
