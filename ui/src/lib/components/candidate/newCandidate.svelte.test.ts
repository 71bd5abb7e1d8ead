import { describe, expect, it } from "vitest";
import { newCandidate } from "./newCandidate.svelte";

describe("newCandidate", () => {
  it("keeps the form's content when it is left to look at a duplicate, and drops it on cancel", () => {
    newCandidate.start();
    newCandidate.draft!.profile!.first_name = "Ada";
    newCandidate.close(true);
    expect(newCandidate.open).toBe(false);

    newCandidate.start();
    expect(newCandidate.open).toBe(true);
    expect(newCandidate.draft?.profile?.first_name).toBe("Ada");

    newCandidate.close();
    newCandidate.start();
    expect(newCandidate.draft?.profile?.first_name).toBe("");
    newCandidate.close();
  });

  it("starts afresh from a resume, waiting for its reading", () => {
    newCandidate.start();
    newCandidate.draft!.profile!.first_name = "Ada";
    newCandidate.close(true);
    newCandidate.start("/tmp/cv.pdf");
    expect(newCandidate.draft).toMatchObject({ resume: "/tmp/cv.pdf", profile: null, tags: [], documents: [] });
    newCandidate.close();
    expect(newCandidate.draft).toBeNull();
  });
});
