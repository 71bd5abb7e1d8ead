// How a job's applicants board groups its cards: by hiring status or by ATS bin (the issue's
// "a board by hiring status / ATS bin"). Pure, so the grouping and the move are tested on their
// own (grouping.test.ts); ApplicantsBoard draws them.
import type { Application } from "../../bindings/Application";
import type { HiringWorkflow } from "../../bindings/HiringWorkflow";
import type { JobApplicant } from "../../bindings/JobApplicant";
import type { Mutation } from "../../bindings/Mutation";
import type { Column } from "../lists/board";

export type Grouping = "status" | "bin";

/** The column an application is in when the board groups `by`. */
export function placeOf(application: Application, by: Grouping): string {
  return by === "status" ? application.hiring_status : application.bin;
}

/**
 * The board's columns: one per hiring status or per bin, in the workflow's order, each with
 * the applications there (withdrawn ones are over and on no column; the table lists them). A
 * status or bin the workflow does not name (written by the ATS before the workflow changed)
 * gets a column after the others, so nobody goes missing from the board. `label` words a
 * status or bin in the window's language.
 */
export function applicantColumns(
  applicants: readonly JobApplicant[],
  workflow: HiringWorkflow,
  by: Grouping,
  label: (word: string) => string,
): Column<JobApplicant>[] {
  const going = applicants.filter((a) => !a.application.withdrawn);
  const named = by === "status" ? workflow.hiring_statuses : workflow.bins;
  const others = [...new Set(going.map((a) => placeOf(a.application, by)))].filter((p) => !named.includes(p));
  return [...named, ...others].map((place) => {
    const cards = going.filter((a) => placeOf(a.application, by) === place);
    return { id: place, label: label(place), count: cards.length, cards };
  });
}

/**
 * The change that moves `application` to column `to`: `application.set_status` with `to` as
 * its new hiring status or bin, the other as it was. Null when it is there already or withdrawn
 * (a withdrawn application no longer moves).
 */
export function moveTo(application: Application, by: Grouping, to: string): Mutation | null {
  if (application.withdrawn || placeOf(application, by) === to) return null;
  const { job_id, candidate_id, bin, hiring_status } = application;
  const args = by === "status" ? { job_id, candidate_id, bin, hiring_status: to } : { job_id, candidate_id, bin: to, hiring_status };
  return { name: "application.set_status", args };
}
