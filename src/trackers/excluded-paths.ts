/**
 * Whether the page (or another path: `temoin scan` asks on Node, the configurator's tester) is one of the config's
 * `excludedPaths` (docs/contract.md §3): a pattern matches the whole path, `*` any run of characters. Letter case is ignored, since many
 * servers serve `/Espace-Adherent/` as `/espace-adherent/`: in doubt, a tracker stays blocked.
 * Patterns are validated (`rules.PATH_PATTERN`), so escaping every other character is exact.
 */
export function isExcludedPage(patterns: string[], path = location.pathname): boolean {
  return patterns.some((pattern) => RegExp(`^${pattern.replace(/\W/g, '\\$&').replace(/\\\*/g, '.*')}$`, 'i').test(path));
}
