import { describe, expect, it } from "vitest";
import type { CheckInMatch } from "../../bindings/CheckInMatch";
import { clock, codeMissText, moved, outcomeWords, typedIdentity, whenAndWho } from "./desk";

const ana: CheckInMatch = {
  candidate_id: "id-1",
  full_name: "Ana Souza",
  email: "ana@example.org",
  phone: null,
  employer_or_school: "Universidade de Lisboa",
  registered: true,
  attended: true,
  checked_in_at: new Date("2026-04-03T10:42:00").toISOString(),
  checked_in_by: "sam@example.org",
  walk_in: false,
};

describe("the check-in desk", () => {
  it("keeps the highlight inside the matches", () => {
    expect(moved(0, 5, 1)).toBe(1);
    expect(moved(4, 5, 1)).toBe(4);
    expect(moved(0, 5, -1)).toBe(0);
    expect(moved(3, 0, 1)).toBe(-1);
  });

  it("says when and by whom, with 'you' for the one looking", () => {
    const now = new Date("2026-04-03T12:00:00");
    const at = new Date("2026-04-03T10:42:00").toISOString();
    expect(whenAndWho(at, "sam@example.org", "ana@example.org", now)).toMatch(/^at 10.42.* by sam@example\.org$/);
    expect(whenAndWho(at, "Ana@Example.org", "ana@example.org", now)).toMatch(/by you$/);
    expect(whenAndWho(null, null, null, now)).toBe("");
  });

  it("adds the date to a check-in from another day", () => {
    const now = new Date("2026-04-04T09:00:00");
    expect(clock(new Date("2026-04-03T10:42:00").toISOString(), now)).toMatch(/Apr 3, 10.42/);
    expect(clock("garbage", now)).toBe("");
  });

  it("words a code that found nobody here, saying nobody was checked in", () => {
    expect(codeMissText({ kind: "other_event", event_name: "Autumn Fair" })).toContain("another event (Autumn Fair)");
    expect(codeMissText({ kind: "unknown" })).toContain("Nobody was checked in");
  });

  it("says a check-in happened in words, and how the person came", () => {
    const done = outcomeWords({ kind: "checked_in", person: ana, note: null }, null);
    expect(done).toEqual({ tone: "good", head: "Checked in", name: "Ana Souza", detail: "Universidade de Lisboa · Registered" });
    const stranger = { ...ana, registered: false, employer_or_school: "" };
    expect(outcomeWords({ kind: "checked_in", person: stranger, note: null }, null).detail).toBe("Not registered: added to the list");
    const walkIn = { ...ana, walk_in: true };
    expect(outcomeWords({ kind: "checked_in", person: walkIn, note: null }, null).detail).toMatch(/Walk-in$/);
  });

  it("says someone already checked in was, when and by whom, and that nothing changed", () => {
    const again = outcomeWords({ kind: "already", person: ana }, "ana@example.org");
    expect(again.tone).toBe("warn");
    expect(again.detail).toMatch(/^Checked in at (Apr 3, )?10.42.* by sam@example\.org\. Nothing changed\.$/);
  });

  it("turns what was typed into a walk-in's first fields", () => {
    expect(typedIdentity("  Ana  Maria Souza ")).toEqual({ first_name: "Ana", last_name: "Maria Souza", email: "", phone: "" });
    expect(typedIdentity("ana@example.org").email).toBe("ana@example.org");
    expect(typedIdentity("+351 912 345 678").phone).toBe("+351 912 345 678");
    expect(typedIdentity("Nguyễn").first_name).toBe("Nguyễn");
  });
});
