import { LOCALES } from '../config/rules';
import { closest } from '../config/suggest';
import type { Locale } from '../config/types';
import { catalogCommand } from './catalog';
import { configureCommand } from './configure';
import { cookiesCommand, FORMATS, type Format } from './cookies';
import { EXIT, type Io } from './io';
import { RULES } from './lint';
import { lintCommand } from './lint-command';
import { proofCommand } from './proof';
import { SCAN_USAGE, scanCommand } from './scan';
import { AUDITS } from '../scan/audits';
import { validateCommand } from './validate';

declare const __TEMOIN_VERSION__: string;

const USAGE = `Usage:
  temoin validate <config.json>
  temoin cookies [--label NAME] <config.json>… [--format md|html|json] [--locale fr|en]
  temoin lint <config.json> [--strict]
  temoin catalog [--search WORD] [--category ID] [--json]
  temoin proof <config.json> --out <dir>
  temoin configure [config.json] [--port N]
  ${SCAN_USAGE}
  temoin --help | --version`;

const HELP: Record<string, string> = {
  validate: `temoin validate <config.json>

Checks a temoin config exactly as init() and the script tag do. Exit 0 when it is valid; else exit 1
and every issue on its own line, as "path: message".`,
  cookies: `temoin cookies [--label NAME] <config.json>… [--format md|html|json] [--locale fr|en]

Prints the cookie table of a privacy policy, grouped by category: tracker, provider,
cookie, purpose and lifetime in words, temoin's own consent cookie included. Several configs (a
site's public and connected spaces) give one table each, under the space's name.
  --label NAME    the name of the config that follows (default: its tenant.name)
  --format md     Markdown tables, one per category (default)
  --format html   an HTML fragment, every text escaped
  --format json   the same rows as data (an array of tables for several configs)
  --locale fr|en  the table's language (default: each config's tenant.locale)`,
  lint: `temoin lint <config.json> [--strict]

Warns about compliance problems a valid config may still have, each with the rule that found it:
${RULES.map((rule) => `  ${rule.id.padEnd(26)}${rule.summary}`).join('\n')}
Exit 1 when the config is invalid (its issues are listed as errors), else 0.
  --strict        exit 2 when there is any warning, to fail CI on them`,
  proof: `temoin proof <config.json> --out <dir>

Writes the proof bundle of a config, what a site keeps of each release to show what its
visitors were asked: manifest.json (temoin's version, the config's SHA-256 and fingerprint, the
sha384 integrity of every dist/ file a script-tag page may load, the UTC time), the resolved config,
the texts of the banner and the preferences in the config's locale, and screenshots of both at 360
and 1280 px in headless Chromium (CHROMIUM_PATH, else @sparticuz/chromium; with playwright-core).
Without a Chromium the manifest says why the screenshots were skipped, and the exit code is 0.
Progress goes to stderr.
  --out DIR       the bundle's folder (created if need be)`,
  configure: `temoin configure [config.json] [--port N]

Serves, on 127.0.0.1 only, a page where a config is built and previewed: every field, the catalog
searched by name, vendor, category or cookie, the real banner at 360 and 1280 px, every problem
validate and lint report at its field. Save writes the config to the file given (2-space JSON,
replaced whole; created when it does not exist yet); without a file, the page downloads it.
Ctrl-C stops the server.
  --port N        the port (default: a free one)`,
  scan: `temoin scan <url…> [--config FILE] [--pages N] [--depth D] [--json FILE] [--html FILE] [--draft-config FILE]
            [--browser PATH] [--lang fr|en] [--storage-state FILE] [--cookie name=value]… [--timeout S] [--max-time S]
            [--concurrency N]

Loads a site in headless Chromium and compares what its pages store with what its config declares.
Three passes, each in a fresh browser: before any choice, after "Reject all" and after "Accept all"
(through the page's own banner); only the first when temoin does not run on the first page. Every
cookie of every domain (HttpOnly included) with its expiry and what set it, every localStorage and
sessionStorage key, the third-party hosts. Findings, by rule:
${AUDITS.map((audit) => `  ${audit.id.padEnd(20)}${audit.severity.padEnd(9)}${audit.title.en}`).join('\n')}
Exit 0 no error finding, 1 at least one, 2 the scan could not run.
  --config FILE         check against this config, not the one the page's temoin runs
  --pages N             at most N pages (default 20): the URLs, then their links breadth first
  --depth D             links at most D clicks from a given URL (default 5)
  --json FILE           the report as JSON (docs/contract.md §15)
  --html FILE           a self-contained page: the banner, the findings, the cookie table per pass
  --draft-config FILE   a starting config from what was seen
  --lang fr|en          the HTML report's language (default: the config's)
  --browser PATH        the Chrome or Chromium to drive (else CHROMIUM_PATH, the usual places,
                        then @sparticuz/chromium when installed); needs playwright-core
  --storage-state FILE  Playwright's storage state, for a connected space
  --cookie name=value   a cookie to start with (repeatable)
  --timeout S           seconds a page may take (default 20)
  --max-time S          seconds the whole scan may take (default 900)
  --concurrency N       pages loaded at once (default 4)`,
  catalog: `temoin catalog [--search WORD] [--category ID] [--json]

Lists the trackers of temoin's catalog, the ids a config's "trackers" may name: id, name, provider,
category, number of cookies and how well they are known: "vendor" (the vendor's own pages or code
document every cookie), "partial" (some), "other" (only other public pages do).
  --search WORD   entries whose id, name, provider or description holds WORD (any case)
  --category ID   entries of that category ("advertising": those used for advertising)
  --json          the entries themselves, as a JSON array`,
};

