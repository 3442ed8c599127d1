/**
 * A host element, for its caller to place, with an open shadow root styled by `css`: host-page CSS
 * cannot reach inside and ours cannot leak out. A constructed stylesheet (every browser since
 * 2023) needs no `style-src` allowance under a strict Content-Security-Policy.
 */
export function createShadowHost(name: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement('div');
  host.setAttribute(`data-temoin-${name}`, '');
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [sheet];
  return { host, root };
}
