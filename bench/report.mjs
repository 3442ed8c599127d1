/**
 * Turns samples into figures (median, min–max, temoin's ratio to each peer)
 * and figures into markdown.
 */

/**
 * @typedef {import('./measure.mjs').Snapshot} Snapshot
 * @typedef {{ first: Snapshot, acceptRan: boolean, returning: Snapshot }} Sample
 * @typedef {{ median: number, min: number, max: number, n: number, values: number[], ratio?: number | null }} Stat
 *
 * @typedef {object} Figure
 * @property {string} id
 * @property {string} label
 * @property {'bytes' | 'ms' | 'score' | 'count'} unit
 * @property {(s: Sample) => number | null} get null: not measured in this sample
 */

/** @param {(s: Sample) => Snapshot} visit @param {'first' | 'returning'} name @returns {Figure[]} */
const byteFigures = (visit, name) => [
  ...['js', 'css'].flatMap((type) =>
    ['raw', 'gzip', 'brotli'].map((enc) => ({
      id: `${name}.${type}.${enc}`,
      label: `${type.toUpperCase()} ${enc}`,
      unit: /** @type {const} */ ('bytes'),
      get: (s) => visit(s).bytes[type][enc],
    })),
  ),
  ...['gzip', 'brotli'].map((enc) => ({
    id: `${name}.total.${enc}`,
    label: `JS+CSS ${enc}`,
    unit: /** @type {const} */ ('bytes'),
    get: (s) => visit(s).bytes.js[enc] + visit(s).bytes.css[enc],
  })),
];

/**
 * Figure groups, each printed as one table (libraries as rows).
 * @type {Record<string, { title: string, figures: Figure[] }>}
 */
export const GROUPS = {
  bytesFirst: { title: 'Widget bytes, first visit', figures: byteFigures((s) => s.first, 'first') },
  bytesReturning: {
    title: 'Widget bytes, returning visit (after "accept all")',
    figures: byteFigures((s) => s.returning, 'returning'),
  },
  first: {
    title: 'First visit',
    figures: [
      { id: 'first.banner', label: 'banner visible', unit: 'ms', get: (s) => s.first.bannerAt },
      { id: 'first.script', label: 'script time', unit: 'ms', get: (s) => s.first.scriptMs },
      { id: 'first.tbt', label: 'total blocking time', unit: 'ms', get: (s) => s.first.tbtMs },
      { id: 'first.cls', label: 'layout shift (CLS)', unit: 'score', get: (s) => s.first.cls },
    ],
  },
  returning: {
    title: 'Returning visit (after "accept all", reload)',
    figures: [
      { id: 'returning.script', label: 'script time', unit: 'ms', get: (s) => s.returning.scriptMs },
      { id: 'returning.gated', label: 'gated scripts ran', unit: 'ms', get: (s) => s.returning.gatedAt },
      { id: 'returning.tbt', label: 'total blocking time', unit: 'ms', get: (s) => s.returning.tbtMs },
    ],
  },
};

const median = (sorted) => {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** @param {number[]} values @returns {Stat | null} */
function stat(values) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return { median: median(sorted), min: sorted[0], max: sorted.at(-1), n: values.length, values };
}

/** temoin ÷ peer; null when undefined (0 ÷ 0), Infinity when only the peer is 0. */
function ratio(temoin, peer) {
  if (temoin == null || peer == null) return null;
  if (peer === 0) return temoin === 0 ? null : Infinity;
  return temoin / peer;
}

/**
 * Statistics of every figure of every group, per library, with temoin's
 * ratio to each peer (when temoin is among the libraries).
 * @param {Record<string, Sample[]>} samples by library id
 * @returns {Record<string, Record<string, Stat | null>>} figure id → library id → stat
 */
export function summarise(samples) {
  /** @type {Record<string, Record<string, Stat | null>>} */
  const out = {};
  for (const group of Object.values(GROUPS)) {
    for (const figure of group.figures) {
      out[figure.id] = compare(
        Object.fromEntries(Object.entries(samples).map(([lib, list]) => [lib, list.map(figure.get).filter((v) => v != null)])),
      );
    }
  }
  return out;
}

/**
 * Statistics of one figure per library, with temoin's ratio to each peer.
 * @param {Record<string, number[]>} values by library id
 * @returns {Record<string, Stat | null>}
 */
export function compare(values) {
  const byLib = Object.fromEntries(Object.entries(values).map(([lib, list]) => [lib, stat(list)]));
  for (const [lib, s] of Object.entries(byLib)) {
    if (lib !== 'temoin' && s && 'temoin' in byLib) s.ratio = ratio(byLib.temoin?.median, s.median);
  }
  return byLib;
}

