/**
 * A host element at the end of `<body>` with an open shadow root styled by `css`: host-page CSS
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
  whenBodyExists(() => document.body.append(host));
  return { host, root };
}

/** Runs `then` once `<body>` exists: a script in `<head>` runs before it does. */
export function whenBodyExists(then: () => void): void {
  if (document.body) then();
  else document.addEventListener('DOMContentLoaded', then, { once: true });
}
