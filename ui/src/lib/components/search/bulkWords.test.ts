import { describe, expect, it } from "vitest";
import { formatCount } from "../../format";
import { CONFIRM_OVER, confirmQuestion } from "./bulkWords";

describe("confirmQuestion", () => {
  it("asks with the count and the action in words over the threshold", () => {
    expect(confirmQuestion("manage_tags", 91164)).toBe(`Tag or untag ${formatCount(91164)} candidates?`);
    expect(confirmQuestion("add_pipeline", 5000)).toBe(`Add ${formatCount(5000)} candidates to a pipeline?`);
  });
  it("does not ask up to the threshold", () => {
    expect(confirmQuestion("manage_tags", CONFIRM_OVER)).toBeNull();
    expect(confirmQuestion("export", 12)).toBeNull();
  });
});
