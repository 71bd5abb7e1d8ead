import { describe, expect, it } from "vitest";
import { type Answer, Lookup } from "./lookup";

/** A lookup whose answers arrive only when the test releases them, in any order. */
function controlled() {
  const pending: { query: string; answer: (r: string[]) => void; refuse: (e: unknown) => void }[] = [];
  const shown: Answer<string>[] = [];
  const failures: unknown[] = [];
  const lookup = new Lookup<string>(
    (query) => new Promise((answer, refuse) => pending.push({ query, answer, refuse })),
    (a) => shown.push(a),
    (e) => failures.push(e),
  );
  const tick = () => new Promise((r) => setTimeout(r, 0));
  return { lookup, pending, shown, failures, tick };
}

describe("lookup as you type", () => {
  it("runs one lookup at a time and then the latest input, skipping those typed over", async () => {
    const { lookup, pending, shown, tick } = controlled();
    lookup.type("a");
    lookup.type("an");
    lookup.type("ana");
    expect(pending.map((p) => p.query)).toEqual(["a"]);
    pending[0].answer(["Ana", "Anders"]);
    await tick();
    expect(pending.map((p) => p.query)).toEqual(["a", "ana"]);
    pending[1].answer(["Ana"]);
    await tick();
    expect(shown).toEqual([
      { query: "a", results: ["Ana", "Anders"] },
      { query: "ana", results: ["Ana"] },
    ]);
  });

  it("looks up text typed just after the last answer, before that lookup has wound up", async () => {
    const pending: { query: string; answer: (r: string[]) => void }[] = [];
    const shown: Answer<string>[] = [];
    const lookup: Lookup<string> = new Lookup<string>(
      (query) => new Promise((answer) => pending.push({ query, answer })),
      (a) => {
        shown.push(a);
        // A keystroke lands in the moment between the answer shown and the lookup's end.
        if (a.query === "m") queueMicrotask(() => lookup.type("mi"));
      },
      () => {},
    );
    const tick = () => new Promise((r) => setTimeout(r, 0));
    lookup.type("m");
    pending[0].answer(["Mia", "Milo"]);
    await tick();
    expect(pending.map((p) => p.query)).toEqual(["m", "mi"]);
    pending[1].answer(["Milo"]);
    await tick();
    expect(shown.at(-1)).toEqual({ query: "mi", results: ["Milo"] });
  });

  it("answers an empty box with nobody, without looking", async () => {
    const { lookup, pending, shown, tick } = controlled();
    lookup.type("   ");
    await tick();
    expect(pending).toEqual([]);
    expect(shown).toEqual([{ query: "   ", results: [] }]);
  });

  it("reports a failed lookup, and looks again at the next keystroke", async () => {
    const { lookup, pending, shown, failures, tick } = controlled();
    lookup.type("x");
    pending[0].refuse(new Error("store busy"));
    await tick();
    expect(failures).toHaveLength(1);
    expect(shown).toEqual([]);
    lookup.type("xy");
    await tick();
    expect(pending.map((p) => p.query)).toEqual(["x", "xy"]);
  });
});
