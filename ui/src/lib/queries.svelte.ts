// The one query/refresh layer. Each view says what it shows (a candidate, a list's members, a
// search, settings); a pull from the server (teammates' work) or a change made here reports
// what it wrote (the store's `Changed`, one shape for both); exactly the views showing that
// read again. A view keeps its value up while it
// reads, so nothing remounts: scroll position, selection and a half-written note survive.
import { untrack } from "svelte";
import { api, CommandError, failureText } from "./api";
import type { Applied } from "./bindings/Applied";
import type { Changed } from "./bindings/Changed";
import type { ChangedCandidates } from "./bindings/ChangedCandidates";
import type { Mutation } from "./bindings/Mutation";
import { undos } from "./undo.svelte";

/** What a view shows. */
export type Shows =
  | { kind: "candidate"; id: string }
  /** The members of one pipeline, job or event. */
  | { kind: "pipeline" | "job" | "event"; id: string }
  /** The pipelines, jobs or events themselves, with their counts. */
  | { kind: "pipelines" | "jobs" | "events" }
  | { kind: "search" }
  | { kind: "settings" };

/** What changed. */
export interface Change {
  /** The candidates changed, or "all" (too many to name, or every result of a search). */
  candidates: string[] | "all";
  /** Pipelines or jobs themselves. */
  lists: boolean;
  /** Events themselves. */
  events: boolean;
  /** Tags, custom fields, settings or users. */
  settings: boolean;
  /** Candidates deleted here, by this window (their open profile goes back on its own). */
  deleted?: string[];
}

/** Whether a view showing `shows` is stale after `change`. Memberships travel with the
 *  candidate, so any changed candidate may have joined or left a list. */
export function affects(shows: Shows, change: Change): boolean {
  const anyone = change.candidates === "all" || change.candidates.length > 0;
  switch (shows.kind) {
    case "candidate":
      // Custom fields' labels show in the profile.
      return change.candidates === "all" || change.candidates.includes(shows.id) || change.settings;
    case "pipeline":
    case "job":
    case "pipelines":
    case "jobs":
      return anyone || change.lists;
    case "event":
    case "events":
      return anyone || change.events;
    case "search":
      return anyone || change.lists || change.events || change.settings;
    case "settings":
      return change.settings;
  }
}

/** What the store reports changed (crates/store replica `Changed`: a pull's, a mutation's, a
 *  bulk run's) as a change; "many" candidates are all of them. */
export function fromStore(changed: Changed): Change {
  const { candidates, lists, events, settings, deleted } = changed;
  const change: Change = { candidates: named(candidates) ?? "all", lists, events, settings };
  // Past the naming limit a bulk deletion names nobody: no profile is open on them.
  const gone = named(deleted) ?? [];
  if (gone.length) change.deleted = gone;
  return change;
}

function named(candidates: ChangedCandidates): string[] | null {
  return candidates === "many" ? null : candidates.named;
}

interface Watcher {
  shows: Shows[];
  refresh: () => void;
}

/** Every view on screen and what it shows. */
class Views {
  #watchers = new Set<Watcher>();
  #deletedHere = new Set<string>();

  /** Calls `refresh` when a change affects any of `shows`; returns how to stop. */
  watch(shows: Shows[], refresh: () => void): () => void {
    const watcher = { shows, refresh };
    this.#watchers.add(watcher);
    return () => this.#watchers.delete(watcher);
  }

  /** Something changed: the views showing it read again, but the one that `made` it (which
   *  has it already). Returns how many did. */
  changed(change: Change, made?: () => void): number {
    for (const id of change.deleted ?? []) this.#deletedHere.add(id);
    let stale = 0;
    for (const w of [...this.#watchers]) {
      if (w.refresh !== made && w.shows.some((s) => affects(s, change))) {
        stale += 1;
        w.refresh();
      }
    }
    return stale;
  }

  /** Whether this window deleted the candidate (rather than a teammate). */
  deletedHere(id: string): boolean {
    return this.#deletedHere.has(id);
  }
}

export const views = new Views();

/** A change made here to one candidate outside a mutation (a document uploaded or deleted, a
 *  teammate's value put back): the views showing them read again (but `made`'s). */
export function candidateChanged(id: string, made?: () => void): number {
  return views.changed({ candidates: [id], lists: false, events: false, settings: false }, made);
}

/** What a change made here reported (a mutation applied, a bulk run's end): the views showing
 *  what it wrote read again. Returns the report. */
export function changedHere<T extends { changed: Changed }>(report: T): T {
  views.changed(fromStore(report.changed));
  return report;
}

/** Applies a mutation here, then refreshes the views showing what it wrote and offers its
 *  undo (undo.svelte.ts). */
export async function mutate(mutation: Mutation): Promise<Applied> {
  const applied = changedHere(await api.apply(mutation));
  undos.offered(applied.name, applied.undo);
  return applied;
}

/** In a component: calls `refresh` whenever a change touches what `shows()` names. Reading
 *  `shows()` is tracked, so a view that starts showing something else follows it. */
export function refreshOn(shows: () => Shows | Shows[], refresh: () => void) {
  $effect(() => {
    const shown = [shows()].flat();
    return views.watch(shown, refresh);
  });
}

/** Whether a failure says the candidate no longer exists (deleted here or by a teammate). */
export function isGone(e: unknown): boolean {
  if (!(e instanceof CommandError) || e.error.type !== "rule") return false;
  const rule = e.error.error;
  return rule.kind === "not_found" && rule.what === "candidate";
}

/**
 * One view's data: read when the view starts showing something (`fetch("show")`) and again
 * (`fetch("refresh")`) whenever a change touches it. The value stays up while it reads and
 * after a failed refresh, so the page does not jump; an answer to an older read is dropped.
 * Create it while a component initialises (it lives as long as the component).
 */
export class Query<T> {
  value = $state<T | null>(null);
  /** Why the last read failed, while it stands. */
  error = $state<string | null>(null);
  /** The candidate shown no longer exists. */
  gone = $state(false);
  #asked = 0;
  #fetch: (why: "show" | "refresh") => Promise<T>;
  #refresh = () => void this.load("refresh");

  constructor(shows: () => Shows | Shows[] | null, fetch: (why: "show" | "refresh") => Promise<T>) {
    this.#fetch = fetch;
    $effect(() => {
      const shown = shows();
      if (shown === null) return;
      return untrack(() => this.follow(shown));
    });
  }

  /** Shows `shown`: reads it now and again whenever a change touches it; returns how to stop. */
  follow(shown: Shows | Shows[]): () => void {
    void this.load("show");
    return views.watch([shown].flat(), this.#refresh);
  }

  /** This view's own read changed candidate `id` (opening a profile records a review): the
   *  other views showing them read again; this one has what it read. */
  readChanged(id: string) {
    candidateChanged(id, this.#refresh);
  }

  /** Reads again now (a Retry button, a change this view made itself). */
  async load(why: "show" | "refresh" = "refresh") {
    const ask = ++this.#asked;
    try {
      const value = await this.#fetch(why);
      if (ask !== this.#asked) return;
      this.value = value;
      this.error = null;
      this.gone = false;
    } catch (e) {
      if (ask !== this.#asked) return;
      this.gone = isGone(e);
      this.error = failureText(e);
    }
  }
}
