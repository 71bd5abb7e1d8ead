// Saved searches: the rail's list (with the new matches each heard in the syncs since it was
// last opened), and the one opened from it, handed to the search page. Saving, renaming and
// deleting are mutations like any other change (they sync; a shared one reaches the team).
import { api } from "../../api";
import type { Mutation } from "../../bindings/Mutation";
import type { OpenedSearch } from "../../bindings/OpenedSearch";
import type { SavedSearch } from "../../bindings/SavedSearch";
import type { SavedSearchEntry } from "../../bindings/SavedSearchEntry";
import { mutate } from "../../queries.svelte";

class SavedSearches {
  entries = $state.raw<SavedSearchEntry[]>([]);
  /** A saved search opened from the rail, until the search page has taken it. */
  opening = $state.raw<OpenedSearch | null>(null);
  /** Counts the openings: the window brings the search page forward on each. */
  opened = $state(0);

  /** New matches over every saved search, for the rail's badge. */
  get newMatches(): number {
    return this.entries.reduce((sum, e) => sum + e.new_matches, 0);
  }

  async load() {
    this.entries = await api.savedSearches();
  }

  /** Opens it: its news is read, and the search page runs it. */
  async open(id: string) {
    this.opening = await api.openSavedSearch(id);
    this.opened += 1;
    await this.load();
  }

  /** The search page took the opened search. */
  taken() {
    this.opening = null;
  }

  async save(search: SavedSearch) {
    await this.#apply({ name: "saved_search.put", args: { search } });
  }

  async remove(id: string) {
    await this.#apply({ name: "saved_search.delete", args: { saved_search_id: id } });
  }

  async #apply(mutation: Mutation) {
    await mutate(mutation);
    await this.load();
  }
}

export const savedSearches = new SavedSearches();
