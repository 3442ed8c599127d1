/** How many times each module URL failed to load in this page. */
const failures = new Map<string, number>();

/**
 * `import()` of `file`, a module of the script tag's build beside this one, that after a failure
 * fetches for real: HTML's module map keeps a failed fetch failed for its URL (whatwg/html#6768, as
 * Chromium does), so each attempt after a failure asks for it under a new `retry` query. The
 * module's own imports keep their URLs: a chunk that failed as the import of another one stays
 * failed until the page reloads.
 */
export function importModule<T>(file: string): Promise<T> {
  const href = new URL(file, import.meta.url).href;
  const failed = failures.get(href) ?? 0;
  // Its URL has no query of its own: a file name resolved against this module's drops that of the module.
  const url = failed ? `${href}?retry=${failed}` : href;
  return import(/* @vite-ignore */ url).catch((error: unknown) => {
    failures.set(href, failed + 1);
    throw error;
  });
}
