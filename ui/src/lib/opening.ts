// The Candidates page's opening search, asked for as soon as the script runs: the store
// answers it while the window builds itself, instead of after (at a million candidates the
// store may still be reading search's facts, and the two then overlap as well).
import { api } from "./api";
import type { SearchPage } from "./bindings/SearchPage";
import type { SearchRequest } from "./bindings/SearchRequest";
import { emptyFilters } from "./filters";

/** Results fetched at a time. */
export const RESULTS_PAGE = 200;

/** What the Candidates page shows first: no words, no filters, by relevance. */
export function openingRequest(): SearchRequest {
  return { query: "", sort: "relevance", filters: emptyFilters() };
}

let early: { key: string; page: Promise<SearchPage> } | null = null;

/** Asks for the opening search's first page now. */
export function askEarly() {
  const request = openingRequest();
  early = { key: JSON.stringify(request), page: api.search(request, { limit: RESULTS_PAGE, after: null }) };
  // Nobody signed in, or the first sync still to come: the page asks again when it opens.
  early.page.catch(() => {});
}

/** Drops the early answer: the page will open on other data (after a sign-in or the first
 * sync). */
export function forgetEarly() {
  early = null;
}

/** The first page of `request`: the early answer when it is the request asked early and
 * that answer came through (once), otherwise asked now. */
export function firstPage(request: SearchRequest): Promise<SearchPage> {
  const ask = () => api.search(request, { limit: RESULTS_PAGE, after: null });
  const taken = early;
  early = null;
  return taken && taken.key === JSON.stringify(request) ? taken.page.catch(ask) : ask();
}
