import { describe, expect, it } from "vitest";
import { formatCount } from "./format";
import { outcomeText, secondsLeft } from "./runs.svelte";

const progress = (done: number, total: number, end: unknown) => ({ done, total, affected: done, end }) as never;

describe("outcomeText", () => {
  it("words a finished run as the caller says", () => {
    expect(outcomeText(progress(3, 3, { kind: "finished" }), (p) => `Tagged ${p.done}`)).toEqual({
      text: "Tagged 3",
      failed: false,
    });
  });

  it("says how much a cancelled or failed run left done", () => {
    expect(outcomeText(progress(40000, 100000, { kind: "cancelled" }), () => "")).toEqual({
      text: `Cancelled: ${formatCount(40000)} of ${formatCount(100000)} were done and stay done.`,
      failed: false,
    });
    const failed = { kind: "failed", error: { type: "rule", error: { kind: "not_found", what: "pipeline", id: "x" } } };
    expect(outcomeText(progress(1000, 2500, failed), () => "").text).toBe(
      `Stopped: pipeline x does not exist. ${formatCount(1000)} of ${formatCount(2500)} were done and stay done.`,
    );
    expect(outcomeText(progress(1, 5, { kind: "cancelled" }), () => "").text).toBe("Cancelled: 1 of 5 was done and stays done.");
  });
});

describe("secondsLeft", () => {
  it("goes by the rate so far", () => {
    const run = { id: "r", label: "", startedAt: 0, progress: progress(25, 100, null) };
    expect(secondsLeft(run, 10_000)).toBe(30);
    expect(secondsLeft({ ...run, progress: progress(0, 100, null) }, 10_000)).toBeNull();
  });
});
