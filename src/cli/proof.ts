/// <reference types="node" />
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runtimeConfig } from '../config/runtime-entry';
import type { ResolvedConfig } from '../config/types';
import { preferencesGroups } from '../ui/preferences-groups';
import { preferencesWords } from '../ui/preferences-texts';
import { exemptNote } from '../ui/exempt-note';
import { bannerText, httpUrl } from '../ui/texts';
import { EXIT, type Io } from './io';
import { distDir } from './dist';
import { readJsonFile } from './read';
import { check, formatIssue, plural } from './check';

declare const __TEMOIN_VERSION__: string;

/**
 * `temoin proof <config.json> --out <dir>` (docs/contract.md §12): what a site can show CNIL of
 * what its visitors were asked and how (recommandation 2020-092, art. 4): the code (version and
 * SRI hashes of the files a page loads), the config (its SHA-256, its fingerprint, which every
 * stored choice carries, and the resolved config), the texts shown and, with a Chromium at hand,
 * screenshots of both layers.
 */

/** The files of the bundle, beside `manifest.json`. */
export const BUNDLE = { resolvedConfig: 'config.resolved.json', texts: 'texts.json' } as const;

/** Widths of the screenshots: a small phone and a laptop. */
export const WIDTHS = [360, 1280] as const;

/** What a script-tag page may load from `dist/`: `temoin.js` and the ES modules it fetches beside itself. */
const SCRIPT_TAG_FILE = /^temoin(\.js|-[\w.-]+\.mjs)$/;

const sha = (algorithm: 'sha256' | 'sha384', data: Buffer, encoding: 'hex' | 'base64') => createHash(algorithm).update(data).digest(encoding);

/** The integrity attribute of a file (Subresource Integrity, W3C SRI §3.5). */
export const sri = (data: Buffer) => `sha384-${sha('sha384', data, 'base64')}`;

/** The texts of the banner and of the preferences, in the config's locale, in the order the widget shows them. */
export function shownTexts(config: ResolvedConfig) {
  const w = preferencesWords(config);
  const policy = httpUrl(config.tenant.privacyPolicyUrl);
  const privacyLink = (href: string | undefined, text: string) => (href ? { text, href } : undefined);
  return {
    locale: config.tenant.locale,
    banner: {
      title: w.t('bannerTitle'),
      continueWithout: w.t('continueWithout'),
      text: bannerText(config, w) + exemptNote(config, w),
      privacyPolicy: privacyLink(policy, w.t('privacyPolicy')),
      buttons: [w.t('acceptAll'), w.t('rejectAll'), w.t('customise')],
    },
    preferences: {
      title: w.t('preferencesTitle'),
      close: w.t('close'),
      text: w.t('preferencesText'),
      categories: preferencesGroups(config, w).map(({ category, trackers }) => ({
          name: w.categoryName(category),
          text: w.categoryText(category),
          alwaysOn: category.required ? w.t('alwaysOn') : undefined,
          trackers: trackers.map((tracker) => ({
            name: tracker.name,
            // Runs before any choice and after a refusal, until the visitor objects (docs/contract.md §17).
            exempt: tracker.exempt || undefined,
            provider: w.t('providedBy', { name: tracker.provider }),
            description: w.pick(tracker.description),
            privacyPolicy: privacyLink(httpUrl(tracker.privacyPolicyUrl), w.t('privacyOf', { name: tracker.name })),
            cookies: tracker.cookies.map((cookie) => ({ name: cookie.name, lifetime: w.lifetime(cookie.lifetime), purpose: w.pick(cookie.purpose) })),
          })),
        })),
      buttons: [w.t('acceptAll'), w.t('rejectAll'), w.t('save')],
    },
    manageCookies: w.t('manageCookies'),
  };
}

export interface Screenshot {
  file: string;
  layer: 'banner' | 'preferences';
  width: number;
}

