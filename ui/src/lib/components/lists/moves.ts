// A board's move, run: one mutation per card (a pipeline's `pipeline.set_status`, a job's
// `application.set_status`), each refused one named with its reason while the others go
// through; then one read for every view showing these candidates (the board too), rather than
// one per card, so the board does not step through the move card by card. A move of one card
// offers its undo, as any single change does.
import { api, failureText } from "../../api";
import type { Applied } from "../../bindings/Applied";
import type { Mutation } from "../../bindings/Mutation";
import { views } from "../../queries.svelte";
import { undos } from "../../undo.svelte";

/** Applies `mutationOf` each of `ids` (candidate ids); returns the reasons of those refused,
 *  each worded by `refusal` from the refused card's id and the store's reason. */
export async function applyMoves(
  ids: readonly string[],
  mutationOf: (id: string) => Mutation,
  refusal: (id: string, reason: string) => string,
): Promise<string[]> {
  const reasons: string[] = [];
  const applied: Applied[] = [];
  for (const id of ids) {
    try {
      applied.push(await api.apply(mutationOf(id)));
    } catch (e) {
      reasons.push(refusal(id, failureText(e)));
    }
  }
  const [only] = applied;
  undos.offered(applied.length === 1 ? only.name : "", applied.length === 1 ? only.undo : null);
  views.changed({ candidates: [...ids], lists: false, events: false, settings: false });
  return reasons;
}