/** A number in the figure's unit, without the unit. @param {number} value @param {Figure['unit']} unit */
function number(value, unit) {
  if (unit === 'bytes') return value < 1000 ? String(value) : (value / 1000).toFixed(1);
  if (unit === 'count') return String(value);
  if (unit === 'ms') return value < 10 ? value.toFixed(1) : String(Math.round(value));
  return value.toFixed(3);
}

/** @param {number} value @param {Figure['unit']} unit */
const suffix = (value, unit) => (unit === 'bytes' ? (value < 1000 ? ' B' : ' kB') : unit === 'ms' ? ' ms' : '');

/** "median unit (min–max) · **ratio×**" @param {Stat | null} s @param {Figure['unit']} unit */
function cell(s, unit) {
  if (!s) return 'n/a';
  let text = number(s.median, unit) + suffix(s.median, unit);
  const [lo, hi] = [suffix(s.min, unit), suffix(s.max, unit)];
  if (number(s.min, unit) + lo !== number(s.max, unit) + hi) {
    text += ` (${number(s.min, unit)}${lo === hi ? '' : lo}–${number(s.max, unit)}${hi})`;
  }
  if (s.ratio !== undefined) {
    const r = s.ratio === null ? '—' : s.ratio === Infinity ? '∞' : s.ratio === 0 ? '0×' : `${s.ratio.toFixed(2)}×`;
    text += ` · **${r}**`;
  }
  return text;
}

const row = (cells) => `| ${cells.join(' | ')} |`;

/**
 * One markdown table: libraries as rows, the group's figures as columns.
 * @param {{ title: string, figures: Figure[] }} group
 * @param {Record<string, Record<string, Stat | null>>} stats from summarise
 * @param {{ id: string, name: string }[]} libraries
 * @param {(lib: string) => string[]} [extra] extra cells per library, after the figures
 * @param {string[]} [extraHeaders]
 */
export function table(group, stats, libraries, extra = () => [], extraHeaders = []) {
  const headers = ['library', ...group.figures.map((f) => f.label), ...extraHeaders];
  return [
    row(headers),
    row(headers.map(() => '---')),
    ...libraries.map((lib) =>
      row([lib.name, ...group.figures.map((f) => cell(stats[f.id][lib.id], f.unit)), ...extra(lib.id)]),
    ),
  ].join('\n');
}

/** "k/n" with a warning mark when something that must not happen did. */
const count = (bad, total) => (bad ? `**${bad}/${total} ✗**` : `0/${total} ✓`);
const okCount = (good, total) => (good === total ? `${good}/${total} ✓` : `**${good}/${total} ✗**`);

/**
 * Correctness counts over samples (first visit, accept all, returning visit).
 * @param {Sample[]} samples
 */
export function sampleChecks(samples) {
  const n = samples.length;
  return {
    beforeChoice: count(samples.filter((s) => s.first.ran.length || s.first.trackerCookies.length).length, n),
    afterAccept: okCount(samples.filter((s) => s.acceptRan).length, n),
    returningGated: okCount(samples.filter((s) => s.returning.gatedAt !== null).length, n),
    returningBanner: count(samples.filter((s) => s.returning.bannerAt !== null).length, n),
  };
}

/**
 * Correctness counts over "refuse all" runs: state after the reload.
 * @param {{ ran: string[], trackerCookies: string[], bannerShown: boolean }[]} refusals
 */
export function refusalChecks(refusals) {
  const n = refusals.length;
  return {
    refusedRan: count(refusals.filter((x) => x.ran.length).length, n),
    refusedCookie: count(refusals.filter((x) => x.trackerCookies.length).length, n),
    refusedBanner: count(refusals.filter((x) => x.bannerShown).length, n),
  };
}

/**
 * A list of the failed measurements, if any, followed by a blank line.
 * @param {Record<string, string[]>} errors by library id
 * @param {string} what
 */
function failures(errors, what) {
  const failed = Object.entries(errors).filter(([, list]) => list.length);
  const lines = failed.map(([id, list]) => `- ${id}: ${list.length} failed ${what}(s): ${[...new Set(list)].join('; ')}`);
  return lines.length ? [...lines, ''] : [];
}

