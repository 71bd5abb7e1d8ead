// Undo in the window: after an action that can be undone, the store hands back the mutation
// that puts it back (`Applied.undo`, computed in Rust from the state before). It is offered
// for ten seconds (the toast's Undo button, or Ctrl+Z outside text fields); taking it applies
// that mutation like any other change (it syncs, and it is refused with the reason when a
// teammate changed the same thing meanwhile: nothing is lost either way).
import { api, failureText } from "./api";
import type { Mutation } from "./bindings/Mutation";
import { t, type MessageKey } from "./i18n";
import { changedHere } from "./queries.svelte";
import { runs } from "./runs.svelte";

export const UNDO_MS = 10_000;

/** What the toast says was done, by the undone mutation's name. */
const doneKeys: Record<string, MessageKey> = {
  "tags.add": "palette.done.tags_add",
  "tags.remove": "palette.done.tags_remove",
  "pipeline.add": "palette.done.pipeline_add",
  "pipeline.remove": "palette.done.pipeline_remove",
  "pipeline.set_status": "palette.done.pipeline_move",
  "application.set_status": "palette.done.application_status",
  "event.check_in": "palette.done.check_in",
  "event.undo_check_in": "palette.done.undo_check_in",
  "note.add": "palette.done.note_add",
  "note.edit": "palette.done.note_edit",
  "note.delete": "palette.done.note_delete",
  "candidate.set_eligible": "palette.done.eligibility",
  "candidate.set_active": "palette.done.active",
};

export interface UndoOffer {
  /** What was done, in words. */
  done: string;
  mutation: Mutation;
}

class Undos {
  offer = $state<UndoOffer | null>(null);
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** A change went through: offers its undo (or withdraws the last offer, which no longer
   *  belongs to the last thing done). */
  offered(name: string, undo: Mutation | null | undefined) {
    clearTimeout(this.#timer);
    const key = doneKeys[name];
    this.offer = undo && key ? { done: t(key), mutation: undo } : null;
    if (this.offer) this.#timer = setTimeout(() => (this.offer = null), UNDO_MS);
  }

  /** Applies the offered undo; says how it went in the status line. */
  async take() {
    const offer = this.offer;
    if (!offer) return;
    this.offered("", null);
    try {
      changedHere(await api.apply(offer.mutation));
      runs.finished(t("palette.undone", { done: offer.done }));
    } catch (e) {
      runs.outcome = { text: failureText(e), failed: true };
    }
  }
}

export const undos = new Undos();
