import { describe, expect, it } from "vitest";
import type { Candidate } from "../../bindings/Candidate";
import type { Profile } from "../../bindings/Profile";
import { emptyProfile } from "../checkin/walkin";
import { defaultPicks, fieldRows, MERGE_AT_MOST, mergedIndexes, mergeMutation, repick } from "./merge";

const base: Profile = { ...emptyProfile(), first_name: "Ana", last_name: "Souza" };

function candidate(id: string, updated: string, profile: Partial<Profile>): Candidate {
  return { id, updated_at: updated, profile: { ...base, ...profile } } as Candidate;
}

// The older record has the email and a visa; the newer one a phone and another title.
const older = candidate("a", "2026-01-01T00:00:00Z", { email: "ana@old.example", current_title: "Nurse", custom_fields: { visa: "EU" } });
const newer = candidate("b", "2026-06-01T00:00:00Z", { phone: "+351 912 345 678", current_title: "Head nurse", interests: ["Data"] });

describe("the merge dialog's choices", () => {
  it("lists the fields anyone has a value for, each with every candidate's value (areas of interest are kept together)", () => {
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

  // A third record joined through a shared office phone: a different person.
  const colleague = candidate("c", "2026-09-01T00:00:00Z", { first_name: "Bea", phone: "+351 212 000 000", current_title: "Receptionist" });

  it("leaves a wrongly joined member out of the merge and out of the picked values", () => {
    const all = [older, newer, colleague];
    const rows = fieldRows(all);
    const leftOut = new Set([2]);
    expect(defaultPicks(all, rows).current_title).toBe(2);
    const picks = repick(all, rows, defaultPicks(all, rows), leftOut);
    expect(picks.current_title).toBe(1);
    expect(picks.first_name).toBe(1);
    const m = mergeMutation(all, 1, rows, defaultPicks(all, rows), leftOut);
    expect(m.args).toMatchObject({ survivor_id: "b", merged_ids: ["a"] });
    expect(JSON.stringify(m)).not.toContain("Receptionist");
  });

  it("counts who would be merged so a group over the limit can be cut down before Merge", () => {
    const count = MERGE_AT_MOST + 3;
    expect(mergedIndexes(count, 0, new Set())).toHaveLength(MERGE_AT_MOST + 2);
    expect(mergedIndexes(count, 0, new Set([3, 7]))).toHaveLength(MERGE_AT_MOST);
    expect(mergedIndexes(4, 2, new Set([0]))).toEqual([1, 3]);
  });
});
