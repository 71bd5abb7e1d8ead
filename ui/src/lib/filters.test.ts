import { describe, expect, it } from "vitest";
import { activeFilterCount, emptyFilters, toggled } from "./filters";

describe("filters", () => {
  it("counts nothing when empty, and each filter in use once", () => {
    expect(activeFilterCount(emptyFilters())).toBe(0);
    const f = emptyFilters();
    f.activity = ["reviewed", "contacted"];
    f.location = "  ";
    f.created.from = "2025-01-01";
    f.eligible = false;
    expect(activeFilterCount(f)).toBe(3);
  });

  it("toggles values in a list filter without duplicates", () => {
    expect(toggled(["a"], "b", true)).toEqual(["a", "b"]);
    expect(toggled(["a", "b"], "b", true)).toEqual(["a", "b"]);
    expect(toggled(["a", "b"], "a", false)).toEqual(["b"]);
  });
});
