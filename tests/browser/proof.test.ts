import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage } from './support/browser';
import { pageHtml } from './support/page';
import { browser, server, useBrowser } from './support/setup';

useBrowser();

const ROOT = resolve(import.meta.dirname, '../..');
const HORIZON = 'demo/public/tenants/horizon.json';
const config = JSON.parse(readFileSync(join(ROOT, HORIZON), 'utf8'));

let out: string;
let manifest: { config: { fingerprint: string }; integrity: Record<string, string>; screenshots: { file: string; layer: string; width: number }[] };
let stderr: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'temoin-proof-'));
  // The built command, as `npx temoin proof` runs it, with the Chromium the tests use.
  ({ stderr } = await promisify(execFile)('node', ['dist/cli.mjs', 'proof', HORIZON, '--out', out], { cwd: ROOT }));
  manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Width and height of a PNG, from its IHDR chunk (PNG spec §11.2.2). */
function pngSize(file: string): { width: number; height: number } {
  const data = readFileSync(file);
  expect(data.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

describe('temoin proof on a demo tenant, with Chromium at hand', () => {
  it('writes screenshots of the banner and of the preferences at 360 and 1280 px wide, reporting progress on stderr', () => {
    expect(manifest.screenshots.map((s) => `${s.layer}-${s.width}`).sort()).toEqual(['banner-1280', 'banner-360', 'preferences-1280', 'preferences-360']);
    expect(readdirSync(out).filter((f) => f.endsWith('.png')).sort()).toEqual(manifest.screenshots.map((s) => s.file).sort());
    for (const shot of manifest.screenshots) expect(pngSize(join(out, shot.file)).width, shot.file).toBe(shot.width);
    expect(stderr).toContain('temoin proof: banner at 360 px…');
    expect(stderr).toContain('temoin proof: preferences at 1280 px…');
  });

  it('names the fingerprint that the choice a visitor makes under that config carries', async () => {
    server.page('/horizon.html', pageHtml({ config }));
    const { page, context } = await openPage(browser);
    await page.goto(`${server.origin()}/horizon.html`);
    await page.getByRole('button', { name: 'Tout accepter' }).click();
    const stored = (await context.cookies()).find((c) => c.name === config.cookieName)!.value;
    expect(stored.startsWith(`2.${manifest.config.fingerprint}.horizon.`)).toBe(true);
    expect(await page.evaluate(() => window.Temoin.get()!.getConsent()!.configFingerprint)).toBe(manifest.config.fingerprint);
    await context.close();
  });

  it('gives the integrity of dist/temoin.js: the browser runs it with that hash, and refuses it with another', async () => {
    const integrity = manifest.integrity['temoin.js'];
    const tampered = integrity.replace(/sha384-(.)/, (_, c: string) => `sha384-${c === 'A' ? 'B' : 'A'}`);
    for (const [name, hash, runs] of [['good', integrity, true], ['tampered', tampered, false]] as const) {
      server.page(`/sri-${name}.html`, pageHtml({ config, scriptAttributes: `data-config="#temoin-config" integrity="${hash}"` }));
      const { page, context, errors } = await openPage(browser);
      await page.goto(`${server.origin()}/sri-${name}.html`);
      if (runs) await page.getByRole('button', { name: 'Tout accepter' }).waitFor();
      else await expect.poll(() => errors.join('\n')).toContain('integrity');
      expect(await page.evaluate(() => typeof window.Temoin), name).toBe(runs ? 'object' : 'undefined');
      await context.close();
    }
  });
});
