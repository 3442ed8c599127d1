import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withStaticImports } from '../support/static-imports';
import { openPage } from './support/browser';
import { browser, server, useBrowser } from './support/setup';

/**
 * The package as an npm consumer gets it (docs/contract.md §13): `npm pack`, the tarball installed
 * into a fresh app, built with Vite, run in Chromium, type-checked under each module resolution.
 * The app's dependencies are copied from this repository's node_modules and npm installs offline,
 * so the whole file takes seconds.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/consumer');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

/** What the examples import beside temoin: linked after npm install, which would remove them as extraneous. */
const FRAMEWORKS = ['react', 'react-dom', 'vue', 'vite', '@vitejs/plugin-react', '@vitejs/plugin-vue'];

/**
 * Budget of temoin's code in the entry chunk (and the chunks it imports) of an app that inits three
 * catalog trackers. The aim is 6 kB; today's 8.93 kB are the core (the gate, the record, the instance: what the script tag's
 * returning visitor loads), the synchronous validator init() needs, and the three entries' data.
 * This guards against growth until the core shrinks.
 */
const ENTRY_BUDGET_KB = 9;

useBrowser();

let dir: string;
let app: string;

/** `node_modules/<name>` of this repository, and what it depends on, copied into the app. */
function copyInstalled(name: string, into: string, seen = new Set<string>()): void {
  if (seen.has(name)) return;
  seen.add(name);
  const from = join(ROOT, 'node_modules', name);
  cpSync(from, join(into, 'node_modules', name), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(from, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  for (const dependency of Object.keys(manifest.dependencies ?? {})) copyInstalled(dependency, into, seen);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'temoin-consumer-'));
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
  app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // temoin's dependencies already in place, so npm has nothing to fetch: it only unpacks the tarball.
  for (const dependency of Object.keys(pkg.dependencies)) copyInstalled(dependency, app);
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', join(dir, tarball)], { cwd: app, stdio: 'pipe' });
  cpSync(FIXTURES, app, { recursive: true });
  // The framework examples, as a site copies them: their own files, the frameworks this repository installs.
  for (const example of ['react', 'vue']) cpSync(join(ROOT, 'examples', example), join(app, example), { recursive: true });
  for (const name of FRAMEWORKS) {
    mkdirSync(dirname(join(app, 'node_modules', name)), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', name), join(app, 'node_modules', name), 'dir');
  }
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Built {
  outDir: string;
  chunks: Rolldown.OutputChunk[];
  entry: Rolldown.OutputChunk;
}

/** Builds one of the app's pages (a folder with an index.html) as `vite build` does, served under `/<name>/`. */
async function buildPage(name: string, configFile: string | false = false): Promise<Built> {
  const outDir = join(dir, 'out', name);
  const result = await build({
    root: join(app, name),
    base: `/${name}/`,
    configFile: configFile && join(app, name, configFile),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  });
  const output = (Array.isArray(result) ? result[0] : (result as Rolldown.RolldownOutput)).output;
  const chunks = output.filter((file): file is Rolldown.OutputChunk => file.type === 'chunk');
  return { outDir, chunks, entry: chunks.find((chunk) => chunk.isEntry)! };
}

const run = promisify(execFile);
const gzip = (code: string) => gzipSync(code, { level: 9 }).length;
const modulesOf = (chunk: Rolldown.OutputChunk) => Object.keys(chunk.modules);
const fromPackage = (name: string) => new RegExp(`node_modules[\\\\/]${name}[\\\\/]`);

/** Serves a built page on the test server, at the paths its HTML names. */
function serve({ outDir }: Built, name: string): void {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
  for (const file of readdirSync(outDir, { recursive: true }).map(String)) {
    const path = join(outDir, file);
    if (types[extname(file)]) server.page(`/${name}/${file}`, { body: readFileSync(path, 'utf8'), type: types[extname(file)] });
  }
}

describe('installing the packed package', () => {
  it('pulls neither playwright-core nor a browser: temoin scan’s are optional peer dependencies', () => {
    expect(existsSync(join(app, 'node_modules/temoin/package.json'))).toBe(true);
    for (const name of ['playwright-core', '@sparticuz/chromium']) expect(existsSync(join(app, 'node_modules', name)), name).toBe(false);
  });
});

describe('an app built with Vite on the packed package', () => {
  let entries: Built;
  let entriesFr: Built;
  let ids: Built;
  let baseline: Built;

  beforeAll(async () => {
    baseline = await buildPage('baseline');
    entries = await buildPage('entries');
    entriesFr = await buildPage('entries-fr');
    ids = await buildPage('ids');
  }, 60_000);

  /** The entry chunk and the chunks it imports statically: what the page loads before the app runs. */
  const loaded = (built: Built) =>
    withStaticImports(built.entry, (chunk) => chunk.imports.map((name) => built.chunks.find((other) => other.fileName === name)!));
  const loadedGzip = (built: Built) => loaded(built).reduce((sum, chunk) => sum + gzip(chunk.code), 0);

  /** temoin's share of what the entry loads: its gzip size beyond that of the same app without temoin. */
  const temoinKb = (built: Built) => (loadedGzip(built) - loadedGzip(baseline)) / 1000;

  it(`ships at most ${ENTRY_BUDGET_KB} kB gzip of temoin in its entry chunk and the chunks it imports, with three imported catalog entries`, () => {
    expect(temoinKb(entries)).toBeLessThanOrEqual(ENTRY_BUDGET_KB);
  });

  it('gets no zod in any chunk, and neither Preact nor the UI in its entry chunk', () => {
    const ui = /[\\/]dist[\\/]npm[\\/]ui\.js$/;
    for (const built of [entries, entriesFr, ids]) {
      for (const chunk of built.chunks) expect(modulesOf(chunk).filter((id) => fromPackage('zod').test(id))).toEqual([]);
      expect(modulesOf(built.entry).filter((id) => fromPackage('preact').test(id) || ui.test(id))).toEqual([]);
      // The UI's chunk is found by that name: a renamed one fails here rather than passing unseen.
      expect(built.chunks.some((chunk) => modulesOf(chunk).some((id) => ui.test(id)))).toBe(true);
    }
  });

  it('keeps only the catalog entries it imports, and from temoin/catalog/fr only their French texts', () => {
    expect(entries.entry.code).toContain('_pk_id.*');
    expect(entries.entry.code).not.toContain('VISITOR_INFO1_LIVE');
    expect(ids.entry.code).toContain('VISITOR_INFO1_LIVE');
    expect(entries.entry.code).toContain('Audience measurement tool');
    expect(entriesFr.entry.code).toContain('_pk_id.*');
    expect(entriesFr.entry.code).not.toContain('Audience measurement tool');
    expect(temoinKb(entriesFr)).toBeLessThan(temoinKb(entries));
  });

  it('has the sizes the README states for each way to name trackers, within 0.2 kB', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const stated = (label: string) => {
      const match = new RegExp(`\\| ${label} \\|[^|]*\\| ([\\d.]+) kB \\|`).exec(readme);
      expect(match, `README size row "${label}"`).not.toBeNull();
      return Number(match![1]);
    };
    expect(Math.abs(stated('npm, imported entries') - temoinKb(entries)), `imported entries: ${temoinKb(entries)} kB`).toBeLessThanOrEqual(0.2);
    expect(Math.abs(stated('npm, entries in one language') - temoinKb(entriesFr)), `entries in French: ${temoinKb(entriesFr)} kB`).toBeLessThanOrEqual(0.2);
    expect(Math.abs(stated('npm, ids and the catalog') - temoinKb(ids)), `ids: ${temoinKb(ids)} kB`).toBeLessThanOrEqual(0.2);
  });

  it('shows the banner in Chromium, and acceptAll() releases the gated script', async () => {
    serve(entries, 'entries');
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${server.origin()}/entries/index.html`);
    await page.getByRole('button', { name: 'Tout accepter' }).waitFor();
    expect(await page.evaluate(() => (window as { released?: string[] }).released ?? [])).toEqual([]);
    await page.evaluate(() => (window as unknown as { cmp: { acceptAll(): void } }).cmp.acceptAll());
    await expect.poll(() => page.evaluate(() => (window as { released?: string[] }).released ?? [])).toEqual(['matomo']);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe.each([
  ['React', 'react'],
  ['Vue', 'vue'],
])('the %s recipe (examples/%s)', (_framework, example) => {
  let built: Built;
  beforeAll(async () => {
    built = await buildPage(example, 'vite.config.js');
    serve(built, example);
  }, 60_000);

  it('keeps the video out until YouTube is granted, then shows it and follows the choice', async () => {
    const { page, context, errors } = await openPage(browser);
    const video = 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ';
    await page.route(video, (route) => route.fulfill({ contentType: 'text/html', body: '<p>vidéo</p>' }));
    await page.goto(`${server.origin()}/${example}/index.html`);
    await page.getByRole('button', { name: 'Tout accepter' }).waitFor();
    await page.getByText('pas encore de choix').waitFor();
    expect(await page.locator('iframe').count()).toBe(0);

    await page.getByRole('button', { name: 'Autoriser YouTube et voir la vidéo' }).click();
    await page.locator(`iframe[src="${video}"]`).waitFor();
    // update() granted YouTube alone: the component reading the same hook sees Matomo refused.
    await page.getByText('Mesure d’audience : refusée').waitFor();
    expect(await page.getByRole('button', { name: 'Tout accepter' }).count()).toBe(0);

    // reset() forgets the choice: the hook hears of it, the video goes, the banner asks again.
    await page.getByRole('button', { name: 'Oublier mon choix' }).click();
    await page.getByText('pas encore de choix').waitFor();
    expect(await page.locator('iframe').count()).toBe(0);
    await page.getByRole('button', { name: 'Tout accepter' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a TypeScript consumer of the packed package', () => {
  const resolutions = [
    { moduleResolution: 'bundler', module: 'esnext' },
    { moduleResolution: 'node16', module: 'node16' },
    { moduleResolution: 'nodenext', module: 'nodenext' },
  ];
  /**
   * tsc's report for each resolution, compiled side by side. `skipLibCheck` as most apps set it:
   * the consumer file proves that no type it uses fell back to `any` (attw checks the files themselves).
   */
  const reports = new Map<string, string>();

  beforeAll(async () => {
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    await Promise.all(
      resolutions.map(async ({ moduleResolution, module }) => {
        const project = join(app, 'types', `tsconfig.${moduleResolution}.json`);
        const compilerOptions = { module, moduleResolution, target: 'es2022', lib: ['es2022', 'dom'], strict: true, noEmit: true, skipLibCheck: true, types: [] };
        writeFileSync(project, JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
        const { stdout } = await run(process.execPath, [tsc, '-p', project], { cwd: app }).catch((error: { stdout?: string }) => ({
          stdout: error.stdout || String(error),
        }));
        reports.set(moduleResolution, stdout);
      }),
    );
  }, 120_000);

  it.each(resolutions)('compiles under moduleResolution $moduleResolution', ({ moduleResolution }) => {
    expect(reports.get(moduleResolution)).toBe('');
  });
});
