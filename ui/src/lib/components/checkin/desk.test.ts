import { describe, expect, it } from "vitest";
import { type CheckedIn, RECENT, clock, codeMissText, forgotten, moved, remembered, typedIdentity, whenAndWho } from "./desk";

const person = (n: number): CheckedIn => ({
  candidate_id: `id-${n}`,
  full_name: `Person ${n}`,
  employer_or_school: "",
  at: "2026-04-03T10:00:00Z",
  walk_in: false,
});

describe("the check-in desk", () => {
  it("keeps the highlight inside the matches", () => {
    expect(moved(0, 5, 1)).toBe(1);
    expect(moved(4, 5, 1)).toBe(4);
    expect(moved(0, 5, -1)).toBe(0);
    expect(moved(3, 0, 1)).toBe(-1);
  });

  it("keeps the last ten check-ins, newest first, each person once", () => {
    let recent: CheckedIn[] = [];
    for (let n = 1; n <= 12; n++) recent = remembered(recent, person(n));
    expect(recent).toHaveLength(RECENT);
    expect(recent[0].candidate_id).toBe("id-12");
    expect(recent.at(-1)?.candidate_id).toBe("id-3");
    recent = remembered(recent, { ...person(5), at: "2026-04-03T11:00:00Z" });
    expect(recent.filter((r) => r.candidate_id === "id-5")).toHaveLength(1);
    expect(recent[0].at).toBe("2026-04-03T11:00:00Z");
    expect(forgotten(recent, "id-5").map((r) => r.candidate_id)).not.toContain("id-5");
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

  it("turns what was typed into a walk-in's first fields", () => {
    expect(typedIdentity("  Ana  Maria Souza ")).toEqual({ first_name: "Ana", last_name: "Maria Souza", email: "", phone: "" });
    expect(typedIdentity("ana@example.org").email).toBe("ana@example.org");
    expect(typedIdentity("+351 912 345 678").phone).toBe("+351 912 345 678");
    expect(typedIdentity("Nguyễn").first_name).toBe("Nguyễn");
  });
});
