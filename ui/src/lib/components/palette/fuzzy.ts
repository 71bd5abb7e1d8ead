// Fuzzy matching for the command palette: the letters typed must appear in order (a
// subsequence), and a match scores higher where they start words ("at" finds "Add Tag" before
// "Data"), run together, and come early. Case and accents do not count ("jose" finds "José").

/** Lower case without accents, so "É" and "e" are one letter. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

const WORD_START = 8;
const RUN = 5;
const GAP = 0.2;
const FIRST_AT = 0.1;

/** Whether position `j` of `text` starts a word (after a space, a dash, or a lower-case letter). */
function startsWord(original: readonly string[], j: number): boolean {
  if (j === 0) return true;
  const before = original[j - 1];
  if (!/[\p{L}\p{N}]/u.test(before)) return true;
  return /\p{Ll}/u.test(before) && /\p{Lu}/u.test(original[j]);
}

/**
 * How well `query` matches `text`, higher is better; null when it does not (its letters are not
 * all there in order). Spaces in the query only separate words. An empty query matches with 0.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = [...fold(query).replace(/\s+/g, "")];
  if (q.length === 0) return 0;
  const original = [...text.normalize("NFD").replace(/\p{M}/gu, "")];
  const t = original.map((c) => c.toLowerCase());
  if (q.length > t.length) return null;
  // best[j]: the best score with the query's letters so far matched, the last one at j.
  let best: (number | null)[] = t.map((c, j) => (c === q[0] ? 1 + (startsWord(original, j) ? WORD_START : 0) - j * FIRST_AT : null));
  for (let i = 1; i < q.length; i++) {
    const next: (number | null)[] = new Array(t.length).fill(null);
    // The best score ending before j, with how far back it ended (for the gap).
    let runningBest: number | null = null;
    let runningAt = -1;
    for (let j = 1; j < t.length; j++) {
      const prev = best[j - 1];
      if (prev !== null && (runningBest === null || prev >= runningBest - (j - 1 - runningAt) * GAP)) {
        runningBest = prev;
        runningAt = j - 1;
      }
      if (t[j] !== q[i] || runningBest === null) continue;
      const joinsRun = runningAt === j - 1;
      const gap = j - 1 - runningAt;
      next[j] = runningBest + 1 + (startsWord(original, j) ? WORD_START : 0) + (joinsRun ? RUN : 0) - gap * GAP;
    }
    best = next;
  }
  const scores = best.filter((s): s is number => s !== null);
  if (scores.length === 0) return null;
  // Of two equal matches, the shorter text is the closer one.
  return Math.max(...scores) - t.length * 0.01;
}

/** The items `query` matches by any of their `texts`, best first (ties keep their order), at most `limit`. */
export function rank<T>(
  query: string,
  items: readonly T[],
  texts: (item: T) => string | readonly string[],
  limit = Infinity,
): T[] {
  const best = (item: T) => {
    const scores = [texts(item)].flat().map((text) => fuzzyScore(query, text)).filter((s) => s !== null);
    return scores.length ? Math.max(...scores) : null;
  };
  return items
    .map((item, at) => ({ item, at, score: best(item) }))
    .filter((m): m is { item: T; at: number; score: number } => m.score !== null)
    .sort((a, b) => b.score - a.score || a.at - b.at)
    .slice(0, limit)
    .map((m) => m.item);
}
