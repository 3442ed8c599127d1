/// <reference types="node" />
/**
 * `temoin scan <url…>` (docs/contract.md §15): parses the command line, runs the scan
 * (src/scan/), writes the reports. Exit 0 no error finding, 1 at least one, 2 could not scan.
 */
import { writeFileSync } from 'node:fs';
import type { Locale, ResolvedConfig } from '../config/types';
import { closest } from '../config/suggest';
import { draftConfig } from '../scan/report/draft-config';
import { htmlReport } from '../scan/report/html';
import { jsonReport } from '../scan/report/json';
import { terminalReport } from '../scan/report/terminal';
import { CannotScan, scan, type ScanResult } from '../scan/scan';
import type { Progress } from '../scan/gather';
import type { Io } from './io';
import { readJsonFile } from './read';
import { check, formatIssue, plural } from './check';

export const SCAN_USAGE = 'temoin scan <url…> [--config FILE] [--pages N] [--json FILE] [--html FILE] [--draft-config FILE] [option…]';

/** docs/contract.md §15: 0 no error finding, 1 at least one, 2 the scan could not run. */
export const SCAN_EXIT = { clean: 0, errors: 1, cannotRun: 2 } as const;

const OPTIONS = {
  config: 'value',
  pages: 'value',
  depth: 'value',
  json: 'value',
  html: 'value',
  'draft-config': 'value',
  browser: 'value',
  lang: 'value',
  'storage-state': 'value',
  cookie: 'repeated',
  timeout: 'value',
  'max-time': 'value',
  concurrency: 'value',
} as const;
type Option = keyof typeof OPTIONS;

class BadArguments extends Error {}

interface Arguments {
  urls: string[];
  values: Partial<Record<Option, string>>;
  cookies: string[];
}

function parseArguments(args: readonly string[]): Arguments {
  const parsed: Arguments = { urls: [], values: {}, cookies: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      parsed.urls.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!Object.hasOwn(OPTIONS, name)) {
      const hint = closest(name, Object.keys(OPTIONS));
      throw new BadArguments(`unknown option "--${name}"${hint.length ? `; did you mean --${hint[0]}?` : ''}`);
    }
    const value = inline ?? args[++i];
    if (value === undefined || value.startsWith('--')) throw new BadArguments(`--${name} needs a value`);
    if (OPTIONS[name as Option] === 'repeated') parsed.cookies.push(value);
    else parsed.values[name as Option] = value;
  }
  return parsed;
}

function whole(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || +value < min || +value > max) throw new BadArguments(`--${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return +value;
}

/** Only http(s) URLs are scanned; `example.org` gets its scheme suggested. */
function pageUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new BadArguments(`"${text}" is not a URL${/^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(text) ? `; did you mean https://${text}?` : ''}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new BadArguments(`"${text}" is not an http: or https: URL: temoin scan loads web pages`);
  return url.href;
}

function readConfig(path: string, io: Io): ResolvedConfig {
  const read = readJsonFile(path);
  if (!read.ok) throw new BadArguments(read.message);
  const checked = check(read.input);
  if (checked.ok) return checked.config;
  for (const issue of checked.issues) io.err(formatIssue(issue));
  throw new BadArguments(`--config ${path} is not a valid config (${plural(checked.issues.length, 'problem')})`);
}

/** A bar on stderr when it is a terminal, redrawn in place. */
function progressBar(write: (text: string) => void, columns: number) {
  return ({ pass, done, total, url }: Progress) => {
    const width = 20;
    const filled = Math.round((width * done) / Math.max(total, 1));
    const line = `${pass.padEnd(8)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${url}`;
    write(`\r${line.slice(0, columns - 1).padEnd(columns - 1)}`);
  };
}

export async function scanCommand(args: readonly string[], io: Io): Promise<number> {
  try {
    const { urls, values, cookies } = parseArguments(args);
    if (!urls.length) throw new BadArguments('scan needs the URL of a page of the site');
    const lang = values.lang as Locale | undefined;
    if (lang !== undefined && lang !== 'fr' && lang !== 'en') throw new BadArguments(`--lang must be fr or en, not "${lang}"`);
    const pageTimeout = whole('timeout', values.timeout, 20, 1, 600) * 1000;
    const options = {
      urls: urls.map(pageUrl),
      pages: whole('pages', values.pages, 20, 1, 10_000),
      depth: whole('depth', values.depth, 5, 0, 100),
      pageTimeout,
      deadline: Date.now() + whole('max-time', values['max-time'], 900, 1, 86_400) * 1000,
      concurrency: whole('concurrency', values.concurrency, 4, 1, 32),
      storageState: values['storage-state'],
      cookies: cookies.map((pair) => {
        const match = /^([^=;\s]+)=([^;]*)$/.exec(pair);
        if (!match) throw new BadArguments(`--cookie takes name=value, not "${pair}"`);
        return { name: match[1], value: match[2] };
      }),
      screenshot: values.html !== undefined,
      browser: values.browser,
      config: values.config === undefined ? undefined : readConfig(values.config, io),
    };
    if (options.storageState !== undefined) {
      const read = readJsonFile(options.storageState);
      if (!read.ok) throw new BadArguments(`--storage-state: ${read.message}`);
    }
    const started = Date.now();
    const columns = io.progress?.columns ?? 0;
    const bar = io.progress && progressBar(io.progress.write, columns);
    io.err(`temoin scan: ${options.urls.join(', ')}, up to ${plural(options.pages, 'page')}…`);
    let result: ScanResult;
    try {
      result = await scan({ ...options, progress: bar });
    } finally {
      if (bar) io.progress!.write(`\r${' '.repeat(columns - 1)}\r`);
    }
    const visits = result.artifacts.jar.length;
    io.err(`temoin scan: ${plural(visits, 'page load')} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    for (const line of terminalReport(result)) io.out(line);
    const write = (file: string | undefined, text: () => string) => {
      if (file === undefined) return;
      const content = text();
      try {
        writeFileSync(file, content);
      } catch (error) {
        throw new CannotScan(`cannot write ${file}: ${(error as Error).message}`);
      }
      io.err(`temoin scan: wrote ${file}`);
    };
    write(values.json, () => `${JSON.stringify(jsonReport(result), null, 2)}\n`);
    write(values.html, () => htmlReport(result, lang ?? result.config?.tenant.locale ?? 'fr'));
    write(values['draft-config'], () => `${JSON.stringify(draftConfig(result), null, 2)}\n`);
    return result.findings.some((finding) => finding.severity === 'error') ? SCAN_EXIT.errors : SCAN_EXIT.clean;
  } catch (error) {
    if (error instanceof BadArguments) {
      io.err(`temoin scan: ${error.message}${error.message.endsWith('?') ? '' : '.'}`);
      io.err(`Usage: ${SCAN_USAGE}`);
      return SCAN_EXIT.cannotRun;
    }
    if (error instanceof CannotScan) {
      io.err(`temoin scan: could not scan: ${error.message}`);
      return SCAN_EXIT.cannotRun;
    }
    throw error;
  }
}
