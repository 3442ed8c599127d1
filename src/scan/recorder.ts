/**
 * The script every frame of a scanned page runs first (Playwright's `addInitScript`): it reports
 * each `document.cookie` and Cookie Store write, and each `Storage.setItem`, with the URL of the
 * script that made it, read from the call's stack. It changes nothing the page sees.
 */
export const BINDING = '__temoinScanRecord';

export type Recorded =
  | { kind: 'cookie'; text: string; url: string; stored: boolean; setBy: string | null }
  | { kind: 'storage'; area: 'localStorage' | 'sessionStorage'; key: string; origin: string; setBy: string | null };

/** Runs in the page: no closure, no import. */
function recorder(binding: string): void {
  const send = (data: unknown) => {
    try {
      const report = (globalThis as unknown as Record<string, (data: unknown) => Promise<void>>)[binding];
      if (typeof report === 'function') report(data).catch(() => undefined);
    } catch {
      // a page that removed the binding records nothing more; it still runs
    }
  };
  // The first http(s) URL down the stack: the script that called (an inline script: its page).
  const caller = (): string | null => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 50;
    const stack = String(new Error().stack);
    Error.stackTraceLimit = limit;
    for (const line of stack.split('\n').slice(1)) {
      const match = /(https?:\/\/\S+?):\d+:\d+\)?$/.exec(line.trim());
      if (match) return match[1];
    }
    return null;
  };
  const hasCookie = (all: string, name: string) => all.split('; ').some((pair) => pair.split('=')[0] === name);
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (cookie?.get && cookie.set) {
    const { get, set } = cookie;
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      enumerable: cookie.enumerable,
      get,
      set(this: Document, value: string) {
        set.call(this, value);
        try {
          const text = String(value);
          const stored = hasCookie(get.call(this), text.split(';')[0].split('=')[0].trim());
          send({ kind: 'cookie', text, url: location.href, stored, setBy: caller() });
        } catch {
          // never in the page's way
        }
      },
    });
  }
  const store = (globalThis as { CookieStore?: { prototype: { set(...args: unknown[]): Promise<void> } } }).CookieStore;
  if (store) {
    const original = store.prototype.set;
    store.prototype.set = function (this: unknown, ...args: unknown[]) {
      const setBy = caller();
      const done = original.apply(this, args);
      const options = (typeof args[0] === 'object' && args[0] ? args[0] : { name: args[0], value: args[1] }) as Record<string, unknown>;
      const attributes = [`${String(options.name)}=${String(options.value ?? '')}`];
      if (options.domain) attributes.push(`domain=${String(options.domain)}`);
      if (options.path) attributes.push(`path=${String(options.path)}`);
      if (options.expires != null) attributes.push(`expires=${new Date(Number(options.expires)).toUTCString()}`);
      done.then(() => send({ kind: 'cookie', text: attributes.join('; '), url: location.href, stored: true, setBy }), () => undefined);
      return done;
    };
  }
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
    setItem.call(this, key, value);
    try {
      const area = this === window.localStorage ? 'localStorage' : 'sessionStorage';
      send({ kind: 'storage', area, key: String(key), origin: location.origin, setBy: caller() });
    } catch {
      // never in the page's way
    }
  };
}

/** The init script's source. */
export const RECORDER = `(${recorder.toString()})(${JSON.stringify(BINDING)});`;
