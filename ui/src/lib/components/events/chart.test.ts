import { describe, expect, it } from "vitest";
import { averageRating, fillBuckets, niceTop, ratingShares, timeChart } from "./chart";

describe("check-ins over time", () => {
  it("fills the quiet quarter hours between the first and the last check-in", () => {
    const filled = fillBuckets([
      ["2026-05-02T09:00:00Z", 4],
      ["2026-05-02T09:45:00Z", 2],
    ]);
    expect(filled.map((b) => b.count)).toEqual([4, 0, 0, 2]);
    expect(filled[1].at).toBe("2026-05-02T09:15:00.000Z");
  });

  it("puts a time inside a bucket at the bucket's start, and adds counts of one bucket", () => {
    const filled = fillBuckets([
      ["2026-05-02T09:07:00Z", 1],
      ["2026-05-02T09:14:59Z", 2],
    ]);
    expect(filled).toEqual([{ at: "2026-05-02T09:00:00.000Z", count: 3 }]);
  });

  it("rounds the axis up to 1, 2 or 5 times a power of ten", () => {
    expect([0, 1, 2, 3, 7, 10, 11, 48, 51, 120].map(niceTop)).toEqual([1, 1, 2, 5, 10, 10, 20, 50, 100, 200]);
  });

  it("draws the busiest bucket's bar near the full height, and quiet ones as nothing", () => {
    const chart = timeChart(
      [
        ["2026-05-02T09:00:00Z", 10],
        ["2026-05-02T09:30:00Z", 5],
      ],
      300,
      100,
    );
    expect(chart.top).toBe(10);
    expect(chart.bars.map((b) => b.height)).toEqual([100, 0, 50]);
    expect(chart.bars[2].y).toBe(50);
    expect(chart.bars[0].x).toBeGreaterThanOrEqual(0);
    const last = chart.bars[2];
    expect(last.x + last.width).toBeLessThanOrEqual(300);
  });

  it("labels at most the number of times asked for", () => {
    const points: [string, number][] = Array.from({ length: 32 }, (_, i) => [new Date(Date.UTC(2026, 4, 2, 9) + i * 900_000).toISOString(), 1]);
    const chart = timeChart(points, 320, 80, 6);
    expect(chart.bars).toHaveLength(32);
    expect(chart.labels.length).toBeLessThanOrEqual(6);
    expect(chart.labels[0].at).toBe(points[0][0]);
  });

  it("keeps the labels at the ends inside the plot", () => {
    const chart = timeChart(
      [
        ["2026-05-02T09:00:00Z", 1],
        ["2026-05-02T09:15:00Z", 1],
      ],
      40,
      80,
    );
    expect(chart.labels.map((l) => l.anchor)).toEqual(["start", "end"]);
    const wide = timeChart([["2026-05-02T09:00:00Z", 1]], 300, 80);
    expect(wide.labels[0].anchor).toBe("middle");
  });

  it("has nothing to draw before anyone checked in", () => {
    expect(timeChart([], 300, 100)).toEqual({ bars: [], top: 1, labels: [] });
  });
});

describe("ratings", () => {
  it("gives each star count its share", () => {
    expect(ratingShares([0, 1, 1, 2, 0]).map((s) => s.percent)).toEqual([0, 25, 25, 50, 0]);
    expect(ratingShares([0, 0, 0, 0, 0]).every((s) => s.percent === 0)).toBe(true);
  });

  it("averages to one decimal, or says there is nothing to average", () => {
    expect(averageRating([0, 0, 1, 0, 2])).toBe(4.3);
    expect(averageRating([0, 0, 0, 0, 0])).toBeNull();
  });
});
