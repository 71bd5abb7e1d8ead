import { describe, expect, it } from "vitest";
import { addedOutcome, type AddedWords } from "./outcomes";

const pipeline: AddedWords = { all: "actions.pipeline_added", none: "actions.pipeline_none_added", some: "actions.pipeline_some_added" };
const event: AddedWords = { all: "actions.event_registered", none: "actions.event_none_registered", some: "actions.event_some_registered" };
const backend = { list: "Backend (Contacted)" };

describe("the outcome of adding people to a list", () => {
  it("counts the added, with one verb per number", () => {
    expect(addedOutcome(3, 3, pipeline, backend)).toBe("3 candidates added to Backend (Contacted)");
    expect(addedOutcome(1, 1, pipeline, backend)).toBe("1 candidate added to Backend (Contacted)");
    expect(addedOutcome(2, 3, pipeline, backend)).toBe("2 candidates added to Backend (Contacted); 1 candidate was in it already");
    expect(addedOutcome(1, 1_201, event, { event: "Fair" })).toBe(
      "1 candidate registered for Fair; 1,200 candidates were registered already",
    );
  });

  it("says nothing changed rather than '0 candidates added (Contacted)'", () => {
    expect(addedOutcome(0, 1, pipeline, backend)).toBe("Nothing changed: the candidate was in it already");
    expect(addedOutcome(0, 4, pipeline, backend)).toBe("Nothing changed: all 4 candidates were in it already");
  });
});
