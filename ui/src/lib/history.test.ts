import { describe, expect, it } from "vitest";
import type { HistoryEntry } from "./bindings/HistoryEntry";
import { changedProfile, historySummary } from "./history";

function entry(over: Partial<HistoryEntry>): HistoryEntry {
  return {
    id: 1,
    candidate_id: "c",
    action: "update",
    actor_email: "rita@acme.test",
    at: "2026-12-03T10:00:00Z",
    changes: [],
    summary: null,
    detail: null,
    ...over,
  };
}

describe("history entries", () => {
  it("read as what happened: the domain's words, or the fields an edit changed", () => {
    const tagged = entry({ action: "tags", summary: "Tagged python, fintech" });
    expect(historySummary(tagged)).toBe("Tagged python, fintech");
    const edit = entry({
      changes: [{ from: { field: "current_title", value: "Engineer" }, to: { field: "current_title", value: "Lead" } }],
    });
    expect(historySummary(edit)).toBe("Updated: current title");
    expect(historySummary(entry({ action: "insert" }))).toBe("Created");
  });

  it("offer the profile as it was only where the profile changed", () => {
    expect(changedProfile(entry({ action: "insert" }))).toBe(true);
    expect(changedProfile(entry({ action: "note", summary: "Note added" }))).toBe(false);
  });
});
