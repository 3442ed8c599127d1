/**
 * `npm run bench:scan`: how fast `temoin scan` goes. A generated site of 50 pages, each with
 * temoin's script tag, Matomo behind the gate and links to five more pages, served on loopback;
 * the built command scans its three passes in the tests' Chromium (`CHROMIUM_PATH`, else
 * `@sparticuz/chromium`), and this prints the wall time and the page loads per second.
 *
 *   node bench/scan.mjs [--pages 50] [--concurrency 4]
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { promisify } from 'node:util';
import chromium from '@sparticuz/chromium';
import { startServer } from './server.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { pages: { type: 'string', default: '50' }, concurrency: { type: 'string', default: '4' } } });
const count = Number(values.pages);

const config = JSON.stringify({
  tenant: { id: 'bench', name: 'Bench', privacyPolicyUrl: 'https://example.org/privacy' },
  trackers: ['matomo'],
}).replace(/</g, '\\u003c');
const matomo = `document.cookie = '_pk_id.1.b3nc=1; path=/; max-age=${13 * 30 * 86400}'; document.cookie = '_pk_ses.1.b3nc=1; path=/; max-age=1800';`;
const page = (i) => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Page ${i}</title>
<script type="application/json" id="temoin-config">${config}</script>
<script src="/temoin/temoin.js" data-config="#temoin-config"></script></head>
<body><h1>Page ${i}</h1>
<a href="/p/0.html">Accueil</a> ${Array.from({ length: 5 }, (_, k) => 5 * i + k + 1).filter((n) => n < count).map((n) => `<a href="/p/${n}.html">Page ${n}</a>`).join(' ')}
<script type="text/plain" data-temoin-tracker="matomo">${matomo}</script>
</body></html>`;
const pages = Object.fromEntries(Array.from({ length: count }, (_, i) => [`/p/${i}.html`, page(i)]));

const server = await startServer({ mounts: { '/temoin/': join(ROOT, 'dist') }, pages });
const origin = server.origin.replace('127.0.0.1', 'www.bench.localhost');
const browser = process.env.CHROMIUM_PATH || (await chromium.executablePath());
const out = mkdtempSync(join(tmpdir(), 'temoin-bench-scan-'));
const command = ['dist/cli.mjs', 'scan', `${origin}/p/0.html`, '--pages', String(count), '--concurrency', values.concurrency, '--json', join(out, 'report.json'), '--browser', browser];
console.log(`node ${command.join(' ')}`);
const started = performance.now();
try {
  const { code, stderr } = await promisify(execFile)('node', command, { cwd: ROOT }).then(
    (done) => ({ code: 0, stderr: done.stderr }),
    (error) => ({ code: error.code, stderr: error.stderr }),
  );
  if (code !== 0) throw new Error(`temoin scan exited ${code}; the generated site has no error finding:\n${stderr}`);
  const seconds = (performance.now() - started) / 1000;
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  const loads = report.pages.length * report.passes.length;
  console.log(stderr.trim());
  console.log(
    `${report.pages.length} pages × ${report.passes.length} passes (${report.passes.map((p) => p.pass).join(', ')}) in ${seconds.toFixed(1)} s, ` +
      `concurrency ${values.concurrency}: ${(loads / seconds).toFixed(2)} page loads per second, Chromium's start included`,
  );
} finally {
  await server.close();
  rmSync(out, { recursive: true, force: true });
}
