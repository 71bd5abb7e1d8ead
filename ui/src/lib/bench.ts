// The window timing itself (`talentdesk --bench OUT`, driven by `talentdesk-cli bench app`):
// how long after launch the first page shows, and how long after a keystroke the results for
// each of the search benchmark's keyword queries show.

/** The keyword queries of `talentdesk-cli bench search`, as a recruiter would type them. */
export const BENCH_QUERIES = [
  "java",
  "kub",
  '"data engineer"',
  "(python OR rust) AND kubernetes",
  "engineer -senior",
  "García",
  "c++",
  "veteran",
];

/** Times per query are taken this many times each. */
export const BENCH_RUNS = 5;

export type Stats = { p50_ms: number; p95_ms: number; max_ms: number };

/** p50 / p95 / max of some durations (nearest-rank percentiles), rounded to 0.1 ms. */
export function stats(durations: number[]): Stats {
  const sorted = [...durations].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { p50_ms: round(rank(0.5)), p95_ms: round(rank(0.95)), max_ms: round(sorted[sorted.length - 1] ?? 0) };
}

/**
 * Resolves once the browser has rendered the current state: a task queued from an animation
 * frame callback runs after that frame's style, layout and paint. (Two animation frames would
 * add a whole frame that has nothing to do with the page.)
 */
export function painted(): Promise<void> {
  return new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
}
