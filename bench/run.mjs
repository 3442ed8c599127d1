/**
 * Benchmark driver: temoin and its peers side by side in headless Chromium.
 *
 *   node bench/run.mjs            full run (15 samples desktop, 7 mobile)
 *   node bench/run.mjs --quick    3 + 2 samples, for development
 *   node bench/run.mjs --only klaro,tarteaucitron
 *   node bench/run.mjs --only temoin,cookieconsent --passes mobile --samples 5
 *                                  chosen passes, N samples each: a reduced run, for development
 *
 * Writes bench/results.md and bench/results.json, prints the markdown; a full run of every
 * library also puts the headline table in README.md, between its bench:start and bench:end marks.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import sparticuzChromium from '@sparticuz/chromium';
import { chromium } from 'playwright-core';
import { LIBRARIES, ROOT, missing, versionOf } from './libraries.mjs';
import { BURST_SIZE, burst } from './burst.mjs';
import { openPreferences, refuse, sample } from './measure.mjs';
import { compare, headline, markdown, refusalChecks, sampleChecks, summarise, summariseBurst } from './report.mjs';
import { startServer } from './server.mjs';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // vanilla-cookieconsent hides its banner from bots, navigator.webdriver included
  '--disable-blink-features=AutomationControlled',
];

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    passes: { type: 'string' },
    samples: { type: 'string' },
  },
});
const samplesArg = args.samples === undefined ? undefined : Number(args.samples);
if (samplesArg !== undefined && !(Number.isInteger(samplesArg) && samplesArg > 0)) {
  console.error(`--samples must be a whole number above 0, not ${args.samples}`);
  process.exit(2);
}

const libraries = args.only ? LIBRARIES.filter((l) => args.only.split(',').includes(l.id)) : LIBRARIES;
if (!libraries.length) {
  console.error(`--only matched no library; known: ${LIBRARIES.map((l) => l.id).join(', ')}`);
  process.exit(2);
}
const absent = missing(libraries);
if (absent.length) {
  for (const l of absent) {
    console.error(`bench: ${relative(ROOT, join(l.folder, l.entry))} not found.`);
  }
  console.error(
    absent.some((l) => l.id === 'temoin')
      ? 'Run `npm run build` first (or `npm run bench`, which builds), or leave temoin out with --only.'
      : 'Run `npm install`.',
  );
  process.exit(1);
}

/** @type {(import('./measure.mjs').Pass & { id: string, label: string, samples: number, firstAndReturningOnly?: boolean })[]} */
const ALL_PASSES = [
  {
    id: 'desktop',
    label: 'Desktop — 1280×720, CPU not throttled',
    viewport: { width: 1280, height: 720 },
    cpuRate: 1,
    network: null,
    settleMs: 500,
    readMs: 800,
    timeoutMs: 10_000,
    samples: args.quick ? 3 : 15,
  },
  {
    id: 'mobile',
    label: 'Mobile — 412×915, CPU 4× slower, slow 4G (150 ms round trip, 1.6 Mbit/s)',
    viewport: { width: 412, height: 915 },
    cpuRate: 4,
    // Lighthouse's mobile network: every file a page loads costs a round trip
    network: { latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 },
    settleMs: 750,
    readMs: 800,
    timeoutMs: 30_000,
    samples: args.quick ? 2 : 7,
  },
  {
    // The CPU alone, as independent benches run their mobile pass: what each library's own work costs.
    id: 'mobile-cpu',
    label: 'Mobile — 412×915, CPU 4× slower, network not throttled',
    viewport: { width: 412, height: 915 },
    cpuRate: 4,
    network: null,
    settleMs: 750,
    readMs: 800,
    timeoutMs: 30_000,
    samples: args.quick ? 2 : 7,
    firstAndReturningOnly: true,
  },
];
const PASSES = ALL_PASSES.filter((p) => !args.passes || args.passes.split(',').includes(p.id)).map((p) => ({
  ...p,
  samples: samplesArg ?? p.samples,
}));
if (!PASSES.length) {
  console.error(`--passes matched no pass; known: ${ALL_PASSES.map((p) => p.id).join(', ')}`);
  process.exit(2);
}
/** Fewer passes or samples than a full run: figures for development, not for the README. */
const reduced = args.quick || PASSES.length < ALL_PASSES.length || samplesArg !== undefined;
const REFUSALS = args.quick ? 1 : 3;
/** Openings of the preferences per library and pass. */
const OPENINGS = args.quick ? 2 : 5;

const started = Date.now();
const server = await startServer({
  mounts: Object.fromEntries(libraries.map((l) => [`/lib/${l.id}/`, l.folder])),
  pages: Object.fromEntries(libraries.map((l) => [`/pages/${l.id}.html`, l.html])),
});
// The tests' Chromium (tests/browser/support/browser.ts): CHROMIUM_PATH, else the headless Chromium
// the pinned @sparticuz/chromium package ships inside itself.
const executablePath = process.env.CHROMIUM_PATH || (await sparticuzChromium.executablePath());
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const log = (message) => process.stderr.write(`[${Math.round((Date.now() - started) / 1000)} s] ${message}\n`);

/**
 * Runs one measurement, keeping its result or the first line of its error.
 * @template T
 * @param {() => Promise<T>} measure
 * @param {T[]} results
 * @param {string[]} errors
 */
