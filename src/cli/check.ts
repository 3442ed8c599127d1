import { type ConfigIssue, TemoinConfigError } from '../config/error';
import { parseConfig } from '../config/parse';
import type { ResolvedConfig } from '../config/types';

/* What the commands and the configurator's page share: no file, no Node. */

export type Checked = { ok: true; config: ResolvedConfig } | { ok: false; issues: ConfigIssue[] };

/** Validates a parsed config exactly as `init()` and the script tag do. */
export function check(input: unknown): Checked {
  try {
    return { ok: true, config: parseConfig(input) };
  } catch (error) {
    if (error instanceof TemoinConfigError) return { ok: false, issues: error.issues };
    throw error;
  }
}

/** `path: message`, one issue a line; the config's root is `(config)`. */
export function formatIssue({ path, message }: ConfigIssue): string {
  return `${path || '(config)'}: ${message}`;
}

/** `1 tracker`, `3 trackers`. */
export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
