import { describe, expect, it } from "vitest";
import { goneWords } from "./gone";

describe("a saved search's filters that are gone", () => {
  it("says nothing when nothing is gone", () => {
    expect(goneWords({ tags: [], pipeline: false, event: false, job: false, recruiter: false })).toBe("");
  });

  it("names each gone tag and says which lists are gone", () => {
    const words = goneWords({ tags: ["Veteran"], pipeline: true, event: false, job: true, recruiter: false });
    expect(words).toBe('tag "Veteran", its pipeline, its job');
  });
});