/** The figures a site owner compares first, for the README: [pass index, figure id, label]. */
const HEADLINE = [
  [0, 'first.total.gzip', 'First visit: widget JS+CSS, gzip'],
  [0, 'returning.total.gzip', 'Returning visit: widget JS+CSS, gzip'],
  [0, 'first.banner', 'Desktop: banner visible'],
  [0, 'first.script', 'Desktop: script time, first visit'],
  [0, 'returning.script', 'Desktop: script time, returning visit'],
  [0, 'returning.gated', 'Desktop: gated scripts ran, returning visit'],
  [2, 'first.banner', 'Mobile, 4× CPU: banner visible'],
  [2, 'returning.script', 'Mobile, 4× CPU: script time, returning visit'],
  [1, 'first.banner', 'Mobile, slow 4G: banner visible'],
  [1, 'first.script', 'Mobile, slow 4G: script time, first visit'],
  [1, 'first.tbt', 'Mobile, slow 4G: total blocking time, first visit'],
  [1, 'returning.script', 'Mobile, slow 4G: script time, returning visit'],
  [1, 'returning.gated', 'Mobile, slow 4G: gated scripts ran, returning visit'],
  [1, 'preferences.open', 'Mobile, slow 4G: preferences shown after the click'],
];

/**
 * The headline figures as one table, temoin's value then each peer's with temoin's ratio to it.
 * @param {any} results the object written to results.json
 */
export function headline(results) {
  const { libraries, passes } = results;
  const unitOf = {
    ...Object.fromEntries(Object.values(GROUPS).flatMap((g) => g.figures.map((f) => [f.id, f.unit]))),
    'preferences.open': 'ms',
  };
  const headers = ['median (ratio: temoin ÷ peer)', ...libraries.map((l) => l.name)];
  return [
    row(headers),
    row(headers.map(() => '---')),
    ...HEADLINE.filter(([pass, id]) => passes[pass]?.stats[id]).map(([pass, id, label]) =>
      row([label, ...libraries.map((l) => cell(passes[pass].stats[id][l.id], unitOf[id]).replace(/ \(.*?\)/, ''))]),
    ),
  ].join('\n');
}

/** Figures of the burst of gated scripts (bench/burst.mjs), temoin only. */
const BURST_FIGURES = [
  { key: 'longestTaskMs', label: 'longest task (0: none ≥ 50 ms)', unit: 'ms' },
  { key: 'longTasks', label: 'tasks ≥ 50 ms', unit: 'count' },
  { key: 'appendMs', label: "page's own append", unit: 'ms' },
  { key: 'allRanMs', label: 'all ran after', unit: 'ms' },
];

/**
 * Statistics of burst samples, one row per pass.
 * @param {import('./burst.mjs').BurstSample[]} samples
 */
export function summariseBurst(samples) {
  return {
    ...Object.fromEntries(BURST_FIGURES.map(({ key }) => [key, stat(samples.map((s) => s[key]))])),
    eachOnce: okCount(samples.filter((s) => s.eachOnce).length, samples.length),
  };
}

/** @param {{ label: string, stats: ReturnType<typeof summariseBurst>, errors: string[] }[]} passes */
function burstTable(passes) {
  const headers = ['pass', ...BURST_FIGURES.map((f) => f.label), 'each ran once, in order'];
  return [
    row(headers),
    row(headers.map(() => '---')),
    ...passes.map((p) =>
      row([p.label, ...BURST_FIGURES.map((f) => cell(p.stats[f.key], f.unit)), p.stats.eachOnce]),
    ),
  ].join('\n');
}

/**
 * The whole report.
 * @param {any} results the object written to results.json
 */
