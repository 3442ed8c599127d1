import type { UnknownId } from './messages';

/**
 * Why a catalog id is unknown, for the script tag and the CLI: the known ids that `closest`
 * (`suggest.ts`) finds nearest to it, then all of them.
 */
export function notInCatalog(ids: readonly string[], closest?: (wanted: string, known: readonly string[]) => string[]): UnknownId {
  return (id) => {
    const hint = closest?.(id, ids) ?? [];
    return `"${id}" is not in the catalog${hint.length ? `; did you mean ${hint.map((known) => `"${known}"`).join(', ')}?` : '.'} Known ids: ${[...ids].sort().join(', ')}.`;
  };
}
