/** Runs `then` once the parser is done with the document: at once when it already is. */
export function whenParsed(then: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', then, { once: true });
  else then();
}

/** Runs `then` once `<body>` exists: a script in `<head>` runs before it does. */
export function whenBodyExists(then: () => void): void {
  if (document.body) then();
  else document.addEventListener('DOMContentLoaded', then, { once: true });
}
