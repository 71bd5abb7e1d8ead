import { describe, expect, it } from "vitest";
import { ago, timeLeft } from "./sync.svelte";

describe("sync wording", () => {
  it("says how long ago in the unit that reads best", () => {
    const now = Date.parse("2026-12-01T12:00:00Z");
    expect(ago("2026-12-01T11:59:48Z", now)).toBe("12 s");
    expect(ago("2026-12-01T11:57:00Z", now)).toBe("3 min");
    expect(ago("2026-12-01T09:00:00Z", now)).toBe("3 h");
  });
  it("gives the time left in seconds, then minutes, and nothing without a pace", () => {
    expect(timeLeft(40_200)).toBe("about 41 s left");
    expect(timeLeft(600_000)).toBe("about 10 min left");
    expect(timeLeft(null)).toBe("");
  });
});
