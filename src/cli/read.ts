/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { parseJson } from './json';

export type Read = { ok: true; input: unknown } | { ok: false; message: string };

/** What a file system error means for someone who typed a path. */
const REASONS: Record<string, string> = {
  ENOENT: 'there is no such file',
  EISDIR: 'it is a directory, not a JSON file',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
};

/**
 * Reads a config file and parses its JSON. Failures come back as one message naming the file,
 * `file:line:column` for a syntax error (the form editors and terminals link to), with the line
 * and a caret under the offending character.
 */
export function readJsonFile(path: string): Read {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return { ok: false, message: `cannot read ${path}: ${(code && REASONS[code]) ?? message}` };
  }
  const parsed = parseJson(text);
  if (parsed.ok) return { ok: true, input: parsed.value };
  const { line, column, message, source } = parsed.error;
  return {
    ok: false,
    message: `${path}:${line}:${column}: invalid JSON at line ${line}, column ${column}: ${message}\n${excerpt(line, column, source)}`,
  };
}

/** The offending line (a window of it, for minified JSON) with a caret under the column. */
function excerpt(line: number, column: number, source: string): string {
  const chars = Array.from(source);
  const start = Math.max(0, column - 1 - 40);
  const shown = (start > 0 ? '…' : '') + chars.slice(start, start + 80).join('') + (start + 80 < chars.length ? '…' : '');
  const before = chars.slice(start, column - 1).map((c) => (c === '\t' ? '\t' : ' '));
  const gutter = String(line);
  return `${gutter} | ${shown}\n${' '.repeat(gutter.length)} | ${start > 0 ? ' ' : ''}${before.join('')}^`;
}
