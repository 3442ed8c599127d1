/** Where a JSON text first breaks the grammar (RFC 8259), and why, in words a config author understands. */
export interface JsonSyntaxError {
  /** 1-based line and column (in characters) of the first offending character. */
  line: number;
  column: number;
  message: string;
  /** The text of that line, to show under the message. */
  source: string;
}

export type JsonResult = { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError };

class Stop {
  constructor(
    readonly index: number,
    readonly message: string,
  ) {}
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const CLOSING: Record<string, string> = { '{': '}', '[': ']' };

/** `"}"`, `the end of the file`: what the parser met, for "expected …, found …". */
function describe(char: string | undefined): string {
  if (char === undefined) return 'the end of the file';
  if (char === "'") return `"'" (JSON strings take double quotes)`;
  if (char === '\n' || char === '\r') return 'a line break';
  return JSON.stringify(char);
}

/**
 * A recursive-descent recogniser of JSON: it builds nothing (`JSON.parse` does that), it only finds
 * the first error. Node's own messages vary by version and give at best an offset, never a line.
 */
function locate(text: string): Stop | undefined {
  let i = 0;
  const opened: { char: string; index: number }[] = [];

  const skip = () => {
    while (WHITESPACE.has(text[i])) i++;
    if (text[i] === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) throw new Stop(i, 'comments are not allowed in JSON');
  };
  const end = (what: string) => {
    const open = opened.at(-1);
    return open
      ? new Stop(open.index, `this ${JSON.stringify(open.char)} is never closed by ${JSON.stringify(CLOSING[open.char])}`)
      : new Stop(i, `expected ${what}, found the end of the file`);
  };
  const expect = (what: string) => {
    if (i >= text.length) throw end(what);
    throw new Stop(i, `expected ${what}, found ${describe(text[i])}`);
  };

  function string(): void {
    const start = i++;
    for (;;) {
      const char = text[i];
      if (char === undefined) throw new Stop(start, 'this string is never closed by a double quote');
      if (char === '"') {
        i++;
        return;
      }
      if (char === '\\') {
        const escaped = text[i + 1];
        if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Stop(i, 'a \\u escape needs four hexadecimal digits');
          i += 6;
        } else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) {
          i += 2;
        } else {
          throw new Stop(i, `${JSON.stringify(`\\${escaped ?? ''}`)} is not a JSON escape (write \\\\ for a backslash)`);
        }
        continue;
      }
      if (char < ' ') throw new Stop(i, `${describe(char)} inside a string must be escaped (\\n, \\t…)`);
      i++;
    }
  }

  function number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) throw new Stop(i, `expected a value, found ${describe(text[i])}`);
    const after = text[i + match[0].length];
    if (after !== undefined && /[\d.eE+\-]/.test(after)) throw new Stop(i, `invalid number ${JSON.stringify(text.slice(i).match(/^[\w.+\-]+/)?.[0])}`);
    i += match[0].length;
  }

  function value(): void {
    skip();
    const char = text[i];
    if (char === '{' || char === '[') return container(char);
    if (char === '"') return string();
    if (char === '-' || (char >= '0' && char <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    if (char !== undefined && /[\w$]/.test(char)) {
      const word = text.slice(i).match(/^[\w$]+/)?.[0];
      throw new Stop(i, `expected a value, found ${word}: strings take double quotes`);
    }
    expect('a value');
  }

  function container(open: '{' | '['): void {
    const close = CLOSING[open];
    opened.push({ char: open, index: i });
    i++;
    skip();
    if (text[i] === close) {
      i++;
      opened.pop();
      return;
    }
    for (;;) {
      if (open === '{') {
        skip();
        if (text[i] !== '"') expect('a property name in double quotes');
        string();
        skip();
        if (text[i] !== ':') expect('":" after the property name');
        i++;
      }
      value();
      skip();
      if (text[i] === close) {
        i++;
        opened.pop();
        return;
      }
      if (text[i] !== ',') {
        if (i >= text.length) throw end(`"," or ${JSON.stringify(close)}`);
        expect(`"," or ${JSON.stringify(close)}`);
      }
      const comma = i++;
      skip();
      if (text[i] === close) throw new Stop(comma, `a comma before ${JSON.stringify(close)} is not allowed in JSON`);
    }
  }

  try {
    skip();
    if (i >= text.length) return new Stop(0, 'the file is empty');
    value();
    skip();
    if (i < text.length) return new Stop(i, `unexpected ${describe(text[i])} after the end of the JSON value`);
  } catch (error) {
    if (error instanceof Stop) return error;
    throw error;
  }
  return undefined;
}

function position(text: string, index: number): Omit<JsonSyntaxError, 'message'> {
  const before = text.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEnd = text.indexOf('\n', index);
  return {
    line: before.split('\n').length,
    column: Array.from(text.slice(lineStart, index)).length + 1,
    source: text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, ''),
  };
}

/** Parses a JSON file's text (a UTF-8 byte order mark is allowed); on failure, says where and why. */
export function parseJson(text: string): JsonResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const stop = locate(body) ?? new Stop(0, (error as Error).message);
    return { ok: false, error: { ...position(body, stop.index), message: stop.message } };
  }
}
