// A candidate being added by hand (or from a resume): the form's content lives here, not in
// the dialog, so that leaving the form to look at a possible duplicate's profile loses nothing
// — New candidate opens it again as it was. Saving or cancelling drops it.
import type { CandidateRow } from "../../bindings/CandidateRow";
import type { Profile } from "../../bindings/Profile";
import type { Upload } from "../../bindings/Upload";
import { emptyProfile } from "../checkin/walkin";

export interface Draft {
  /** The resume file the candidate is made from (it fills the form, and is attached), or null. */
  resume: string | null;
  /** Null while the resume is being read. */
  profile: Profile | null;
  /** From the organisation's tag list, added once the candidate exists. */
  tags: string[];
  /** Files attached once the candidate exists, each with its kind. */
  documents: Upload[];
  /** Who may already be this person, for the form as typed so far. */
  duplicates: CandidateRow[];
}

class NewCandidate {
  draft = $state<Draft | null>(null);
  open = $state(false);

  /** Opens the form: on a resume (a new candidate from it), or by hand — where it was left, if it was. */
  start(resume: string | null = null) {
    if (resume !== null || this.draft === null) {
      this.draft = { resume, profile: resume ? null : emptyProfile(), tags: [], documents: [], duplicates: [] };
    }
    this.open = true;
  }

  /** Closes the form; `keep` leaves its content for the next New candidate. */
  close(keep = false) {
    this.open = false;
    if (!keep) this.draft = null;
  }
}

export const newCandidate = new NewCandidate();
