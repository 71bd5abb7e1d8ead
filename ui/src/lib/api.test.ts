import { describe, expect, it } from "vitest";
import { CommandError, describeRule, failureText } from "./api";

describe("describeRule", () => {
  it("names the field of a refused value, but not the selection", () => {
    expect(describeRule({ kind: "invalid", field: "email", reason: '"x" has no @' })).toBe('email: "x" has no @');
    expect(describeRule({ kind: "invalid", field: "selection", reason: "Ana Souza has no email address" })).toBe(
      "Ana Souza has no email address",
    );
  });

  it("says a deleted candidate is gone instead of quoting an id", () => {
    expect(describeRule({ kind: "not_found", what: "candidate", id: "0190-…" })).toBe(
      "This candidate no longer exists: they were deleted, here or by a teammate",
    );
    expect(describeRule({ kind: "not_found", what: "job", id: "7" })).toBe("job 7 does not exist");
  });
});

describe("failureText", () => {
  it("shows a failure's message without the word Error in front", () => {
    expect(failureText(new Error("the file is not a PDF inside"))).toBe("the file is not a PDF inside");
    const refused = new CommandError({ type: "storage", error: { message: "the store is busy" } });
    expect(failureText(refused)).toBe("the store is busy");
    expect(failureText("plain text")).toBe("plain text");
  });
});
