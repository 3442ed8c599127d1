/** Levenshtein distance, for "did you mean" hints. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The known ids closest to `wanted`, best first: near misspellings and ids that contain it. */
export function closest(wanted: string, known: readonly string[], max = 3): string[] {
  return known
    .map((id) => ({ id, d: id.includes(wanted) || wanted.includes(id) ? 0 : distance(wanted, id) }))
    .filter(({ id, d }) => d <= Math.max(2, Math.floor(id.length / 3)))
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
    .slice(0, max)
    .map(({ id }) => id);
}
