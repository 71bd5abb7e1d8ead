// The search page's search: what is asked (words, order, filters), what is shown (rows, counts)
// and how asking goes (running, failed). Searches run as the user types, without a delay: one
// runs at a time, and while it runs only the latest change waits (a search at a million
// candidates takes tens of ms; a short prefix's first, hundreds) and the running one is
// superseded: the app stops it where it is, so the latest does not wait for it, and whatever it
// answers is dropped unpainted. An email typed past its dot may answer its first page before
// every match is counted: its total then shows as "at least", and is counted right after, as a
// search of its own the next keystroke supersedes. A search that fails — a malformed query such as `python AND (` — leaves
// the last good results and their count on screen, with the error beside the box.
import { api, failureText } from "../../api";
import type { CandidateRow } from "../../bindings/CandidateRow";
import type { SearchRequest } from "../../bindings/SearchRequest";
import type { SortOrder } from "../../bindings/SortOrder";
import { emptyFilters } from "../../filters";
import { firstPage, RESULTS_PAGE } from "../../opening";
import { nextSearchNumber, supersede, typedSearch, typedTotal } from "./api";

/** A search that has not answered after this long shows that it is working. */
export const SLOW_MS = 150;

export class SearchState {
  query = $state("");
  sort = $state<SortOrder>("relevance");
  filters = $state(emptyFilters());

  // Replaced whole, never changed in place: no deep reactivity needed (it costs on every search).
  rows = $state.raw<CandidateRow[]>([]);
  /** Null until the first answer. */
  total = $state<number | null>(null);
  inactiveHidden = $state(0);
  /** False while `total` (and `inactiveHidden`) only say "at least": the count is on its way. */
  counted = $state(true);
  /** The request whose rows are shown. */
  shown = $state.raw<SearchRequest | null>(null);
  /** Changes with every new search shown (not with more pages of the same one). */
  shownSearch = $state(0);
  /** Why the latest search failed; the rows shown are then those of the last one that did not. */
  error = $state<string | null>(null);
  /** A search has been running for longer than SLOW_MS. */
  slow = $state(false);
  /** When the last answer arrived (performance.now()), for the benchmark. */
  answeredAt = 0;

  // Where the next page starts; null when every result is loaded.
  #next: string | null = null;
  #loadingMore = false;
  // Each search gets a number; an answer to an older one is dropped, so results follow typing.
  #latest = 0;
  #searching = false;
  #again = false;
  // The app's number of the search in flight, to supersede it; null once it answered.
  #running: number | null = null;
  // The first search takes the opening page asked for as the window loaded (opening.ts).
  #opened = false;
  #onShown: (request: SearchRequest, total: number | null) => void;

  /** `onShown` hears of every first page shown (selection rules depend on it), with its total
   *  once counted (null before: see `counted`). */
  constructor(onShown: (request: SearchRequest, total: number | null) => void) {
    this.#onShown = onShown;
  }

  request(): SearchRequest {
    return { query: this.query, sort: this.sort, filters: $state.snapshot(this.filters) };
  }

  /** No answer yet at all: the table shows skeleton rows. */
  get loading(): boolean {
    return this.total === null && this.error === null;
  }

  /** Runs the current request now (a new order). `again`: the results shown changed (a pull,
   *  a change made here), so the search shown is read again as far as it was loaded and stays
   *  the same search: the table keeps its scroll position rather than going back to the top. */
  async run(again = false) {
    const ticket = ++this.#latest;
    const request = this.request();
    this.#supersedeRunning();
    const number = nextSearchNumber();
    this.#running = number;
    const slow = setTimeout(() => ticket === this.#latest && (this.slow = true), SLOW_MS);
    const same = again && JSON.stringify(request) === JSON.stringify(this.shown);
    const limit = same ? Math.max(RESULTS_PAGE, this.rows.length) : RESULTS_PAGE;
    // The page shown came without its total: counted right after it.
    let uncounted = false;
    try {
      const page = this.#opened ? await typedSearch(request, number, limit) : await firstPage(request);
      this.#opened = true;
      if (page === null) return;
      this.answeredAt = performance.now();
      if (ticket !== this.#latest) return;
      this.rows = page.rows;
      this.total = page.total;
      this.inactiveHidden = page.inactive_hidden;
      this.counted = page.counted;
      uncounted = !page.counted;
      this.#next = page.next;
      this.shown = request;
      if (!same) this.shownSearch = ticket;
      this.error = null;
      this.#onShown(request, page.counted ? page.total : null);
    } catch (e) {
      if (ticket === this.#latest) this.error = failureText(e);
    } finally {
      clearTimeout(slow);
      if (ticket === this.#latest) this.slow = false;
      if (this.#running === number) this.#running = null;
    }
    if (uncounted && ticket === this.#latest) await this.#count(request, ticket);
  }

  /** Counts the search shown, whose page came before its total: the next search supersedes it.
   *  A count that fails leaves the lower bound shown: the rows are right, and the next search
   *  or refresh counts again. */
  async #count(request: SearchRequest, ticket: number) {
    const number = nextSearchNumber();
    this.#running = number;
    try {
      const counted = await typedTotal(request, number);
      if (counted === null || ticket !== this.#latest) return;
      this.total = counted.total;
      this.inactiveHidden = counted.inactive_hidden;
      this.counted = true;
      this.#onShown(request, counted.total);
    } catch {
      // Said nowhere: the "+" stays, and nothing the user asked for failed.
    } finally {
      if (this.#running === number) this.#running = null;
    }
  }

  /** Tells the app the search in flight is no longer wanted, so it stops holding the store. */
  #supersedeRunning() {
    if (this.#running === null) return;
    supersede(this.#running);
    this.#running = null;
  }

  /** The user changed the words or filters: searches, coalescing changes made meanwhile. The
   *  search running is superseded: the app stops it, its answer is dropped rather than painted
   *  (a stale page rendered before the next search only delays it), and the latest runs once
   *  it ends. */
  async changed() {
    if (this.#searching) {
      this.#again = true;
      this.#latest += 1;
      this.#supersedeRunning();
      return;
    }
    this.#searching = true;
    try {
      await this.run();
    } finally {
      this.#searching = false;
    }
    if (this.#again) {
      this.#again = false;
      void this.changed();
    }
  }

  /** The next page of the search shown, appended (the table asks as its end comes near). */
  async loadMore() {
    if (this.#loadingMore || this.#next === null || this.shown === null) return;
    this.#loadingMore = true;
    const ticket = this.#latest;
    try {
      const page = await api.search(this.shown, { limit: RESULTS_PAGE, after: this.#next });
      if (ticket !== this.#latest) return;
      this.rows = [...this.rows, ...page.rows];
      this.#next = page.next;
    } catch (e) {
      if (ticket === this.#latest) this.error = failureText(e);
    } finally {
      this.#loadingMore = false;
    }
  }
}
