import type { ResolvedConfig } from '../config/types';
import { check, formatIssue, plural } from './check';
import { EXIT, type Io } from './io';
import { readJsonFile } from './read';

/**
 * Reads and validates a config file for a command; on failure writes why and returns the exit
 * code: the issues on `out` (they are the command's findings), a one-line summary on `err`.
 */
export function loadConfig(path: string, io: Io): ResolvedConfig | number {
  const read = readJsonFile(path);
  if (!read.ok) {
    io.err(`temoin: ${read.message}`);
    return EXIT.failed;
  }
  const checked = check(read.input);
  if (checked.ok) return checked.config;
  for (const issue of checked.issues) io.out(formatIssue(issue));
  io.err(`temoin: ${path} is not a valid config (${plural(checked.issues.length, 'problem')}).`);
  return EXIT.failed;
}

/** `temoin validate <config.json>`: exit 0 when valid, else 1 and every issue with its path. */
export function validateCommand(path: string, io: Io): number {
  const config = loadConfig(path, io);
  if (typeof config === 'number') return config;
  const { tenant, trackers } = config;
  io.out(
    `${path} is a valid temoin config: tenant "${tenant.id}" (${tenant.name}), ${plural(trackers.length, 'tracker')}` +
      `${trackers.length ? ` (${trackers.map((t) => t.id).join(', ')})` : ''}, choice kept ${tenant.consentMaxAgeMonths} months.`,
  );
  return EXIT.ok;
}
