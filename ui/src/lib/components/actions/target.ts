// Who an action is for, and how a form hands its change over to be run.
import type { BulkProgress } from "../../bindings/BulkProgress";
import type { Mutation } from "../../bindings/Mutation";
import type { ProfileView } from "../../bindings/ProfileView";
import type { SearchFilters } from "../../bindings/SearchFilters";
import type { Selection } from "../../bindings/Selection";
import { interestsAskedFor } from "../../filters";
import { formatAlternatives } from "../../format";
import { t } from "../../i18n";

export interface Target {
  selection: Selection;
  count: number;
  /** For the dialog's subtitle: a name, or "12 candidates". */
  label: string;
  /** The full profile, when the action is on one candidate from their profile. */
  view?: ProfileView;
  /** The job the action was started from (a job's Candidates tab): a form asking for a job
   *  starts on it, so the recruiter does not pick it again. */
  job?: string;
}

/**
 * Runs a form's change. `label` says what it does while it runs ("Adding the tag Referral"),
 * `done` what it did. Resolves to the error to show in the form, or null when it went through
 * (or continues in the background with a progress bar).
 */
/** Runs a mutation; the refusal's text when refused (`refused` hears the field it names, if any). */
export type Runner = (
  mutation: Mutation,
  label: string,
  done: (p: BulkProgress) => string,
  refused?: (field: string | null) => void,
) => Promise<string | null>;

/** "1 candidate", "1,200 candidates": a count of people, as the subject or object of a sentence. */
export function people(n: number): string {
  return t("actions.people", { count: n });
}

/** Whom a bulk action reaches, for its dialog: "12 candidates", or "12 candidates interested
 *  in Data or Design" when they are every result of a search (`whole`) for those areas. */
export function selectionLabel(whole: SearchFilters | null, n: number): string {
  const areas = whole ? interestsAskedFor(whole) : [];
  return areas.length ? t("actions.people_interested", { count: n, areas: formatAlternatives(areas) }) : people(n);
}

export function targetOne(id: string, name: string, view?: ProfileView): Target {
  return { selection: { kind: "ids", ids: [id] }, count: 1, label: name, view };
}

/** The job a form asking for one starts on: the job the action came from when it is among
 *  those offered (open ones), else the first offered, else none. */
export function startingJob(offered: { id: string }[], from?: string): string {
  return offered.find((j) => j.id === from)?.id ?? offered[0]?.id ?? "";
}
