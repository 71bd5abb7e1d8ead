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

  it("lets Enter wait for the answer to exactly what is in the box", async () => {
    const { lookup, pending, tick } = controlled();
    lookup.type("so");
    lookup.type("sou");
    const settled = lookup.settled();
    pending[0].answer(["Sofia", "Souza"]);
    await tick();
    pending[1].answer(["Souza"]);
    expect(await settled).toEqual({ query: "sou", results: ["Souza"] });
  });

  it("answers an empty box with nobody, without looking", async () => {
    const { lookup, pending, shown } = controlled();
    lookup.type("   ");
    expect(await lookup.settled()).toEqual({ query: "   ", results: [] });
    expect(pending).toEqual([]);
    expect(shown).toEqual([{ query: "   ", results: [] }]);
  });

  it("reports a failed lookup, settles on nothing, and looks again at the next keystroke", async () => {
    const { lookup, pending, failures, tick } = controlled();
    lookup.type("x");
    const settled = lookup.settled();
    pending[0].refuse(new Error("store busy"));
    expect(await settled).toBeNull();
    expect(failures).toHaveLength(1);
    lookup.type("xy");
    await tick();
    expect(pending.map((p) => p.query)).toEqual(["x", "xy"]);
  });
});
