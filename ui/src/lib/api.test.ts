import { describe, expect, it, vi } from "vitest";

// The window's command bridge does not exist under Node: it rejects here the way Tauri itself
// does when a command is unknown (a plain string, not an AppError).
vi.mock("@tauri-apps/api/core", () => ({
  invoke: vi.fn(async (command: string) => {
    throw `command ${command} not found`;
  }),
}));

const { CommandError, api, asAppError, describeRule, failureText } = await import("./api");

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

describe("asAppError", () => {
  it("keeps the commands' own errors as they are", () => {
    const storage = { type: "storage", error: { message: "the store is busy" } } as const;
    expect(asAppError(storage)).toBe(storage);
    const rule = { type: "rule", error: { kind: "forbidden", reason: "admins only" } } as const;
    expect(new CommandError(asAppError(rule)).message).toBe("admins only");
  });

  it("keeps the words of Tauri's own string errors", async () => {
    await expect(api.appInfo()).rejects.toThrow("command app_info not found");
    const missing = "invalid args `server` for command `sign_in`: command sign_in missing required key server";
    expect(new CommandError(asAppError(missing)).message).toBe(missing);
    expect(new CommandError(asAppError("command nope not found")).message).toBe("command nope not found");
  });

  it("says something readable for anything else", () => {
    expect(new CommandError(asAppError(new TypeError("bridge gone"))).message).toBe("bridge gone");
    expect(new CommandError(asAppError(undefined)).message).toBe("the command failed without saying why");
    expect(new CommandError(asAppError({ code: 7 })).message).toBe('{"code":7}');
    // Shaped almost like an AppError, but not one: shown as it came, not half-read.
    expect(new CommandError(asAppError({ type: "storage", error: "x" })).message).toBe(
      '{"type":"storage","error":"x"}',
    );
    expect(new CommandError(asAppError(42)).message).toBe("42");
  });
});
