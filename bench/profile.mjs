/**
 * Where a first visit's time to banner goes, for one library on one bench pass: when each file of
 * the page was requested and arrived, when the banner showed, and the CPU profile's self time per
 * script (CDP Profiler, sampled every 100 µs). With `--visit returning`, the same for the reload
 * after "accept all", until the gated scripts ran. `npm run build` first, then:
 *
 *   node bench/profile.mjs                          temoin, mobile pass (slow 4G, 4× CPU)
 *   node bench/profile.mjs --only cookieconsent --pass mobile-cpu --runs 3
 *   node bench/profile.mjs --visit returning --pass desktop
 *   node bench/profile.mjs --visit returning --pass mobile-cpu --functions
 *
 * `--functions` adds the time spent in each function of the library's own files, what it calls in
 * the browser included (a `document.cookie` read, `replaceSync`, compiling it on first call), the
 * mean over the runs: where the library's own share of the script time goes.
 *
 * Passes: desktop, mobile (slow 4G, 4× CPU), mobile-cpu (4× CPU, loopback).
 */
import sparticuzChromium from '@sparticuz/chromium';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { LIBRARIES } from './libraries.mjs';
import { locate, open, STORE_MS } from './measure.mjs';
import { startServer } from './server.mjs';

const PASSES = {
  desktop: { viewport: { width: 1280, height: 720 }, cpuRate: 1, network: null },
  mobile: { viewport: { width: 412, height: 915 }, cpuRate: 4, network: { latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 } },
  'mobile-cpu': { viewport: { width: 412, height: 915 }, cpuRate: 4, network: null },
};

const { values: args } = parseArgs({
  options: {
    only: { type: 'string', default: 'temoin' },
    pass: { type: 'string', default: 'mobile' },
    runs: { type: 'string', default: '3' },
    visit: { type: 'string', default: 'first' },
    functions: { type: 'boolean', default: false },
  },
});
if (!['first', 'returning'].includes(args.visit)) throw new Error('--visit first or returning');
const lib = LIBRARIES.find((l) => l.id === args.only);
const pass = PASSES[args.pass];
if (!lib || !pass) throw new Error(`--only one of ${LIBRARIES.map((l) => l.id).join(', ')}; --pass one of ${Object.keys(PASSES).join(', ')}`);

const server = await startServer({ mounts: { [`/lib/${lib.id}/`]: lib.folder }, pages: { [`/pages/${lib.id}.html`]: lib.html } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || (await sparticuzChromium.executablePath()),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-blink-features=AutomationControlled'],
});

/** Self time (ms) per script URL, and for the profiler's own nodes ("(program)", "(garbage collector)"). */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const url = node.callFrame.url ? new URL(node.callFrame.url).pathname.split('/').pop() : node.callFrame.functionName || '(anonymous)';
    totals.set(url, (totals.get(url) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].filter(([name]) => name !== '(idle)').sort((a, b) => b[1] - a[1]);
}

/**
 * Time per function of the files under `/lib/<id>/`: each sample goes to the nearest such frame on
 * its stack, with the browser function it was in when that is not the library's own code.
 */
function libraryTimes(profile, totals) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map(profile.nodes.flatMap((node) => (node.children ?? []).map((child) => [child, node])));
  const own = (node) => node.callFrame.url.includes(`/lib/${lib.id}/`);
  profile.samples.forEach((id, i) => {
    const leaf = byId.get(id);
    let node = leaf;
    while (node && !own(node)) node = parent.get(node.id);
    if (!node) return;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const key = `${functionName || '(top level)'} ${url.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}${leaf === node ? '' : ` → ${leaf.callFrame.functionName || '(native)'}`}`;
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
}

const functionTimes = new Map();
try {
  for (let run = 1; run <= Number(args.runs); run++) {
    const session = await open(browser, lib, { ...pass, settleMs: 0, readMs: 0, timeoutMs: 30_000 }, server);
    const returning = args.visit === 'returning';
    if (returning) {
      await session.page.goto(session.url, { waitUntil: 'load' });
      await session.page.evaluate(() => window.__bench.until('banner', 30_000));
      await locate(session.page, lib.accept).click();
      await session.page.evaluate(() => window.__bench.until('gated', 30_000));
      await session.page.waitForTimeout(STORE_MS);
    }
    await session.cdp.send('Profiler.enable');
    await session.cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await session.cdp.send('Profiler.start');
    await session.page.goto(session.url, { waitUntil: 'load' });
    await session.page.evaluate((until) => window.__bench.until(until, 30_000), returning ? 'gated' : 'banner');
    const { profile } = await session.cdp.send('Profiler.stop');
    const { metrics } = await session.cdp.send('Performance.getMetrics');
    const timing = await session.page.evaluate(() => ({
      banner: window.__bench.bannerAt,
      domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
      files: performance
        .getEntriesByType('resource')
        .map((e) => ({ name: e.name.split('/').pop(), start: e.startTime, end: e.responseEnd, bytes: e.encodedBodySize })),
    }));
    const scriptMs = 1000 * metrics.find((m) => m.name === 'ScriptDuration').value;
    const reached = returning ? 'returning visit' : `banner visible at ${timing.banner.toFixed(0)} ms`;
    console.log(`\n${lib.name}, ${args.pass} pass, run ${run}: ${reached} (DOMContentLoaded ${timing.domContentLoaded.toFixed(0)} ms, script time ${scriptMs.toFixed(1)} ms)`);
    for (const f of timing.files) console.log(`  ${f.start.toFixed(0).padStart(5)} → ${f.end.toFixed(0).padStart(5)} ms  ${String(f.bytes).padStart(6)} B  ${f.name}`);
    console.log(`  CPU self time until ${returning ? 'the gated scripts ran' : 'the banner'} (ms):`);
    for (const [name, ms] of selfTimes(profile).slice(0, 8)) console.log(`  ${ms.toFixed(1).padStart(7)}  ${name}`);
    if (args.functions) libraryTimes(profile, functionTimes);
    await session.context.close();
  }
  if (args.functions) {
    const runs = Number(args.runs);
    const total = [...functionTimes.values()].reduce((sum, ms) => sum + ms, 0) / runs;
    console.log(`\n${lib.name}'s own files, mean of ${runs} runs: ${total.toFixed(2)} ms a visit; per function (ms):`);
    for (const [name, ms] of [...functionTimes].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${(ms / runs).toFixed(2).padStart(7)}  ${name}`);
  }
} finally {
  await browser.close();
  await server.close();
}