export function markdown(results) {
  const { environment: env, libraries, passes } = results;
  const [reference] = passes;
  const lines = [
    '# temoin benchmark',
    '',
    `${env.quick ? '**Quick or reduced run — not for publishing.** ' : ''}Chromium ${env.chromium} (headless, playwright-core ${env.playwright}) · ` +
      `Node ${env.node} · ${env.cpu} · ` +
      `samples per library: ${passes.map((p) => `${p.samples} ${p.id}`).join(', ')}` +
      ` · ${env.date} · run took ${Math.round(env.durationSeconds)} s`,
    '',
    'Each cell is the median over fresh browser contexts, with (min–max); the libraries ran interleaved. ' +
      (libraries.some((l) => l.id === 'temoin')
        ? 'In **bold**: temoin ÷ that library (below 1× means temoin is smaller or faster; — when both are 0).'
        : 'temoin was not part of this run: no ratios.'),
    '',
    'Libraries: ' +
      libraries
        .map((l) => `${l.name} ${l.version}${l.nativeBlocking ? '' : ' (no native blocking: the page gates its scripts in the library callbacks)'}`)
        .join(', ') +
      '.',
    '',
    '## Widget bytes',
    '',
    'The JS and CSS files of the widget the page actually requested (files as published, served uncompressed; gzip -9 and brotli 11 computed per file).',
    '',
  ];
  for (const key of ['bytesFirst', 'bytesReturning']) {
    lines.push(`### ${GROUPS[key].title}`, '', table(GROUPS[key], reference.stats, libraries), '');
  }
  for (const pass of passes) {
    lines.push(`## ${pass.label}`, '');
    lines.push(`### ${GROUPS.first.title}`, '', table(GROUPS.first, pass.stats, libraries), '');
    lines.push(
      `### ${GROUPS.returning.title}`,
      '',
      table(GROUPS.returning, pass.stats, libraries, (id) => [pass.checks[id].returningBanner], ['banner shown']),
      '',
    );
    if (pass.stats['preferences.open']) {
      lines.push(
        `### Opening the preferences (first visit, ${pass.openings} runs each)`,
        '',
        table({ title: '', figures: [{ id: 'preferences.open', label: 'shown after the click', unit: 'ms' }] }, pass.stats, libraries),
        '',
      );
    }
    lines.push(...failures(pass.errors, 'sample'));
  }
  const headers = [
    'library',
    'blocking',
    'gated ran or tracker cookie before a choice',
    'gated ran after "accept all"',
    'gated ran on return',
    'refuse all + reload: gated ran',
    'tracker cookie',
    'banner shown again',
  ];
  lines.push('## Correctness', '', row(headers), row(headers.map(() => '---')));
  for (const lib of libraries) {
    const c = results.checks[lib.id];
    lines.push(
      row([
        lib.name,
        lib.nativeBlocking ? 'own' : 'page code',
        c.beforeChoice,
        c.afterAccept,
        c.returningGated,
        c.refusedRan,
        c.refusedCookie,
        c.refusedBanner,
      ]),
    );
  }
  lines.push('', ...failures(results.refusalErrors, '"refuse all" run'));
  if (results.burst?.length) {
    lines.push(
      `## ${results.burst[0].size.toLocaleString('en')} gated scripts inserted in one burst after consent (temoin)`,
      '',
      'The page appends them in one DOM operation once the visitor has accepted; temoin releases them in document order. ' +
        'Long tasks are those of the whole page, its own append included.',
      '',
      burstTable(results.burst),
      '',
    );
    for (const p of results.burst) lines.push(...failures({ temoin: p.errors }, `${p.id} burst`));
  }
  const problems = Object.entries(results.pageProblems).filter(([, list]) => list.length);
  if (problems.length) {
    lines.push('Errors the pages reported (page errors, console errors, failed requests):', '');
    for (const [id, list] of problems) lines.push(`- ${id}: ${list.join('; ')}`);
    lines.push('');
  }
  lines.push(
    '## Method',
    '',
    '- One page per library (`bench/libraries.mjs`), identical content and services (Matomo, Google Analytics, Zendesk in an audience category), each set up as its documentation says: CSS `<link>` and gated scripts in `<head>`, the widget script at the end of `<body>`. tarteaucitron loads its own CSS, language and services files.',
    '- Two gated stand-in scripts (Matomo, Google Analytics) use each library\'s own blocking mechanism (`type="text/plain"` markup; tarteaucitron: custom services pushed to its job list; cookieconsent (Osano): page code in its `onInitialise` / `onStatusChange` callbacks re-creates the `text/plain` scripts); they record `performance.now()` and set `_pk_id.*` / `_ga`.',
    '- *banner visible*: first animation frame, from navigation start, where the banner\'s accept button is on screen with non-zero opacity (searched in shadow roots too). ' +
      '*script time*: CDP `Performance.getMetrics` ScriptDuration of the page (the identical page code and probe included). ' +
      '*total blocking time*: Σ (long task − 50 ms). *CLS*: sum of `layout-shift` scores. ' +
      `All read ${passes.map((p) => `${p.settleMs} ms (${p.id})`).join(' / ')} after the banner showed or the gated scripts ran.`,
    `- Returning visit: same context, a real click on the banner's accept-all button ${reference.readMs} ms after the banner showed (a visitor reading it; ` +
      'tarteaucitron ignores clicks in its first 500 ms, as it wires its buttons on a timer), then a reload. *gated scripts ran*: when the last of the two stand-ins ran, from navigation start.',
    "- *Opening the preferences*: separate runs per library, a real click on the banner's button that opens them, timed from the click event to the first animation frame where one of their buttons is on screen: the save button, or the accept-all button of tarteaucitron's panel, whose save button sits below the fold (cookieconsent (Osano) has no preferences).",
    '- Correctness: *before a choice* is checked on every first visit; *refuse all* is a separate run per library: click the banner\'s reject-all button, reload, check.',
    '- The mobile pass emulates a slow 4G link through CDP (`Network.emulateNetworkConditions`: 150 ms round trip, 1.6 Mbit/s down), as Lighthouse does for mobile: on loopback a library that loads several files one after another would not pay for it.',
    '- Files are served with `Cache-Control: no-store`, so every visit fetches what it needs: bytes are what the page requested, not what a warm HTTP cache would transfer.',
    '',
  );
  return lines.join('\n');
}