const GENERAL = `temoin — checks a temoin cookie-consent config and prints its cookie table

${USAGE}

Commands:
  validate   report every problem of a config, with its JSON path
  cookies    print the cookie table of the privacy policy (Markdown, HTML or JSON)
  lint       warn about compliance problems (CNIL) a valid config may still have
  catalog    list the catalog's trackers, by word or category
  proof      write the proof bundle of a config: hashes, texts shown, screenshots
  configure  build, preview and save a config on a local page
  scan       check a live site against its config, before and after each choice

Run "temoin <command> --help" for a command's options.
Exit codes: 0 ok · 1 invalid config or unreadable file · 2 lint warnings with --strict · 64 wrong usage.
temoin scan: 0 no error finding · 1 error findings · 2 could not scan (bad arguments included).
Results go to stdout, why a command could not run to stderr.`;

/**
 * Options each command takes: whether they take a value, and whether the value names the config
 * file that follows (`--label`), rather than the whole command.
 */
const OPTIONS: Record<string, Record<string, { value: boolean; ofNextFile?: boolean }>> = {
  validate: {},
  cookies: { label: { value: true, ofNextFile: true }, format: { value: true }, locale: { value: true } },
  lint: { strict: { value: false } },
  catalog: { search: { value: true }, category: { value: true }, json: { value: false } },
  proof: { out: { value: true } },
  configure: { port: { value: true } },
};

/** Every command: those above, and `scan`, which parses its own options (src/cli/scan.ts). */
const COMMANDS = [...Object.keys(OPTIONS), 'scan'];

/** How many config files each command takes, at least and at most. */
const FILES: Record<string, [number, number]> = { validate: [1, 1], cookies: [1, Infinity], lint: [1, 1], catalog: [0, 0], proof: [1, 1], configure: [0, 1] };

class UsageError extends Error {}

interface Parsed {
  files: string[];
  /** Per file, in order: the values of its `ofNextFile` options (`labels[i]` names `files[i]`). */
  labels: (string | undefined)[];
  options: Record<string, string | true>;
}

