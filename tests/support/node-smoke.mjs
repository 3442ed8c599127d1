/**
 * What a site developer runs on Node, run on the Node that runs this file: imports of every entry
 * point of the package (through its own `exports`), the `temoin` command's five commands, and
 * `temoin/server` on `node:http`. `npm run build` first; then, from the repository's root:
 *
 *   node tests/support/node-smoke.mjs
 *   npx -y -p node@24 node tests/support/node-smoke.mjs
 *
 * One line per check; exit 0 when all pass, 1 when one fails, 2 when dist/ is missing.
 * tests/unit/node-lines.test.ts runs it on each supported Node line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

if (!existsSync('dist/cli.mjs')) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
}

let failed = 0;

/** Runs one named check; a thrown error fails it with its message. */
async function check(name, run) {
  try {
    await run();
    console.log(`ok   ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}: ${error instanceof Error ? error.message : error}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const FIXTURE = 'tests/fixtures/cli/valid.json';

await check('import temoin: init() needs a browser page', async () => {
  const { init, TemoinConfigError } = await import('temoin');
  assert(typeof TemoinConfigError === 'function', 'no TemoinConfigError');
  try {
    init({ tenant: { id: 'ssr', name: 'SSR' }, trackers: [] });
    throw new Error('init() ran without a document');
  } catch (error) {
    assert(/needs a browser page/.test(error.message), `init() threw ${error.message}`);
  }
});

await check('import temoin/schema: the configSchema accepts a valid config', async () => {
  const { configSchema } = await import('temoin/schema');
  const result = configSchema.safeParse(JSON.parse(readFileSync(FIXTURE, 'utf8')));
  assert(result.success, JSON.stringify(result.error?.issues));
});

for (const entry of ['temoin/catalog', 'temoin/catalog/fr', 'temoin/catalog/en']) {
  await check(`import ${entry}: the whole catalog and named entries`, async () => {
    const { catalog, matomo } = await import(entry);
    assert(Array.isArray(catalog) && catalog.length > 0 && catalog.includes(matomo), 'no catalog');
    assert(matomo.id === 'matomo', 'no matomo entry');
  });
}

await check('import temoin/catalog.schema.json and temoin/package.json', async () => {
  const { default: schema } = await import('temoin/catalog.schema.json', { with: { type: 'json' } });
  assert(schema.title === 'temoin tracker', 'not the catalog schema');
  const { default: pkg } = await import('temoin/package.json', { with: { type: 'json' } });
  assert(pkg.name === 'temoin', 'not temoin’s package.json');
});

await check('resolve temoin/temoin.js, the script tag’s file', () => {
  assert(import.meta.resolve('temoin/temoin.js').endsWith('/dist/temoin.js'), 'resolves elsewhere');
});

/** `temoin <args>` on this Node, bounded in time. */
const temoin = (...args) => {
  const run = spawnSync(process.execPath, ['dist/cli.mjs', ...args], { encoding: 'utf8', timeout: 90_000 });
  if (run.error) throw run.error;
  return run;
};

await check('temoin validate: exit 0 for a valid config, 1 with the path of an invalid one', () => {
  assert(temoin('validate', FIXTURE).status === 0, 'valid config refused');
  const invalid = temoin('validate', 'tests/fixtures/cli/invalid.json');
  assert(invalid.status === 1 && invalid.stdout.includes('tenant.consentMaxAgeMonths:'), `exit ${invalid.status}: ${invalid.stdout}`);
});

await check('temoin lint: exit 0 without warnings, 2 with --strict and a warning', () => {
  assert(temoin('lint', FIXTURE).status === 0, 'warnings on a clean config');
  assert(temoin('lint', 'tests/fixtures/cli/azur-like.json', '--strict').status === 2, 'no warning');
});

await check('temoin cookies: the table as JSON', () => {
  const run = temoin('cookies', FIXTURE, '--format', 'json');
  assert(run.status === 0, run.stderr);
  assert(JSON.parse(run.stdout).tenant === 'mutuelle-horizon', 'another table');
});

await check('temoin catalog: the entries as JSON, and a search', () => {
  assert(JSON.parse(temoin('catalog', '--json').stdout).some((entry) => entry.id === 'matomo'), 'no matomo');
  assert(temoin('catalog', '--search', 'matomo').stdout.includes('matomo'), 'search finds nothing');
});

await check('temoin proof: the manifest, the texts and the screenshots', () => {
  const out = mkdtempSync(join(tmpdir(), 'temoin-node-smoke-'));
  try {
    const run = temoin('proof', FIXTURE, '--out', out);
    assert(run.status === 0, `exit ${run.status}: ${run.stderr}`);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    assert(/^[\da-f]{16}$/.test(manifest.config.fingerprint), 'no fingerprint in the manifest');
    assert(Object.keys(manifest.integrity).includes('temoin.js'), 'temoin.js not hashed');
    assert(existsSync(join(out, 'texts.json')), 'no texts.json');
    assert(existsSync(join(out, 'banner-360.png')), `no screenshot: ${run.stderr}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

/** A raw call to `port`, from `origin`; its status, Set-Cookie and body. */
function post(port, body, origin) {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', origin, 'sec-fetch-site': 'same-origin' };
    const call = request({ host: '127.0.0.1', port, method: 'POST', path: '/temoin/consent', headers, timeout: 10_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, cookie: res.headers['set-cookie'], text }));
    });
    call.on('timeout', () => call.destroy(new Error('no answer in 10 s')));
    call.on('error', reject);
    call.end(body);
  });
}

await check('temoin/server on node:http: a choice recorded, a cross-site call refused', async () => {
  const { consentHandler, toNodeHandler } = await import('temoin/server');
  const receipts = [];
  const config = { tenant: { id: 'mutuelle', name: 'Mutuelle' }, trackers: ['matomo'] };
  const server = createServer(toNodeHandler(consentHandler({ config, onReceipt: (receipt) => void receipts.push(receipt) })));
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  try {
    // A choice of temoin 0.1's format (docs/contract.md §6), made now, kept 30 days.
    const seconds = (ms) => Math.floor(ms / 1000).toString(36);
    const record = `1.mutuelle.1.${seconds(Date.now())}.${seconds(Date.now() + 30 * 86_400_000)}.${'A'.repeat(22)}.matomo:1`;
    const body = JSON.stringify({ record });
    const kept = await post(port, body, `http://127.0.0.1:${port}`);
    assert(kept.status === 204 && kept.cookie?.[0]?.startsWith(`temoin=${record};`), `${kept.status} ${kept.text}`);
    assert(receipts.length === 1, `${receipts.length} receipts`);
    const refused = await post(port, body, 'https://evil.example');
    assert(refused.status === 403 && !refused.cookie, `cross-site call answered ${refused.status}`);
  } finally {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

console.log(`${failed ? `${failed} failed` : 'all passed'} on Node ${process.versions.node}`);
process.exit(failed ? 1 : 0);
