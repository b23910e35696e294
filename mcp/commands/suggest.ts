// "Did you mean": the closest candidates to a mistyped name, by edit distance (adjacent swaps count once).

function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * Up to `max` candidates closest to `given` (case-insensitive), each within about a third of its
 * length in edits. `keys(candidate)` gives the forms to compare (e.g. an operation ID with and
 * without its product prefix); the candidate itself is what is suggested.
 */
export function suggest<T extends string>(given: string, candidates: readonly T[], keys: (candidate: T) => string[] = (c) => [c], max = 3): T[] {
  const wanted = given.toLowerCase();
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  return candidates
    .map((candidate) => ({ candidate, d: Math.min(...keys(candidate).map((k) => distance(wanted, k.toLowerCase()))) }))
    .filter((x) => x.d <= limit)
    .sort((x, y) => x.d - y.d || x.candidate.localeCompare(y.candidate))
    .slice(0, max)
    .map((x) => x.candidate);
}

/** " Did you mean X?" / " Did you mean X, Y or Z?", or "" when nothing is close. */
export function didYouMean(suggestions: readonly string[]): string {
  if (!suggestions.length) return '';
  const list = suggestions.length === 1 ? suggestions[0] : `${suggestions.slice(0, -1).join(', ')} or ${suggestions[suggestions.length - 1]}`;
  return ` Did you mean ${list}?`;
}
