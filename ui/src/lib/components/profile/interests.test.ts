import { describe, expect, it } from "vitest";
import { pickable } from "./interests";

describe("the areas of interest Edit Profile offers", () => {
  it("lists the organisation's areas, then the candidate's that are no longer on the list", () => {
    expect(pickable(["Data", "Design"], ["data", "Sales"])).toEqual([
      { area: "Data", unlisted: false },
      { area: "Design", unlisted: false },
      { area: "Sales", unlisted: true },
    ]);
  });

  it("offers the candidate's own areas when the list could not be read", () => {
    expect(pickable([], ["Sales"])).toEqual([{ area: "Sales", unlisted: true }]);
  });
});
