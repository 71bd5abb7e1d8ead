import { afterEach, describe, expect, it } from "vitest";
import type { HistoryEntry } from "./bindings/HistoryEntry";
import { changedProfile, historySummary } from "./history";
import { setLocale } from "./i18n";

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
  afterEach(() => setLocale("en"));

  it("read as what happened, made from the entry's detail in the window's language", () => {
    const tagged = entry({ action: "tags", summary: "Tagged python, fintech", detail: { kind: "tagged", tags: ["python", "fintech"] } });
    expect(historySummary(tagged)).toBe("Tagged python and fintech");
    const moved = entry({ action: "pipeline", detail: { kind: "pipeline_moved", pipeline: "Backend", from: "New", to: "Called" } });
    expect(historySummary(moved)).toBe("Moved in Backend: New → Called");
    const reviewed = entry({ action: "status", detail: { kind: "reviewed", from: "unreviewed", to: "reviewed" } });
    expect(historySummary(reviewed)).toBe("Reviewed: Unreviewed → Reviewed");
    const note = entry({ action: "note", detail: { kind: "note_deleted", private: true } });
    expect(historySummary(note)).toBe("Private note deleted");
    const invite = entry({ action: "message", detail: { kind: "message_queued", channel: "email", message_kind: "invite_to_apply", job: "SRE" } });
    expect(historySummary(invite)).toBe("Invited to apply to SRE");

    setLocale("de-DE");
    expect(historySummary(tagged)).toBe("Getaggt: python und fintech");
    expect(historySummary(reviewed)).toBe("Gesichtet: Ungeprüft → Geprüft");
    expect(historySummary(note)).toBe("Private Notiz gelöscht");
  });

  it("name the fields an edit changed, translated", () => {
    const edit = entry({
      changes: [
        { from: { field: "current_title", value: "Engineer" }, to: { field: "current_title", value: "Lead" } },
        { from: { field: "skills", value: [] }, to: { field: "skills", value: ["Go"] } },
      ],
    });
    expect(historySummary(edit)).toBe("Updated: Current title and Skills");
    expect(historySummary(entry({ action: "insert" }))).toBe("Created");
    setLocale("de-DE");
    expect(historySummary({ ...edit, action: "conflicting_update" })).toMatch(/^Über die Änderung eines Teammitglieds hinweg geändert: Aktuelle Position und Fähigkeiten$/);
  });

  it("say what happened at an event, and keep the domain's words for an entry stored without a detail", () => {
    const kiosk = entry({ action: "event", detail: { kind: "checked_in", event: "Spring Fair", kiosk: true } });
    expect(historySummary(kiosk)).toBe("Checked in at Spring Fair (self check-in at the kiosk)");
    const rated = entry({ action: "event", detail: { kind: "rated", event: "Spring Fair", rating: 4 } });
    setLocale("de-DE");
    expect(historySummary(kiosk)).toBe("Bei Spring Fair eingecheckt (selbst am Kiosk)");
    expect(historySummary(rated)).toBe("Bei Spring Fair mit 4 von 5 bewertet");
    expect(historySummary(entry({ action: "event", summary: "Checked in at Spring Fair" }))).toBe("Checked in at Spring Fair");
  });

  it("name the duplicates a merge took, and its undo, in the window's language", () => {
    const merged = entry({ detail: { kind: "merged", candidates: ["a", "b"], names: ["Ana Souza", "A. Souza"] } });
    expect(historySummary(merged)).toBe("Merged with Ana Souza and A. Souza");
    const undone = entry({ detail: { kind: "merge_undone", names: ["Ana Souza"] } });
    expect(historySummary(undone)).toBe("Merge with Ana Souza undone");
    setLocale("de-DE");
    expect(historySummary(merged)).toBe("Zusammengeführt mit Ana Souza und A. Souza");
    expect(historySummary(undone)).toBe("Zusammenführung mit Ana Souza rückgängig gemacht");
  });

  it("say in the window's language that a change aimed at a merged duplicate landed here", () => {
    const redirected = entry({
      detail: { kind: "change_redirected", mutation: "candidate.update" },
      summary: "candidate.update made to a candidate since merged into this one was applied here",
    });
    expect(historySummary(redirected)).toBe("A change made to a candidate since merged into this one was applied here");
    setLocale("de-DE");
    expect(historySummary(redirected)).toBe("Eine Änderung an jemandem, der inzwischen hier zusammengeführt wurde, wurde hier übernommen");
  });

  it("offer the profile as it was only where the profile changed", () => {
    expect(changedProfile(entry({ action: "insert" }))).toBe(true);
    expect(changedProfile(entry({ action: "note", summary: "Note added" }))).toBe(false);
  });
});