function parse(command: string, args: string[]): Parsed {
  const known = OPTIONS[command];
  const files: string[] = [];
  const labels: (string | undefined)[] = [];
  const options: Record<string, string | true> = {};
  let label: string | undefined;
  const addFile = (file: string) => {
    labels[files.push(file) - 1] = label;
    label = undefined;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      args.slice(i + 1).forEach(addFile);
      break;
    }
    if (!arg.startsWith('-')) {
      addFile(arg);
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(`unknown option "${arg}" for ${command}`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const spec = known[name];
    if (!spec) {
      const hint = closest(name, Object.keys(known));
      throw new UsageError(`unknown option "--${name}" for ${command}${hint.length ? `; did you mean --${hint[0]}?` : ''}`);
    }
    if (!spec.value) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      options[name] = true;
    } else {
      const value = inline ?? args[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      if (spec.ofNextFile) {
        if (label !== undefined) throw new UsageError(`--${name} "${label}" names no config: each --${name} goes just before its config`);
        label = value;
      } else options[name] = value;
    }
  }
  if (label !== undefined) throw new UsageError(`--label "${label}" names no config: put it before the config it names`);
  const [min, max] = FILES[command];
  if (files.length < min) throw new UsageError(`${command} needs a config file`);
  if (files.length > max) {
    throw new UsageError(max ? `${command} takes one config file, not ${files.length}` : `${command} takes no file`);
  }
  return { files, labels, options };
}

function oneOf<T extends string>(option: string, value: string | true | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw new UsageError(`--${option} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

/**
 * Runs the command line `args` (without `node` and the script); returns the exit code, or a promise
 * of it for `proof` and `scan`, which drive a browser, and `configure`, which serves until it is
 * stopped. `scan` parses its own options (src/cli/scan.ts): `--cookie` repeats, and its bad
 * arguments exit 2 (docs/contract.md §15).
 */
export function run(args: readonly string[], io: Io): number | Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined) {
    io.err(USAGE);
    return EXIT.usage;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    const topic = rest[0];
    io.out(topic && HELP[topic] ? HELP[topic] : GENERAL);
    return EXIT.ok;
  }
  if (command === '--version' || command === '-v') {
    io.out(__TEMOIN_VERSION__);
    return EXIT.ok;
  }
  if (!COMMANDS.includes(command)) {
    const hint = closest(command, COMMANDS);
    io.err(`temoin: unknown command "${command}"${hint.length ? `; did you mean "${hint[0]}"?` : '.'} Commands: ${COMMANDS.join(', ')}.`);
    io.err('Run "temoin --help" for help.');
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(HELP[command]);
    return EXIT.ok;
  }
  if (command === 'scan') return scanCommand(rest, io);
  try {
    const { files, labels, options } = parse(command, rest);
    if (command === 'validate') return validateCommand(files[0], io);
    if (command === 'lint') return lintCommand(files[0], { strict: options.strict === true }, io);
    if (command === 'proof') {
      if (typeof options.out !== 'string') throw new UsageError('proof needs --out <dir>, the folder of the bundle');
      return proofCommand(files[0], options.out, io);
    }
    if (command === 'configure') {
      const port = options.port === undefined ? undefined : Number(options.port);
      if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) throw new UsageError(`--port must be a port number, not "${options.port}"`);
      return configureCommand({ file: files[0], port }, io);
    }
    if (command === 'catalog') {
      const text = (value: string | true | undefined) => (typeof value === 'string' ? value : undefined);
      return catalogCommand({ search: text(options.search), category: text(options.category), json: options.json === true }, io);
    }
    const format = oneOf<Format>('format', options.format, FORMATS);
    const locale = oneOf<Locale>('locale', options.locale, LOCALES);
    return cookiesCommand(
      files.map((path, i) => ({ path, label: labels[i] })),
      { format, locale },
      io,
    );
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`temoin ${command}: ${error.message}${error.message.endsWith('?') ? '' : '.'}`);
    io.err(`Usage: ${USAGE.split('\n').find((line) => line.includes(`temoin ${command}`))?.trim()}`);
    return EXIT.usage;
  }
}
