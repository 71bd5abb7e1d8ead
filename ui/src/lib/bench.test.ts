import { describe, expect, it } from "vitest";
import { stats } from "./bench";

describe("bench stats", () => {
  it("takes nearest-rank percentiles", () => {
    const d = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(stats(d)).toEqual({ p50_ms: 10, p95_ms: 19, max_ms: 20 });
    expect(stats([7.26])).toEqual({ p50_ms: 7.3, p95_ms: 7.3, max_ms: 7.3 });
  });
});
