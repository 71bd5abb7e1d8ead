import { describe, expect, it, vi } from "vitest";

// The window's command bridge does not exist under Node: it rejects here the way Tauri itself
// does when a command is unknown (a plain string, not an AppError).
vi.mock("@tauri-apps/api/core", () => ({
  invoke: vi.fn(async (command: string) => {
    throw `command ${command} not found`;
  }),
}));

const { invoke } = await import("@tauri-apps/api/core");
const { CommandError, api, asAppError, describeRule, failureText } = await import("./api");
const { doorApi } = await import("./components/checkin/api");
const { eventsApi } = await import("./components/events/api");

describe("the calls", () => {
  it("name the Rust command and send its arguments under Tauri's camelCase keys", async () => {
    const sent = async (run: () => Promise<unknown>) => {
      vi.mocked(invoke).mockClear().mockResolvedValueOnce(undefined);
      await run();
      return vi.mocked(invoke).mock.calls[0];
    };
    expect(await sent(() => api.pipelineMembers("p", true, 40, 20))).toEqual([
      "pipeline_members",
      { pipeline: "p", reviewed: true, offset: 40, limit: 20 },
    ]);
    expect(await sent(() => eventsApi.attendeeIds("e", 4))).toEqual(["event_attendee_ids", { event: "e", minRating: 4 }]);
    expect(await sent(() => api.chooseSavePath("Save", "/tmp/a.csv"))).toEqual([
      "choose_save_path",
      { title: "Save", suggested: "/tmp/a.csv", extension: null },
    ]);
    expect(await sent(() => api.appInfo())).toEqual(["app_info", undefined]);
    const walkIn = { profile: {}, interests: [], consent: true } as never;
    expect(await sent(() => doorApi.walkIn("e", walkIn))).toEqual(["walk_in", { event: "e", walkIn }]);
  });
});

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
