import { whenParsed } from './document-parsed';

type Child = Node | string | false | null | undefined;

/**
 * A DOM element with its attributes, `on…` listeners and children. Strings become text nodes, never
 * markup, so config texts stay inert text.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string | EventListener> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value);
  }
  element.append(...children.filter((child): child is Node | string => !!child));
  return element;
}

/** Runs `then` once `<body>` exists: a script in `<head>` runs before it does. */
export function whenBodyExists(then: () => void): void {
  if (document.body) then();
  else whenParsed(then);
}
