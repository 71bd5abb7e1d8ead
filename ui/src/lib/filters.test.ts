import { describe, expect, it } from "vitest";
import { activeFilterCount, emptyFilters, filterChips, interestPicked, interestsAskedFor, toggled, withInterest } from "./filters";
import { selectionLabel } from "./components/actions/target";

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

  it("shows each filter in use as a chip that removes just that filter", () => {
    const f = emptyFilters();
    f.activity = ["contacted"];
    f.engagements_none = ["recruiter_reviewed"];
    f.tags = ["Veteran", "Referral"];
    f.pipeline = { pipeline_id: "p1", status: "Screened" };
    f.eligible = false;
    const choices = { tags: [], pipelines: [{ id: "p1", name: "Nurses", statuses: [], owner_id: null, private: false, archived: false }], events: [], jobs: [], recruiters: [], hiring_statuses: [], interests: [] };
    const chips = filterChips(f, choices);
    expect(chips.map((c) => c.label)).toEqual([
      "Activity: Contacted",
      "Without: Recruiter Reviewed",
      "Tag: Veteran",
      "Tag: Referral",
      "Pipeline: Nurses · Screened",
      "Ineligible",
    ]);
    const fewer = chips.find((c) => c.label === "Tag: Veteran")!.without(f);
    expect(fewer.tags).toEqual(["Referral"]);
    expect(f.tags).toEqual(["Veteran", "Referral"]);
    expect(activeFilterCount(chips.reduce((g, c) => c.without(g), f))).toBe(0);
    expect(filterChips(emptyFilters(), null)).toEqual([]);
  });

  it("counts a years range once and its chip takes both ends away", () => {
    const f = emptyFilters();
    f.experience = { min: 3, max: null };
    expect(activeFilterCount(f)).toBe(1);
    const [chip] = filterChips(f, null);
    expect(chip.label).toBe("Experience: 3 – … years");
    expect(chip.without(f).experience).toEqual({ min: null, max: null });
  });

  it("asks for those interested in any area ticked, one chip each, and the dialog says so", () => {
    let f = withInterest(emptyFilters(), "Data", true);
    f = withInterest(f, "Design", true);
    expect(interestsAskedFor(f)).toEqual(["Data", "Design"]);
    expect(interestPicked(f, "data")).toBe(true);
    expect(filterChips(f, null).map((c) => c.label)).toEqual(["Areas of interest: Data", "Areas of interest: Design"]);
    expect(selectionLabel(f, 12)).toBe("12 candidates interested in Data or Design");
    expect(selectionLabel(null, 12)).toBe("12 candidates");
    f = withInterest(f, "Data", false);
    expect(interestsAskedFor(f)).toEqual(["Design"]);
    expect(selectionLabel(f, 1)).toBe("1 candidate interested in Design");
  });
});
