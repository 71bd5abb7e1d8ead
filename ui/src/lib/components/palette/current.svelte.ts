// Who the palette's actions are for: the candidate or the selection in front. A page says
// what it has (the open profile its candidate; the search page its ticked rows or the row the
// keyboard is on) and takes it back when it goes; the open profile comes before the page under it.
import { untrack } from "svelte";
import type { Place } from "../../actions";
import type { BulkActionInfo } from "../../bindings/BulkActionInfo";
import type { Candidate } from "../../bindings/Candidate";
import type { Picked } from "../../selection.svelte";
import { people, type Target } from "../actions/target";

export interface Subject {
  /** Which menu's actions apply: the profile's, a row's, or the bulk bar's. */
  place: Place;
  target: Target;
  candidate?: Candidate;
  hasResume?: boolean;
  limits?: BulkActionInfo[];
}

type Source = "profile" | "page";

class Current {
  #by = $state<Partial<Record<Source, Subject>>>({});

  /** The subject in front, if any. */
  get subject(): Subject | null {
    return this.#by.profile ?? this.#by.page ?? null;
  }

  /** `source` has `subject` in front now (null: nothing); returns how to take it back. */
  set(source: Source, subject: Subject | null): () => void {
    // Read untracked: a page sets this from an effect, which must not then depend on it.
    untrack(() => (this.#by = { ...this.#by, [source]: subject ?? undefined }));
    return () => {
      if (this.#by[source] === subject) this.#by = { ...this.#by, [source]: undefined };
    };
  }
}

export const current = new Current();

/** The picked candidates as the palette's subject (the bulk bar's actions), or null when
 *  none are picked. */
export function pickedSubject(picked: Picked, limits: BulkActionInfo[]): Subject | null {
  const count = picked.count;
  return count > 0 ? { place: "bulk", target: { selection: picked.selection(), count, label: people(count) }, limits } : null;
}
