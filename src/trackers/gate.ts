import { whenParsed } from '../document-parsed';

/**
 * Markup of gated elements (docs/contract.md §5): a `text/plain` script (the type in any letter
 * case), or an iframe with `data-src`, naming a tracker or a category.
 */
const GATED = ':is(script[type="text/plain" i],iframe[data-src]):is([data-temoin-tracker],[data-temoin-category])';

/** Longest stretch the gate works before yielding to the page (a long task is 50 ms). */
const SLICE_MS = 8;

export interface GateOptions {
  /** Whether the element's tracker and category are granted now. */
  allows(element: Element): boolean;
  /** Nonce for released scripts whose placeholder has none (strict CSP). */
  nonce?: string;
}

export interface Gate {
  /** Looks again for gated elements that may now run: after a choice. */
  refresh(): void;
  /** Stops watching the page; released elements stay. */
  stop(): void;
}

/**
 * Whether the parser is done with `element`: an element still being parsed may not hold all of
 * its text yet, and must not run half-read. Once any node follows it, or the document is parsed,
 * it is whole.
 */
function isParsed(element: Element): boolean {
  if (document.readyState !== 'loading') return true;
  for (let node: Node | null = element; node; node = node.parentNode) if (node.nextSibling) return true;
  return false;
}


/**
 * A script inserted by script runs; the placeholder's markup does not. The copy keeps every
 * attribute but the type (`data-type="module"` becomes `type="module"`) and the nonce, which
 * browsers hide from attributes (HTML § nonce attributes) and is copied from the property.
 * @returns a promise settled when the next gated script may run.
 */
function releaseScript(placeholder: HTMLScriptElement, nonce?: string): Promise<unknown> | undefined {
  const script = document.createElement('script');
  for (const { name, value } of Array.from(placeholder.attributes)) {
    if (!/^((data-)?type|nonce)$/.test(name)) script.setAttribute(name, value);
  }
  const type = placeholder.getAttribute('data-type');
  if (type) script.type = type;
  const scriptNonce = placeholder.nonce || nonce;
  if (scriptNonce) script.nonce = scriptNonce;
  const external = placeholder.hasAttribute('src');
  if (!external) script.text = placeholder.text;
  // Dynamically inserted scripts are async by default; keep the placeholder's own choice.
  script.async = placeholder.hasAttribute('async');
  const settled =
    external && !script.async
      ? new Promise((resolve) => {
          script.addEventListener('load', resolve);
          script.addEventListener('error', resolve);
        })
      : undefined;
  placeholder.replaceWith(script);
  return settled;
}

function releaseFrame(frame: HTMLIFrameElement): void {
  const url = new URL(frame.dataset.src ?? '', document.baseURI);
  if (/^https?:$/.test(url.protocol)) frame.src = url.href;
  else console.warn(`temoin: iframe data-src "${frame.dataset.src}" is not http(s): blocked`);
}

/**
 * Releases gated elements once allowed, at most once each, in document order: a blocking external
 * script loads (or fails) before the next gated script runs. Watches for gated elements added later.
 */
export function createGate({ allows, nonce }: GateOptions): Gate {
  const seen = new WeakSet<Element>();
  /** The passes over the page, one after the other: a refresh during a pass runs one more after it. */
  let passes = Promise.resolve();
  let pending = false;
  let waitingForParser = false;
  let stopped = false;

  async function pass(): Promise<void> {
    pending = false;
    waitingForParser = false;
    let sliceStart = performance.now();
    for (const element of Array.from(document.querySelectorAll(GATED))) {
      if (stopped) break;
      if (seen.has(element) || !element.isConnected || !allows(element)) continue;
      if (!isParsed(element)) {
        waitingForParser = true;
        continue;
      }
      seen.add(element);
      if (element instanceof HTMLScriptElement) await releaseScript(element, nonce);
      else releaseFrame(element as HTMLIFrameElement);
      if (performance.now() - sliceStart > SLICE_MS) {
        // Yield to the page.
        await new Promise((resolve) => setTimeout(resolve));
        sliceStart = performance.now();
      }
    }
  }

  function refresh(): void {
    if (pending) return;
    pending = true;
    passes = passes.then(pass);
  }

  const observer = new MutationObserver((mutations) => {
    const added = mutations.some(({ addedNodes }) => Array.from(addedNodes).some((node) => node instanceof Element && (node.matches(GATED) || node.querySelector(GATED))));
    if (waitingForParser || added) refresh();
  });
  observer.observe(document, { childList: true, subtree: true });
  refresh();
  // Elements left waiting for the parser: a refresh once it is done (a stopped gate releases nothing).
  whenParsed(refresh);

  return {
    refresh,
    stop() {
      stopped = true;
      observer.disconnect();
    },
  };
}
