// The candidates picked for a bulk action on the search page: one explicit state, either some
// candidates picked by hand (their ids) or every result of one exact search (the request it was
// taken from, and how many that search matched when last read).
//
// Rules when the search changes (a new query, filters, "Clear all"):
// - "all of this search" ends: it meant that search and no other. The page says so (`notice`).
// - ids picked by hand stay picked: a recruiter may gather people over several searches. The
//   bar says how many of them are not among the rows shown (`offScreen`), so nothing is picked
//   out of sight without a word.
// A refresh of the same search (a teammate's change, or after a bulk action) keeps either
// state; "all of this search" then counts what the search matches now.
import { SvelteSet } from "svelte/reactivity";
import type { SearchRequest } from "./bindings/SearchRequest";
import type { Selection } from "./bindings/Selection";
import { t } from "./i18n";

/** The part of a request that decides who matches (the order does not). */
export function searchKey(request: SearchRequest): string {
  return JSON.stringify({ query: request.query.trim(), filters: request.filters });
}

interface WholeSearch {
  request: SearchRequest;
  key: string;
  total: number;
}

export class Picked {
  #ids = new SvelteSet<string>();
  #search = $state.raw<WholeSearch | null>(null);
  // How many "all of the search" had when a new search ended it: the notice says so until the
  // next pick. The count is kept rather than the sentence, so the notice follows a change of language.
  #dropped = $state<number | null>(null);

  /** Said once after a change the recruiter did not ask for directly; cleared by the next pick. */
  get notice(): string | null {
    return this.#dropped === null ? null : t("search.selection_dropped", { count: this.#dropped });
  }
  set notice(cleared: null) {
    this.#dropped = cleared;
  }

  /** "all of this search", or null when picked by hand (or nothing). */
  get wholeSearch(): WholeSearch | null {
    return this.#search;
  }

  get count(): number {
    return this.#search ? this.#search.total : this.#ids.size;
  }

  /** Whether the row of `id`, among the results shown, is picked. */
  has(id: string): boolean {
    return this.#search !== null || this.#ids.has(id);
  }

  /** How many picked candidates are not among `shown` (always 0 for "all of this search"). */
  offScreen(shown: readonly { id: string }[]): number {
    if (this.#search || this.#ids.size === 0) return 0;
    let on = 0;
    for (const row of shown) if (this.#ids.has(row.id)) on += 1;
    return this.#ids.size - on;
  }

  /** Ticks or unticks one row. Unticking one row of "all of this search" leaves the other
   * rows shown picked by hand (the bar's count says so at once). */
  toggle(id: string, shown: readonly { id: string }[]) {
    this.notice = null;
    if (this.#search) {
      this.#search = null;
      for (const row of shown) if (row.id !== id) this.#ids.add(row.id);
      return;
    }
    if (this.#ids.has(id)) this.#ids.delete(id);
    else this.#ids.add(id);
  }

  /** How much of `shown` is picked, for the header's box. */
  pageState(shown: readonly { id: string }[]): "none" | "some" | "all" {
    if (this.#search) return shown.length > 0 ? "all" : "none";
    const on = shown.filter((r) => this.#ids.has(r.id)).length;
    if (on === 0) return "none";
    return on === shown.length ? "all" : "some";
  }

  /** The header's box: every row shown picked, or (when they all are) none of them. */
  togglePage(shown: readonly { id: string }[]) {
    this.notice = null;
    if (this.#search) {
      this.clear();
      return;
    }
    const all = this.pageState(shown) === "all";
    for (const row of shown) {
      if (all) this.#ids.delete(row.id);
      else this.#ids.add(row.id);
    }
  }

  selectWholeSearch(request: SearchRequest, total: number) {
    this.notice = null;
    this.#ids.clear();
    this.#search = { request, key: searchKey(request), total };
  }

  /** The ids picked by hand (none for "all of this search"). */
  get ids(): string[] {
    return [...this.#ids];
  }

  /** Picks exactly `ids` by hand (a board's click, Shift+click or Space decided them). */
  replace(ids: readonly string[]) {
    this.notice = null;
    this.#search = null;
    this.#ids.clear();
    for (const id of ids) this.#ids.add(id);
  }

  clear() {
    this.notice = null;
    this.#ids.clear();
    this.#search = null;
  }

  /** A search's results arrived: see the rules at the top. `total` is null while not yet
   *  counted (the whole search keeps the total it had). */
  searched(request: SearchRequest, total: number | null) {
    const whole = this.#search;
    if (!whole) return;
    if (whole.key === searchKey(request)) {
      if (total !== null && whole.total !== total) this.#search = { ...whole, request, total };
      return;
    }
    this.#search = null;
    this.#dropped = whole.total;
  }

  /** What a bulk action applies to. */
  selection(): Selection {
    return this.#search ? { kind: "search", request: this.#search.request } : { kind: "ids", ids: [...this.#ids] };
  }
}