type Rendered = { taken: Screenshot[] } | { skipped: string } | { failed: string };

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain page of the tenant with the config inline and temoin's script tag, as docs/contract.md §4 shows. */
function proofPage(input: unknown, config: ResolvedConfig): string {
  // `<` escaped as JSON allows, so that no string of the config can end the element.
  const json = JSON.stringify(input).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="${config.tenant.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(config.tenant.name)}</title>
<script type="application/json" id="temoin-config">${json}</script>
<script src="/temoin/temoin.js" data-config="#temoin-config"></script>
</head><body style="margin:2rem;font:16px/1.5 system-ui,sans-serif"><h1>${escapeHtml(config.tenant.name)}</h1></body></html>`;
}

/** Serves the page at `/` and the script-tag files at `/temoin/<file>`, on loopback. */
async function serve(page: string, files: Map<string, Buffer>): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://proof').pathname;
    const file = path.startsWith('/temoin/') ? files.get(path.slice('/temoin/'.length)) : undefined;
    if (path === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    else if (file) res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(file);
    else res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

// Names in variables: the command is bundled, and these optional packages must stay outside it.
const PLAYWRIGHT = 'playwright-core';
const SPARTICUZ = '@sparticuz/chromium';

/** The headless Chromium the tests use: `CHROMIUM_PATH`, else the one `@sparticuz/chromium` ships; or why there is none. */
async function findChromium(): Promise<{ path: string } | { skipped: string }> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? { path: configured } : { skipped: `CHROMIUM_PATH names no file (${configured})` };
  try {
    const { default: chromium } = (await import(/* @vite-ignore */ SPARTICUZ)) as { default: { executablePath(): Promise<string> } };
    return { path: await chromium.executablePath() };
  } catch {
    return { skipped: `no Chromium: set CHROMIUM_PATH, or install ${SPARTICUZ} (npm install --save-dev ${PLAYWRIGHT} ${SPARTICUZ})` };
  }
}

/** Screenshots of the banner and the preferences at each width, in headless Chromium. */
async function render(input: unknown, config: ResolvedConfig, files: Map<string, Buffer>, out: string, io: Io): Promise<Rendered> {
  type Playwright = typeof import('playwright-core');
  let playwright: Playwright;
  try {
    playwright = (await import(/* @vite-ignore */ PLAYWRIGHT)) as Playwright;
  } catch {
    return { skipped: `${PLAYWRIGHT} is not installed (npm install --save-dev ${PLAYWRIGHT} ${SPARTICUZ})` };
  }
  const chromium = await findChromium();
  if ('skipped' in chromium) return chromium;
  io.err(`temoin proof: starting Chromium (${chromium.path})…`);
  let browser: import('playwright-core').Browser;
  try {
    browser = await playwright.chromium.launch({ executablePath: chromium.path, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  } catch (error) {
    return { skipped: `Chromium did not start: ${String((error as Error).message).split('\n')[0]}` };
  }
  const { server, origin } = await serve(proofPage(input, config), files);
  const w = preferencesWords(config);
  const taken: Screenshot[] = [];
  try {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: width < 800 ? 740 : 800 }, locale: config.tenant.locale });
      const page = await context.newPage();
      await page.goto(origin);
      await page.waitForFunction(() => window.Temoin?.get(), undefined, { timeout: 15_000 });
      // A config whose trackers are all exempt asks nothing: it has no banner (docs/contract.md §8).
      if (await page.evaluate(() => window.Temoin.get()!.getConsent() === null)) {
        io.err(`temoin proof: banner at ${width} px…`);
        await page.getByRole('button', { name: w.t('acceptAll'), exact: true }).waitFor({ timeout: 15_000 });
        taken.push(await shoot(page, out, 'banner', width));
      }
      io.err(`temoin proof: preferences at ${width} px…`);
      await page.evaluate(() => window.Temoin.get()!.showPreferences());
      await page.getByRole('dialog').waitFor({ timeout: 15_000 });
      taken.push(await shoot(page, out, 'preferences', width));
      await context.close();
    }
    return { taken };
  } catch (error) {
    return { failed: `rendering failed: ${String((error as Error).message).split('\n')[0]}` };
  } finally {
    await browser.close();
    server.close();
  }
}

async function shoot(page: import('playwright-core').Page, out: string, layer: Screenshot['layer'], width: number): Promise<Screenshot> {
  const file = `${layer}-${width}.png`;
  await page.screenshot({ path: join(out, file), animations: 'disabled' });
  return { file, layer, width };
}

/**
 * Writes the proof bundle of a config into `out`. Exit 1 when the config is invalid, a file cannot
 * be read or written, `dist/` is not built, or Chromium fails while rendering; exit 0 when there
 * is no Chromium at hand, the manifest saying why the screenshots were skipped.
 */
export async function proofCommand(path: string, out: string, io: Io): Promise<number> {
  const read = readJsonFile(path);
  if (!read.ok) {
    io.err(`temoin: ${read.message}`);
    return EXIT.failed;
  }
  const checked = check(read.input);
  if (!checked.ok) {
    for (const issue of checked.issues) io.out(formatIssue(issue));
    io.err(`temoin: ${path} is not a valid config (${plural(checked.issues.length, 'problem')}): no proof written.`);
    return EXIT.failed;
  }
  const { config } = checked;
  const dist = distDir();
  const names = existsSync(dist) ? readdirSync(dist).filter((name) => SCRIPT_TAG_FILE.test(name)).sort() : [];
  if (!names.includes('temoin.js')) {
    io.err(`temoin: no temoin.js in ${dist}: build temoin first (npm run build).`);
    return EXIT.failed;
  }
  const files = new Map(names.map((name) => [name, readFileSync(join(dist, name))]));
  try {
    mkdirSync(out, { recursive: true });
    // As pages run it (catalog entries without their documentation fields, in the config's language): what the fingerprint hashes.
    writeFileSync(join(out, BUNDLE.resolvedConfig), `${JSON.stringify(runtimeConfig(config), null, 2)}\n`);
    writeFileSync(join(out, BUNDLE.texts), `${JSON.stringify(shownTexts(config), null, 2)}\n`);
  } catch (error) {
    io.err(`temoin: cannot write to ${out}: ${(error as Error).message}`);
    return EXIT.failed;
  }
  io.err(`temoin proof: ${path} → ${out} (fingerprint ${config.fingerprint}); rendering the banner and the preferences…`);
  const rendered = await render(read.input, config, files, out, io);
  const manifest = {
    temoin: __TEMOIN_VERSION__,
    generatedAt: new Date().toISOString(),
    config: {
      file: path,
      sha256: sha('sha256', readFileSync(path), 'hex'),
      fingerprint: config.fingerprint,
      tenant: config.tenant.id,
      revision: config.revision,
      locale: config.tenant.locale,
    },
    integrity: Object.fromEntries([...files].map(([name, data]) => [name, sri(data)])),
    resolvedConfig: BUNDLE.resolvedConfig,
    texts: BUNDLE.texts,
    screenshots: 'taken' in rendered ? rendered.taken : [],
    ...('taken' in rendered ? {} : { screenshotsSkipped: 'skipped' in rendered ? rendered.skipped : rendered.failed }),
  };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  io.out(`${join(out, 'manifest.json')}: temoin ${manifest.temoin}, fingerprint ${config.fingerprint}, ${plural(files.size, 'script file')} hashed.`);
  if ('taken' in rendered) io.out(`${plural(rendered.taken.length, 'screenshot')}: ${rendered.taken.map((s) => s.file).join(', ')}.`);
  else io.out(`Screenshots ${'skipped' in rendered ? 'skipped' : 'failed'}: ${manifest.screenshotsSkipped}.`);
  if ('failed' in rendered) {
    io.err(`temoin: ${rendered.failed}`);
    return EXIT.failed;
  }
  return EXIT.ok;
}
