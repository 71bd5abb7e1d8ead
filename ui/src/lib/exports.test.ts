import { describe, expect, it } from "vitest";
import { exportFileName } from "./exports";

describe("exportFileName", () => {
  it("names a profile export after the person and a bulk one after the day, safely", () => {
    const day = new Date("2026-12-02T10:00:00Z");
    expect(exportFileName("Ana Souza", "txt", day)).toBe("Ana Souza profile.txt");
    expect(exportFileName(null, "csv", day)).toBe("candidates 2026-12-02.csv");
    expect(exportFileName("A/B: \"C\"", "csv", day)).toBe("A_B_ _C_ profile.csv");
  });
});
