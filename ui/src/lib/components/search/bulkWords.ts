// A bulk action over many candidates is confirmed first, in words: what it does and to how
// many ("Tag or untag 91,164 candidates?"). Pure, tested.
import type { ActionId } from "../../actions";
import { translate, type MessageKey } from "../../i18n";

/** Above this many candidates a bulk action asks first. */
export const CONFIRM_OVER = 1000;

const questions: Partial<Record<ActionId, MessageKey>> = {
  email: "search.bulk.email",
  invite: "search.bulk.invite",
  text: "search.bulk.text",
  submit_job: "search.bulk.submit_job",
  add_pipeline: "search.bulk.add_pipeline",
  remove_pipeline: "search.bulk.remove_pipeline",
  add_event: "search.bulk.add_event",
  manage_tags: "search.bulk.manage_tags",
  subscribe: "search.bulk.subscribe",
  unsubscribe: "search.bulk.unsubscribe",
  export: "search.bulk.export",
  download_resumes: "search.bulk.download_resumes",
  delete: "search.bulk.delete",
};

/** The question to ask before `action` on `count` candidates, or null when it need not ask. */
export function confirmQuestion(action: ActionId, count: number): string | null {
  if (count <= CONFIRM_OVER) return null;
  return translate(questions[action] ?? "search.bulk.other", { count });
}