async function attempt(measure, results, errors) {
  try {
    results.push(await measure());
  } catch (error) {
    errors.push(error.message.split('\n')[0]);
  }
}

/** Each library in turn, the order rotated every round so none always goes first. */
const rotated = (round) => libraries.map((_, i) => libraries[(i + round) % libraries.length]);

try {
  const allSamples = Object.fromEntries(libraries.map((l) => [l.id, []]));
  const passes = [];
  log('warm-up');
  for (const lib of libraries) await sample(browser, lib, ALL_PASSES[0], server).catch(() => {});
  for (const pass of PASSES) {
    const samples = Object.fromEntries(libraries.map((l) => [l.id, []]));
    const errors = Object.fromEntries(libraries.map((l) => [l.id, []]));
    for (let round = 0; round < pass.samples; round++) {
      log(`${pass.label}: round ${round + 1}/${pass.samples}`);
      for (const lib of rotated(round)) {
        await attempt(() => sample(browser, lib, pass, server), samples[lib.id], errors[lib.id]);
      }
    }
    for (const l of libraries) allSamples[l.id].push(...samples[l.id]);
    passes.push({
      id: pass.id,
      label: pass.label,
      viewport: pass.viewport,
      cpuRate: pass.cpuRate,
      network: pass.network,
      settleMs: pass.settleMs,
      readMs: pass.readMs,
      samples: pass.samples,
      errors,
      stats: summarise(samples),
      checks: Object.fromEntries(libraries.map((l) => [l.id, sampleChecks(samples[l.id])])),
    });
  }

  const withPreferences = libraries.filter((l) => l.preferences);
  for (const [i, pass] of PASSES.entries()) {
    if (pass.firstAndReturningOnly) continue;
    log(`${pass.label}: opening the preferences`);
    const times = Object.fromEntries(withPreferences.map((l) => [l.id, []]));
    const errors = passes[i].errors;
    for (let round = 0; round < OPENINGS; round++) {
      for (const lib of rotated(round).filter((l) => l.preferences)) {
        await attempt(() => openPreferences(browser, lib, pass, server), times[lib.id], errors[lib.id]);
      }
    }
    passes[i].stats['preferences.open'] = compare(times);
    passes[i].openings = OPENINGS;
  }

  log('refusal smoke checks');
  const refusals = Object.fromEntries(libraries.map((l) => [l.id, []]));
  const refusalErrors = Object.fromEntries(libraries.map((l) => [l.id, []]));
  for (let round = 0; round < REFUSALS; round++) {
    for (const lib of rotated(round)) {
      await attempt(() => refuse(browser, lib, ALL_PASSES[0], server), refusals[lib.id], refusalErrors[lib.id]);
    }
  }

  const temoin = libraries.find((l) => l.id === 'temoin');
  const bursts = [];
  for (const pass of temoin ? PASSES.filter((p) => !p.firstAndReturningOnly) : []) {
    log(`${pass.label}: ${BURST_SIZE} gated scripts in one burst`);
    const samples = [];
    const errors = [];
    for (let i = 0; i < pass.samples; i++) await attempt(() => burst(browser, temoin, pass, server), samples, errors);
    bursts.push({ id: pass.id, label: pass.label, size: BURST_SIZE, samples, errors, stats: summariseBurst(samples) });
  }

  /** Widget files of the first desktop sample, for the record. */
  const filesOf = (id, visit) => allSamples[id][0]?.[visit].bytes.files.map((f) => relative(ROOT, f)) ?? [];
  const results = {
    environment: {
      chromium: browser.version(),
      playwright: versionOf(join(ROOT, 'node_modules', 'playwright-core')),
      node: process.version,
      cpu: `${cpus().length} × ${cpus()[0].model.trim()}`,
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      quick: reduced,
      durationSeconds: (Date.now() - started) / 1000,
    },
    libraries: libraries.map(({ id, name, version, nativeBlocking }) => ({
      id,
      name,
      version,
      nativeBlocking,
      files: { first: filesOf(id, 'first'), returning: filesOf(id, 'returning') },
    })),
    passes,
    checks: Object.fromEntries(
      libraries.map((l) => [l.id, { ...sampleChecks(allSamples[l.id]), ...refusalChecks(refusals[l.id]) }]),
    ),
    refusals,
    refusalErrors,
    burst: bursts,
    pageProblems: Object.fromEntries(
      libraries.map((l) => [
        l.id,
        [...new Set(allSamples[l.id].flatMap((s) => [...s.first.problems, ...s.returning.problems]))],
      ]),
    ),
  };
  const report = markdown(results);
  writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(ROOT, 'bench', 'results.md'), report);
  console.log(report);
  log('wrote bench/results.md and bench/results.json');
  if (!reduced && libraries === LIBRARIES) {
    const readme = join(ROOT, 'README.md');
    const summary = `<!-- bench:start -->\n${headline(results)}\n\nChromium ${results.environment.chromium} on ${results.environment.cpu}, ${results.environment.date}.\n<!-- bench:end -->`;
    writeFileSync(readme, readFileSync(readme, 'utf8').replace(/<!-- bench:start -->[\s\S]*?<!-- bench:end -->/, summary));
    log('updated the table in README.md');
  }
} finally {
  await browser.close();
  await server.close();
}
