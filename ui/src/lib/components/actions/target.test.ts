import { describe, expect, it } from "vitest";
import { startingJob } from "./target";

const open = [{ id: "designer" }, { id: "engineer" }, { id: "nurse" }];

describe("the job an Invite to Apply starts on", () => {
  it("is the job whose candidates the action came from", () => {
    expect(startingJob(open, "engineer")).toBe("engineer");
  });

  it("is the first open job when the action came from elsewhere", () => {
    expect(startingJob(open)).toBe("designer");
  });

  it("is the first open job when the job it came from is not offered (closed meanwhile)", () => {
    expect(startingJob(open, "closed")).toBe("designer");
  });

  it("is none when no job is open", () => {
    expect(startingJob([], "engineer")).toBe("");
  });
});
