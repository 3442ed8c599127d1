/** `start` and what it imports statically, each once, in the order met: what loading `start` downloads. */
export function withStaticImports<T>(start: T, importsOf: (item: T) => T[]): T[] {
  const seen = new Set<T>();
  const visit = (item: T): T[] => {
    if (seen.has(item)) return [];
    seen.add(item);
    return [item, ...importsOf(item).flatMap(visit)];
  };
  return visit(start);
}
