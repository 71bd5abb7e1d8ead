// The search box's calls (src-tauri/src/commands.rs), over the generated typed commands: a
// typed search the window can stop once a newer keystroke makes it useless.
import { commands } from "../../bindings/commands";
import type { Counted } from "../../bindings/Counted";
import type { SearchPage } from "../../bindings/SearchPage";
import type { SearchRequest } from "../../bindings/SearchRequest";

// Each typed search's number, unique for the app's whole run: counted up from the moment this
// window loaded (a reload starts above every number the last load gave, unless it gave more
// than a thousand a millisecond).
let numbers = Date.now() * 1000;

/** A number for the next typed search. */
export function nextSearchNumber(): number {
  return ++numbers;
}

/** The first page of `request` typed as search `number`; null when it was superseded. */
export async function typedSearch(request: SearchRequest, number: number, limit: number): Promise<SearchPage | null> {
  const answer = await commands.typedSearch({ request, page: { limit, after: null }, ticket: number });
  return answer === "superseded" ? null : answer.page;
}

/** The exact total of `request`, whose first page came before it was counted, asked as typed
 *  search `number` (superseded as one is); null when it was superseded. */
export async function typedTotal(request: SearchRequest, number: number): Promise<Counted | null> {
  return commands.typedTotal({ request, ticket: number });
}

/** Search `number` is no longer wanted: the app stops it (its answer is then null). */
export function supersede(number: number) {
  // Nothing to do if it fails: the search then runs to its end, and its answer is dropped.
  commands.supersedeSearch({ ticket: number }).catch(() => {});
}
