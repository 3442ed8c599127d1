import { TemoinConfigError } from './error';

/** A config slower than this fails closed: nothing gated runs. */
const FETCH_TIMEOUT_MS = 5_000;

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new TemoinConfigError([{ path: '', message: `${where} is not valid JSON: ${(error as Error).message}` }]);
  }
}

/**
 * Reads the config named by the script tag's `data-config` (SPEC §4): a CSS selector of an inline
 * JSON element (`#temoin-config`), or else the URL of a JSON file, relative to the page.
 */
export async function readConfigSource(source: string): Promise<unknown> {
  if (/^[#.[]/.test(source)) {
    if (!document.querySelector(source) && document.readyState === 'loading') {
      await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
    }
    const element = document.querySelector(source);
    if (!element) throw new TemoinConfigError([{ path: '', message: `no element matches data-config="${source}"` }]);
    return parseJson(element.textContent ?? '', `the content of ${source}`);
  }
  const url = new URL(source, document.baseURI).href;
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    throw new TemoinConfigError([{ path: '', message: `could not load ${url}: ${(error as Error).message}` }]);
  }
  if (!response.ok) throw new TemoinConfigError([{ path: '', message: `could not load ${url}: HTTP ${response.status}` }]);
  return parseJson(await response.text(), url);
}
