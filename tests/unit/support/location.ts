/** Runs `run` as on the page at `path` (happy-dom's location), then back at `/`. */
export function onPage(path: string, run: () => void): void {
  history.pushState(null, '', path);
  try {
    run();
  } finally {
    history.pushState(null, '', '/');
  }
}
