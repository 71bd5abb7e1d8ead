// `talentdesk --bench OUT` (driven by `talentdesk-cli bench app`): the search page times itself.
// Loaded only when the window runs as a benchmark (a dynamic import, its own chunk), so none of
// it is on the path of an ordinary start.
//
// The start: when the first page is on screen, written to OUT. Typing: the benchmark types into
// the search box with real key events (over WebDriver); the page notes each input event and
// each first page painted, with the query it shows, in `window.talentdeskBench`, from which
// the benchmark pairs every keystroke with the first paint that includes it.
import { untrack } from "svelte";
import { api } from "../../api";
import { painted } from "../../bench";
import type { SearchState } from "./search.svelte";

/** Times are milliseconds since the epoch, comparable with the benchmark's own clock. */
type Input = { value: string; event_at: number; handled_at: number };
/** `answered_at`: when the store's answer arrived, so the benchmark can tell the search's share
 *  (the command, the store, the rows' way in) from the drawing's. */
type Paint = { query: string; answered_at: number; painted_at: number };

export type BenchWindow = {
  inputs: Input[];
  paints: Paint[];
  /** Drops search's cached sets, as any write does (between words typed). */
  clearCache: () => Promise<void>;
};

declare global {
  interface Window {
    talentdeskBench?: BenchWindow;
  }
}

const epoch = (sinceOrigin: number) => performance.timeOrigin + sinceOrigin;

/** The first page is on screen now: reports the start, then records typing. */
export async function timeItself(search: SearchState, box: HTMLInputElement) {
  await painted();
  const firstPageAt = epoch(performance.now());
  const bench: BenchWindow = { inputs: [], paints: [], clearCache: () => api.clearSearchCache() };
  window.talentdeskBench = bench;
  // Capturing, so the time is taken before the page's own handler starts the search.
  box.addEventListener(
    "input",
    (e) => bench.inputs.push({ value: box.value, event_at: epoch(e.timeStamp), handled_at: epoch(performance.now()) }),
    { capture: true },
  );
  $effect.root(() => {
    $effect(() => {
      void search.shownSearch; // each new first page shown
      const query = untrack(() => search.shown?.query ?? "");
      const answered_at = epoch(search.answeredAt);
      void painted().then(() => bench.paints.push({ query, answered_at, painted_at: epoch(performance.now()) }));
    });
  });
  // Each mark as milliseconds since the page began to load.
  const startup = Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, Math.round(m.startTime)]));
  await api.benchReport({
    first_page_at_epoch_ms: firstPageAt,
    page_began_at_epoch_ms: performance.timeOrigin,
    startup,
    total: search.total,
  });
}
