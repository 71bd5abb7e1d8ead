// The event summary's small charts, as plain geometry for an SVG: check-ins over time (one bar
// per 15 minutes) and the ratings' distribution. Pure functions, tested.

/** The store counts check-ins in buckets of this many minutes. */
export const BUCKET_MINUTES = 15;
const BUCKET_MS = BUCKET_MINUTES * 60_000;

/** Half a time label's width, in plot units: a label nearer an end than this is anchored to it. */
const LABEL_ROOM = 24;

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The bucket's start (ISO), and how many checked in during it. */
  at: string;
  count: number;
}

export interface TimeChart {
  bars: Bar[];
  /** The top of the count axis: a round number at or above the busiest bucket. */
  top: number;
  /** A few bucket starts to label under the bars, with where their label goes (anchored so
   *  labels at the ends stay inside the plot). */
  labels: { x: number; at: string; anchor: "start" | "middle" | "end" }[];
}

/**
 * Every bucket from the first check-in's to the last one's, the quiet ones as 0, so the time
 * axis is even (the store leaves out buckets where nobody came).
 */
export function fillBuckets(points: [string, number][]): { at: string; count: number }[] {
  const counts = new Map<number, number>();
  for (const [at, count] of points) {
    const t = Date.parse(at);
    if (Number.isNaN(t)) continue;
    const start = Math.floor(t / BUCKET_MS) * BUCKET_MS;
    counts.set(start, (counts.get(start) ?? 0) + count);
  }
  if (counts.size === 0) return [];
  const starts = [...counts.keys()];
  const [first, last] = [Math.min(...starts), Math.max(...starts)];
  const filled = [];
  for (let t = first; t <= last; t += BUCKET_MS) {
    filled.push({ at: new Date(t).toISOString(), count: counts.get(t) ?? 0 });
  }
  return filled;
}

/** The smallest of 1, 2, 5, 10, 20, 50, ... that is at least `n` (1 for nothing). */
export function niceTop(n: number): number {
  if (n <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= n) return step * power;
  }
  return 10 * power;
}

/**
 * Bars filling a `width` × `height` plot (SVG units, y downwards) for the buckets, with a gap
 * between bars, and at most `maxLabels` evenly spaced time labels.
 */
export function timeChart(points: [string, number][], width: number, height: number, maxLabels = 6): TimeChart {
  const buckets = fillBuckets(points);
  const top = niceTop(Math.max(0, ...buckets.map((b) => b.count)));
  if (buckets.length === 0) return { bars: [], top, labels: [] };
  const slot = width / buckets.length;
  const gap = Math.min(2, slot * 0.2);
  const bars = buckets.map((b, i) => {
    const h = (b.count / top) * height;
    return { x: i * slot + gap / 2, y: height - h, width: slot - gap, height: h, at: b.at, count: b.count };
  });
  const every = Math.max(1, Math.ceil(buckets.length / maxLabels));
  const labels = buckets
    .map((b, i) => ({ x: i * slot + slot / 2, at: b.at, i }))
    .filter((l) => l.i % every === 0)
    .map(({ x, at }) => ({ x, at, anchor: x < LABEL_ROOM ? "start" : x > width - LABEL_ROOM ? "end" : "middle" }) as const);
  return { bars, top, labels };
}

/** Each star count's share of all ratings, in whole percent (0 when nobody was rated). */
export function ratingShares(ratings: number[]): { stars: number; count: number; percent: number }[] {
  const total = ratings.reduce((a, b) => a + b, 0);
  return ratings.map((count, i) => ({ stars: i + 1, count, percent: total ? Math.round((count / total) * 100) : 0 }));
}

/** The mean of the ratings given, to one decimal, or null when there are none. */
export function averageRating(ratings: number[]): number | null {
  const total = ratings.reduce((a, b) => a + b, 0);
  if (!total) return null;
  const sum = ratings.reduce((acc, count, i) => acc + count * (i + 1), 0);
  return Math.round((sum / total) * 10) / 10;
}
