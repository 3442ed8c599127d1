import { plural } from './check';
import { EXIT, type Io } from './io';
import { lint } from './lint';
import { readJsonFile } from './read';

export interface LintOptions {
  /** Exit 2 when there is any warning. Without it, warnings are reported and the exit code is 0. */
  strict?: boolean;
}

/**
 * `temoin lint <config.json> [--strict]`: one finding a line, `level path: message [rule]`, its
 * advice indented below; hints (`hint …`) never change the exit code. Exit 1 when the file cannot be read or the config is invalid; else 2 when
 * `--strict` and any warning; else 0, so that adding lint to CI breaks nothing until it is strict.
 */
export function lintCommand(path: string, { strict = false }: LintOptions, io: Io): number {
  const read = readJsonFile(path);
  if (!read.ok) {
    io.err(`temoin: ${read.message}`);
    return EXIT.failed;
  }
  const { valid, findings } = lint(read.input);
  for (const f of findings) {
    io.out(`${f.level} ${f.path || '(config)'}: ${f.message}${f.rule ? ` [${f.rule}]` : ''}`);
    if (f.advice) io.out(`  ${f.advice}`);
  }
  const warnings = findings.filter((f) => f.level === 'warning').length;
  const hints = findings.filter((f) => f.level === 'hint').length;
  if (!valid) {
    const errors = findings.length - warnings - hints;
    io.err(`temoin: ${path} is not a valid config (${plural(errors, 'error')}, ${plural(warnings, 'warning')}).`);
    return EXIT.failed;
  }
  const hinted = hints ? `, ${plural(hints, 'hint')}` : '';
  if (!warnings) {
    io.out(`${path}: no warnings${hinted}.`);
    return EXIT.ok;
  }
  const counted = `${plural(warnings, 'warning')}${hinted}`;
  io.out(strict ? `${path}: ${counted}.` : `${path}: ${counted} (exit 0; --strict exits 2 on warnings).`);
  return strict ? EXIT.warnings : EXIT.ok;
}
