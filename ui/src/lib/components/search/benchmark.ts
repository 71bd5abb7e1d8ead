// `talentdesk --bench OUT` (driven by `talentdesk-cli bench app`): the search page times itself.
// Loaded only when the window runs as a benchmark (a dynamic import, its own chunk), so none of
// it is on the path of an ordinary start.
import { api } from "../../api";
import { BENCH_QUERIES, BENCH_RUNS, painted, stats } from "../../bench";
import type { SearchState } from "./search.svelte";

/** The first page is on screen now; then each query as if just typed. */
export async function timeItself(search: SearchState) {
  await painted();
  const firstPageAt = performance.timeOrigin + performance.now();
  const times: Record<string, number[]> = {};
  // Where the time goes: the search's answer arriving, the page updated, the paint after.
  const answered: number[] = [];
  const updated: number[] = [];
  const roundTrips: number[] = [];
  for (let round = 0; round < BENCH_RUNS; round++) {
    for (const q of BENCH_QUERIES) {
      const ipc = performance.now();
      await api.clearSearchCache();
      roundTrips.push(performance.now() - ipc);
      const started = performance.now();
      search.query = q;
      await search.run();
      answered.push(search.answeredAt - started);
      updated.push(performance.now() - started);
      await painted();
      (times[q] ??= []).push(performance.now() - started);
    }
  }
  const queries = BENCH_QUERIES.map((q) => ({ query: q, ...stats(times[q]) }));
  // Each mark as milliseconds since the page began to load.
  const startup = Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, Math.round(m.startTime)]));
  await api.benchReport({
    first_page_at_epoch_ms: firstPageAt,
    page_began_at_epoch_ms: performance.timeOrigin,
    startup,
    total: search.total,
    queries,
    overall: stats(Object.values(times).flat()),
    answered: stats(answered),
    updated: stats(updated),
    ipc: stats(roundTrips),
  });
}
