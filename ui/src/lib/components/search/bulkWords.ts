// A bulk action over many candidates is confirmed first, in words: what it does and to how
// many ("Tag or untag 91,164 candidates?"). Pure, tested.
import type { ActionId } from "../../actions";
import { people } from "../actions/target";

/** Above this many candidates a bulk action asks first. */
export const CONFIRM_OVER = 1000;

const questions: Partial<Record<ActionId, (who: string) => string>> = {
  email: (who) => `Email ${who}?`,
  invite: (who) => `Invite ${who} to apply?`,
  text: (who) => `Send a text message to ${who}?`,
  submit_job: (who) => `Submit ${who} to a job?`,
  add_pipeline: (who) => `Add ${who} to a pipeline?`,
  remove_pipeline: (who) => `Remove ${who} from a pipeline?`,
  add_event: (who) => `Add ${who} to an event?`,
  manage_tags: (who) => `Tag or untag ${who}?`,
  subscribe: (who) => `Subscribe ${who} to campaign emails?`,
  unsubscribe: (who) => `Unsubscribe ${who} from campaign emails?`,
  export: (who) => `Export ${who}?`,
  download_resumes: (who) => `Download the resumes of ${who}?`,
  delete: (who) => `Purge ${who} permanently?`,
};

/** The question to ask before `action` on `count` candidates, or null when it need not ask. */
export function confirmQuestion(action: ActionId, count: number): string | null {
  if (count <= CONFIRM_OVER) return null;
  const who = people(count);
  return questions[action]?.(who) ?? `Act on ${who}?`;
}
