import { describe, expect, it } from "vitest";
import { emptyFilters, filterChips } from "../../filters";
import { facetChip, valueLabel, withFacet } from "./facets";

describe("insights facets", () => {
  it("names values as the window shows them", () => {
    expect(valueLabel("country", "PT")).toBe("Portugal");
    expect(valueLabel("city", "")).toBe("Unknown");
    expect(valueLabel("activity", "hired")).toBe("Hired");
    expect(valueLabel("source", "event_attendee")).toBe("Event Attendee");
    expect(valueLabel("years", "5-9")).toBe("5–9 years");
    expect(valueLabel("years", "20-")).toBe("20+ years");
    expect(valueLabel("company", "contoso", "Contoso")).toBe("Contoso");
  });

  it("adds a picked value once, a value picked again turning from shown to left out", () => {
    let f = withFacet(emptyFilters(), { facet: "country", value: "PT", exclude: false });
    f = withFacet(f, { facet: "skill", value: "Rust", exclude: false });
    f = withFacet(f, { facet: "country", value: "pt", exclude: true });
    expect(f.facets).toEqual([
      { facet: "skill", value: "Rust", exclude: false },
      { facet: "country", value: "pt", exclude: true },
    ]);
  });

  it("shows each picked value as a removable chip", () => {
    const f = withFacet(withFacet(emptyFilters(), { facet: "skill", value: "Rust", exclude: false }), {
      facet: "country",
      value: "DE",
      exclude: true,
    });
    expect(facetChip(f.facets[0])).toBe("Skills: Rust");
    const chips = filterChips(f, null);
    expect(chips.map((c) => c.label)).toEqual(["Skills: Rust", "Country: not Germany"]);
    expect(chips[0].without(f).facets).toEqual([{ facet: "country", value: "DE", exclude: true }]);
  });
});
