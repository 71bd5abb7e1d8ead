import { describe, expect, it } from "vitest";
import type { JobApplicant } from "../../bindings/JobApplicant";
import type { HiringWorkflow } from "../../bindings/HiringWorkflow";
import { applicantColumns, moveTo } from "./grouping";

const workflow: HiringWorkflow = {
  hiring_statuses: ["New Submission", "Interview", "Offer", "Hired"],
  bins: ["Submissions", "Screening", "Interviewing", "Offer"],
};

function applicant(id: string, hiring_status: string, bin: string, withdrawn = false): JobApplicant {
  return {
    candidate: { id, name: id } as JobApplicant["candidate"],
    application: { job_id: "job", candidate_id: id, bin, hiring_status, status_at: "2026-12-01T09:00:00Z", withdrawn },
  };
}

const applicants = [
  applicant("ana", "Interview", "Interviewing"),
  applicant("bruno", "Interview", "Screening"),
  applicant("carla", "New Submission", "Submissions"),
  applicant("dora", "Offer", "Offer", true),
];
const shout = (word: string) => word.toUpperCase();
const ids = (columns: ReturnType<typeof applicantColumns>) => columns.map((c) => [c.id, c.cards.map((a) => a.candidate.id)]);

describe("a job's board grouped by hiring status or by ATS bin", () => {
  it("by hiring status: a column per status in the workflow's order, the withdrawn on none", () => {
    const columns = applicantColumns(applicants, workflow, "status", shout);
    expect(ids(columns)).toEqual([
      ["New Submission", ["carla"]],
      ["Interview", ["ana", "bruno"]],
      ["Offer", []],
      ["Hired", []],
    ]);
    expect(columns.map((c) => c.count)).toEqual([1, 2, 0, 0]);
    expect(columns[1].label).toBe("INTERVIEW");
  });

  it("by bin: the same applicants in a column per bin", () => {
    expect(ids(applicantColumns(applicants, workflow, "bin", shout))).toEqual([
      ["Submissions", ["carla"]],
      ["Screening", ["bruno"]],
      ["Interviewing", ["ana"]],
      ["Offer", []],
    ]);
  });

  it("a bin or status the workflow does not name gets its own column at the end", () => {
    const old = [...applicants, applicant("eve", "Interview", "Archive")];
    const columns = applicantColumns(old, workflow, "bin", shout);
    expect(ids(columns).at(-1)).toEqual(["Archive", ["eve"]]);
    expect(applicantColumns(old, workflow, "status", shout)).toHaveLength(4);
  });

  it("a move to a bin column changes the bin and keeps the hiring status, and the other way round", () => {
    const ana = applicants[0].application;
    expect(moveTo(ana, "bin", "Offer")).toEqual({
      name: "application.set_status",
      args: { job_id: "job", candidate_id: "ana", bin: "Offer", hiring_status: "Interview" },
    });
    expect(moveTo(ana, "status", "Offer")).toEqual({
      name: "application.set_status",
      args: { job_id: "job", candidate_id: "ana", bin: "Interviewing", hiring_status: "Offer" },
    });
  });

  it("no move to where it is already, nor of a withdrawn application", () => {
    expect(moveTo(applicants[0].application, "bin", "Interviewing")).toBeNull();
    expect(moveTo(applicants[3].application, "status", "Hired")).toBeNull();
  });
});
