import { closest } from '../config/suggest';
import type { Locale } from '../config/types';
import { cookiesCommand, FORMATS, type Format } from './cookies';
import { EXIT, type Io } from './io';
import { lintCommand, RULES } from './lint';
import { validateCommand } from './validate';

declare const __TEMOIN_VERSION__: string;

const LOCALES: readonly Locale[] = ['fr', 'en'];

const USAGE = `Usage:
  temoin validate <config.json>
  temoin cookies <config.json> [--format md|html|json] [--locale fr|en]
  temoin lint <config.json> [--strict]
  temoin --help | --version`;

const HELP: Record<string, string> = {
  validate: `temoin validate <config.json>

Checks a temoin config exactly as init() and the script tag do. Exit 0 when it is valid; else exit 1
and every issue on its own line, as "path: message".`,
  cookies: `temoin cookies <config.json> [--format md|html|json] [--locale fr|en]

Prints the cookie table of a privacy policy (SPEC §9), grouped by category: tracker, provider,
cookie, purpose and lifetime in words, temoin's own consent cookie included.
  --format md     Markdown tables, one per category (default)
  --format html   an HTML fragment, every text escaped
  --format json   the same rows as data
  --locale fr|en  the table's language (default: the config's tenant.locale)`,
  lint: `temoin lint <config.json> [--strict]

Warns about compliance problems a valid config may still have, each with the rule that found it:
${RULES.map((rule) => `  ${rule.id.padEnd(26)}${rule.summary}`).join('\n')}
Exit 1 when the config is invalid (its issues are listed as errors), else 0.
  --strict        exit 2 when there is any warning, to fail CI on them`,
};

const GENERAL = `temoin — checks a temoin cookie-consent config and prints its cookie table

${USAGE}

Commands:
  validate   report every problem of a config, with its JSON path
  cookies    print the cookie table of the privacy policy (Markdown, HTML or JSON)
  lint       warn about compliance problems (CNIL) a valid config may still have

Run "temoin <command> --help" for a command's options.
Exit codes: 0 ok · 1 invalid config or unreadable file · 2 lint warnings with --strict · 64 wrong usage.
Results go to stdout, why a command could not run to stderr.`;

/** Options each command takes, with whether they take a value. */
const OPTIONS: Record<string, Record<string, { value: boolean }>> = {
  validate: {},
  cookies: { format: { value: true }, locale: { value: true } },
  lint: { strict: { value: false } },
};

class UsageError extends Error {}

function parse(command: string, args: string[]): { file: string; options: Record<string, string | true> } {
  const known = OPTIONS[command];
  const files: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-')) {
      files.push(arg);
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
      options[name] = value;
    }
  }
  if (files.length !== 1) {
    throw new UsageError(files.length ? `${command} takes one config file, not ${files.length}` : `${command} needs a config file`);
  }
  return { file: files[0], options };
}

function oneOf<T extends string>(option: string, value: string | true | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw new UsageError(`--${option} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

/** Runs the command line `args` (without `node` and the script); returns the exit code. */
export function run(args: readonly string[], io: Io): number {
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
  if (!Object.hasOwn(OPTIONS, command)) {
    const hint = closest(command, Object.keys(OPTIONS));
    io.err(
      `temoin: unknown command "${command}"${hint.length ? `; did you mean "${hint[0]}"?` : '.'} Commands: ${Object.keys(OPTIONS).join(', ')}.`,
    );
    io.err('Run "temoin --help" for help.');
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(HELP[command]);
    return EXIT.ok;
  }
  try {
    const { file, options } = parse(command, rest);
    if (command === 'validate') return validateCommand(file, io);
    if (command === 'lint') return lintCommand(file, { strict: options.strict === true }, io);
    const format = oneOf<Format>('format', options.format, FORMATS);
    const locale = oneOf<Locale>('locale', options.locale, LOCALES);
    return cookiesCommand(file, { format, locale }, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`temoin ${command}: ${error.message}${error.message.endsWith('?') ? '' : '.'}`);
    io.err(`Usage: ${USAGE.split('\n').find((line) => line.includes(`temoin ${command}`))?.trim()}`);
    return EXIT.usage;
  }
}
