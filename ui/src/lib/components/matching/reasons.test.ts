import { describe, expect, it } from "vitest";
import type { JobMatch } from "../../bindings/JobMatch";
import { reasons } from "./reasons";

const base = {
  row: {} as JobMatch["row"],
  fit: 0.8,
  matched_skills: ["Rust", "PostgreSQL"],
  related_skills: ["Go"],
  missing_skills: ["Kubernetes"],
  matched_title: "Backend Engineer",
  experience_months: 75,
  location: "relocates",
  education: null,
  applications: [{ job_id: "j", job_title: "Platform Engineer", hiring_status: "Offer", withdrawn: false }],
  silver_medalist: true,
  opted_out: false,
} satisfies JobMatch;

describe("why a candidate fits", () => {
  it("names the matched skills and title, years, relocation, the prior application first, related and missing skills last", () => {
    const said = reasons(base).map((r) => r.text);
    expect(said).toEqual([
      "Rust, PostgreSQL",
      "Backend Engineer",
      "6 years",
      "would relocate",
      "silver medalist",
      "applied to Platform Engineer: Offer",
      "related: Go",
      "lacks Kubernetes",
    ]);
  });

  it("says first, as a warning, that the candidate opted out", () => {
    const first = reasons({ ...base, opted_out: true })[0];
    expect(first).toEqual({ text: "opted out", tone: "warn" });
  });
});
