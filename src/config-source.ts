import { whenParsed } from './document-parsed';

/** A config slower than this fails closed: nothing gated runs. */
const FETCH_TIMEOUT_MS = 5_000;

/**
 * Reads the config named by the script tag's `data-config` (docs/contract.md §4), or by a cookie
 * table's `data-temoin-cookie-table` (§9): a CSS selector of an inline JSON element
 * (`#temoin-config`), or else the URL of a JSON file, relative to the page. Its errors name the
 * attribute that gave `source`.
 */
export async function readConfigSource(source: string, attribute = 'data-config'): Promise<unknown> {
  const fail = (why: string): never => {
    throw new Error(`temoin: ${attribute}="${source}" ${why}`);
  };
  let text: string;
  if (/^[#.[]/.test(source)) {
    if (!document.querySelector(source)) await new Promise<void>(whenParsed);
    text = document.querySelector(source)?.textContent ?? fail('matches no element');
  } else {
    // Relative to the page's base URL, with its cookies only if same-origin: fetch's defaults.
    const response = await fetch(source, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) }).catch((error: Error) =>
      fail(`could not be loaded: ${error.message}`),
    );
    text = response.ok ? await response.text() : fail(`could not be loaded: HTTP ${response.status}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    return fail(`is not valid JSON: ${(error as Error).message}`);
  }
}
