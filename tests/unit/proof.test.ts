// @vitest-environment node
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run';
import { parseConfig } from '../../src/config/parse';
import { canonicalJson, fnv1a64 } from '../../src/config/fingerprint';
import { runtimeConfig } from '../../src/config/runtime-entry';
import type { ResolvedConfig } from '../../src/config/types';

/** `temoin proof` in-process, without a Chromium (CHROMIUM_PATH names no file): no screenshots, exit 0. */
async function proof(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(['proof', ...args], { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const HORIZON = 'demo/public/tenants/horizon.json';
const NO_CHROMIUM = '/nonexistent/chromium';
let scratch: string;
let previous: string | undefined;
beforeAll(() => {
  // The build defines it (vite.config.ts); the command runs here from its sources. The Chromium test runs the built one.
  Object.assign(globalThis, { __TEMOIN_VERSION__: JSON.parse(readFileSync('package.json', 'utf8')).version });
  scratch = mkdtempSync(join(tmpdir(), 'temoin-proof-'));
  previous = process.env.CHROMIUM_PATH;
  process.env.CHROMIUM_PATH = NO_CHROMIUM;
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  if (previous === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = previous;
});

let bundles = 0;
const nextDir = () => join(scratch, `bundle-${++bundles}`);
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('temoin proof without a Chromium at hand', () => {
  let dir: string;
  let result: Awaited<ReturnType<typeof proof>>;
  let manifest: Record<string, any>;
  beforeAll(async () => {
    dir = nextDir();
    result = await proof(HORIZON, '--out', dir);
    manifest = json(join(dir, 'manifest.json'));
  });

  it('exits 0 and writes the manifest, the resolved config and the texts, and no screenshot', () => {
    expect(result.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['config.resolved.json', 'manifest.json', 'texts.json']);
  });

  it('says in the manifest that the screenshots were skipped, and why, and tells so on stdout', () => {
    expect(manifest.screenshots).toEqual([]);
    expect(manifest.screenshotsSkipped).toContain(`CHROMIUM_PATH names no file (${NO_CHROMIUM})`);
    expect(result.out).toContain(`Screenshots skipped: ${manifest.screenshotsSkipped}`);
  });

  it('names temoin’s version, the UTC time, the config file, its SHA-256 and its fingerprint', () => {
    const pkg = json('package.json');
    expect(manifest.temoin).toBe(pkg.version);
    expect(manifest.generatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(manifest.generatedAt) - Date.now())).toBeLessThan(60_000);
    expect(manifest.config).toEqual({
      file: HORIZON,
      sha256: createHash('sha256').update(readFileSync(HORIZON)).digest('hex'),
      fingerprint: parseConfig(json(HORIZON)).fingerprint,
      tenant: 'horizon',
      revision: 1,
      locale: 'fr',
    });
  });

  it('hashes every dist/ file a script-tag page may load: temoin.js, temoin-withdrawal.mjs, temoin-config-errors.mjs and each chunk of the chunks build', () => {
    const chunks = Object.values(json('dist/.vite/manifest.json') as Record<string, { file: string }>).map((c) => c.file);
    expect(Object.keys(manifest.integrity).sort()).toEqual([...new Set(['temoin.js', 'temoin-withdrawal.mjs', 'temoin-config-errors.mjs', ...chunks])].sort());
    expect(Object.keys(manifest.integrity)).not.toContain('temoin.mjs');
    expect(Object.keys(manifest.integrity)).not.toContain('cli.mjs');
    for (const [file, integrity] of Object.entries(manifest.integrity)) {
      expect(integrity, file).toBe(`sha384-${createHash('sha384').update(readFileSync(join('dist', file))).digest('base64')}`);
    }
  });

  it('holds the resolved config as pages run it, defaults applied and catalog entries expanded, whose fingerprint anyone can recompute', () => {
    const resolved = json(join(dir, manifest.resolvedConfig)) as ResolvedConfig;
    const config = parseConfig(json(HORIZON));
    expect(resolved).toEqual(JSON.parse(JSON.stringify(runtimeConfig(config))));
    const { fingerprint, ...rest } = resolved;
    expect(fnv1a64(canonicalJson(rest))).toBe(manifest.config.fingerprint);
  });

  it('holds the texts of the banner and of the preferences as the config’s locale shows them', () => {
    const texts = json(join(dir, manifest.texts));
    expect(texts.locale).toBe('fr');
    expect(texts.banner.buttons).toEqual(['Tout accepter', 'Tout refuser', 'Personnaliser']);
    expect(texts.banner.continueWithout).toBe('Continuer sans accepter');
    expect(texts.banner.text).toContain('Mutuelle Horizon utilise des cookies pour\u00a0: Mesure d’audience.');
    expect(texts.banner.privacyPolicy).toEqual({ text: 'Politique de confidentialité', href: 'http://localhost:5173/horizon/confidentialite.html' });
    expect(texts.preferences.text).toBe('Activez ou désactivez chaque usage. Votre choix est conservé 6\u00a0mois.');
    expect(texts.preferences.buttons).toEqual(['Tout accepter', 'Tout refuser', 'Enregistrer mes choix']);
    const audience = texts.preferences.categories.find((c: { name: string }) => c.name === 'Mesure d’audience');
    expect(audience.trackers.map((t: { name: string }) => t.name)).toEqual(['Matomo', 'Zendesk Chat', 'YouTube']);
    expect(audience.trackers[0].cookies[0]).toEqual({ name: '_pk_id.*', lifetime: '13 mois', purpose: expect.any(String) });
  });

  it('shows the English texts of an English config', async () => {
    const english = nextDir();
    expect((await proof('demo/public/tenants/wellcare.json', '--out', english)).code).toBe(0);
    const texts = json(join(english, 'texts.json'));
    expect(texts.banner.buttons).toEqual(['Accept all', 'Reject all', 'Customise']);
    expect(texts.preferences.categories[0]).toMatchObject({ alwaysOn: 'Always on', trackers: [{ name: expect.stringContaining('Lisio') }] });
  });

  it('reports its progress on stderr, the results on stdout', () => {
    expect(result.err).toContain(`temoin proof: ${HORIZON} → ${dir} (fingerprint ${manifest.config.fingerprint})`);
    expect(result.out).toContain(`fingerprint ${manifest.config.fingerprint}, ${Object.keys(manifest.integrity).length} script files hashed.`);
  });
});

describe('temoin proof refusing', () => {
  afterEach(() => {
    process.env.CHROMIUM_PATH = NO_CHROMIUM;
  });

  it('an invalid config: exit 1, its issues, and no bundle', async () => {
    const dir = nextDir();
    const { code, out, err } = await proof('tests/fixtures/cli/invalid.json', '--out', dir);
    expect(code).toBe(1);
    expect(out).toContain('tenant.consentMaxAgeMonths: must be an integer from 6 to 12');
    expect(err).toContain('no proof written');
    expect(existsSync(dir)).toBe(false);
  });

  it('a file it cannot read: exit 1', async () => {
    const { code, err } = await proof(join(scratch, 'missing.json'), '--out', nextDir());
    expect(code).toBe(1);
    expect(err).toContain('there is no such file');
  });

  it('a folder it cannot write: exit 1', async () => {
    const { code, err } = await proof(HORIZON, '--out', join(HORIZON, 'inside-a-file'));
    expect(code).toBe(1);
    expect(err).toContain('cannot write to');
  });

  it('a command line without --out, or with two configs: exit 64 and the usage', async () => {
    for (const args of [[HORIZON], [HORIZON, HORIZON, '--out', nextDir()], [HORIZON, '--out']]) {
      const { code, err } = await proof(...args);
      expect(code, args.join(' ')).toBe(64);
      expect(err).toContain('Usage: temoin proof <config.json> --out <dir>');
    }
  });
});
