// "Did you mean …?" for a mistyped flag or command: the closest known word,
// when it is close enough to be what the person meant.

/** Edit distance (insert, delete, substitute, swap two neighbours). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The known word closest to `given`, if within a third of its length (at least one edit); ties go to the first. */
export function closest(given: string, known: readonly string[]): string | undefined {
  const lower = given.toLowerCase();
  let best: { word: string; cost: number } | undefined;
  for (const word of known) {
    // A case slip (-v for -V) or a prefix (--acc for --account) is the likeliest meaning.
    const cost = word.toLowerCase() === lower ? 0 : word.startsWith(given) ? 1 : distance(lower, word.toLowerCase());
    if (!best || cost < best.cost) best = { word, cost };
  }
  const allowed = Math.max(1, Math.floor(given.length / 3));
  return best && best.cost <= allowed ? best.word : undefined;
}
