import { describe, expect, it } from "vitest";
import { addedOutcome } from "./outcomes";

describe("the outcome of adding people to a list", () => {
  it("counts the added, with one verb per number", () => {
    expect(addedOutcome(3, 3, "added to Backend (Contacted)", "in it")).toBe("3 candidates added to Backend (Contacted)");
    expect(addedOutcome(1, 1, "added to Backend (Contacted)", "in it")).toBe("1 candidate added to Backend (Contacted)");
    expect(addedOutcome(2, 3, "added to Backend (Contacted)", "in it")).toBe(
      "2 candidates added to Backend (Contacted); 1 candidate was in it already",
    );
    expect(addedOutcome(1, 1_201, "registered for Fair", "registered")).toBe(
      "1 candidate registered for Fair; 1,200 candidates were registered already",
    );
  });

  it("says nothing changed rather than '0 candidates added (Contacted)'", () => {
    expect(addedOutcome(0, 1, "added to Backend (Contacted)", "in it")).toBe("Nothing changed: the candidate was in it already");
    expect(addedOutcome(0, 4, "added to Backend (Contacted)", "in it")).toBe("Nothing changed: all 4 candidates were in it already");
  });
});
