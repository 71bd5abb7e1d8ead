import { describe, expect, it } from "vitest";
import type { Candidate } from "../../bindings/Candidate";
import type { Profile } from "../../bindings/Profile";
import { defaultPicks, fieldRows, mergeMutation } from "./merge";

const base: Profile = {
  first_name: "Ana",
  last_name: "Souza",
  email: null,
  phone: null,
  location: { city: "", region: "", country: "" },
  current_title: "",
  current_employer: "",
  employment: [],
  education: [],
  skills: [],
  links: [],
  willing_to_relocate: null,
  desired_level: null,
  employment_type: null,
  languages: [],
  preferred_communication: null,
  custom_fields: {},
};

function candidate(id: string, updated: string, profile: Partial<Profile>): Candidate {
  return { id, updated_at: updated, profile: { ...base, ...profile } } as Candidate;
}

// The older record has the email and a visa; the newer one a phone and another title.
const older = candidate("a", "2026-01-01T00:00:00Z", { email: "ana@old.example", current_title: "Nurse", custom_fields: { visa: "EU" } });
const newer = candidate("b", "2026-06-01T00:00:00Z", { phone: "+351 912 345 678", current_title: "Head nurse" });

describe("the merge dialog's choices", () => {
  it("lists the fields anyone has a value for, each with every candidate's value", () => {
    const rows = fieldRows([older, newer]);
    expect(rows.map((r) => r.key)).toEqual(["first_name", "last_name", "email", "phone", "current_title", "custom:visa"]);
    expect(rows.find((r) => r.key === "current_title")?.values.map((v) => v.value)).toEqual(["Nurse", "Head nurse"]);
  });

  it("picks the most recently updated candidate's value, or the one who has a value", () => {
    const rows = fieldRows([older, newer]);
    expect(defaultPicks([older, newer], rows)).toEqual({
      first_name: 1,
      last_name: 1,
      email: 0,
      phone: 1,
      current_title: 1,
      "custom:visa": 0,
    });
  });

  it("merges into the survivor with the values taken from the others as changes", () => {
    const rows = fieldRows([older, newer]);
    const picks = { ...defaultPicks([older, newer], rows), current_title: 0 };
    const m = mergeMutation([older, newer], 1, rows, picks);
    expect(m).toEqual({
      name: "candidate.merge",
      args: {
        survivor_id: "b",
        merged_ids: ["a"],
        changes: [
          { from: { field: "email", value: null }, to: { field: "email", value: "ana@old.example" } },
          { from: { field: "current_title", value: "Head nurse" }, to: { field: "current_title", value: "Nurse" } },
          { from: { field: "custom_field", value: { key: "visa", value: null } }, to: { field: "custom_field", value: { key: "visa", value: "EU" } } },
        ],
      },
    });
  });
});
