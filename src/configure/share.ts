import { isObject } from '../config/validate';
import { THEME_DEFAULTS } from './contrast';
import type { ConfigureState } from './state';

/**
 * The whole state in a link, after `#` so that no server sees it: JSON, deflated with the
 * browser's `CompressionStream`, in base64url.
 */

const PREFIX = 'c=';

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

const toBase64Url = (bytes: Uint8Array) =>
  btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join('')).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

const fromBase64Url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));

/** `#c=…` for the state. */
export async function encodeState(state: ConfigureState): Promise<string> {
  const bytes = await through(new TextEncoder().encode(JSON.stringify(state)), new CompressionStream('deflate-raw'));
  return `#${PREFIX}${toBase64Url(bytes)}`;
}

/** The state a `#c=…` link carries; `null` for no state, an `Error` for one that does not decode. */
export async function decodeState(hash: string): Promise<ConfigureState | null | Error> {
  const text = hash.replace(/^#/, '');
  if (!text.startsWith(PREFIX)) return null;
  try {
    const json = new TextDecoder('utf-8', { fatal: true }).decode(await through(fromBase64Url(text.slice(PREFIX.length)), new DecompressionStream('deflate-raw')));
    const state = JSON.parse(json) as Partial<ConfigureState>;
    const themeOk = (theme: Record<string, unknown>) =>
      Object.entries(theme).every(([name, value]) => Object.hasOwn(THEME_DEFAULTS, name) && typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value));
    if (!isObject(state) || !isObject(state.config) || !isObject(state.theme) || !themeOk(state.theme))
      return new Error('the link does not hold a configurator state');
    return { config: state.config, theme: state.theme as Record<string, string> };
  } catch {
    return new Error('the link is damaged: it does not decode');
  }
}
