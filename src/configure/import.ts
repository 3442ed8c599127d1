import { isObject } from '../config/validate';

/**
 * What a pasted or opened text brings: a config, or a `temoin scan --json` report whose recognised
 * trackers are added to the config.
 */
export type Imported =
  | { kind: 'config'; config: Record<string, unknown> }
  | { kind: 'scan'; trackers: string[] }
  | { kind: 'error'; message: string };

export function importText(text: string, catalogIds: readonly string[]): Imported {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'error', message: 'not JSON' };
  }
  if (!isObject(value)) return { kind: 'error', message: 'not a JSON object' };
  // A scan report (`temoin scan --json`): the trackers its cookies and storage keys matched, and the
  // catalog entries it suggests for the undeclared ones.
  if (Array.isArray(value.findings) && Array.isArray(value.cookies)) {
    const named = [value.cookies, value.storage ?? [], value.findings].flatMap((list) =>
      Array.isArray(list) ? list.flatMap((item) => (isObject(item) ? [item.tracker, item.suggestion] : [])) : [],
    );
    return { kind: 'scan', trackers: [...new Set(named.filter((id): id is string => typeof id === 'string' && catalogIds.includes(id)))] };
  }
  return { kind: 'config', config: value };
}
