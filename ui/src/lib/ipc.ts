// The one way into the Tauri commands: `call` invokes one and turns any rejection into a
// CommandError whose message a recruiter can read. The typed calls (bindings/commands.ts,
// generated from the Rust commands) go through it; so nothing here may import them.
import { invoke } from "@tauri-apps/api/core";
import type { AppError } from "./bindings/AppError";
import type { DomainError } from "./bindings/DomainError";

/** A failed command: the message says what happened in words a recruiter understands. */
export class CommandError extends Error {
  constructor(readonly error: AppError) {
    super(describe(error));
  }
}

export function describe(error: AppError): string {
  if (error.type === "storage") return error.error.message;
  // A rule this version of the window does not know yet still says which.
  return describeRule(error.error) ?? `refused (${error.error.kind})`;
}

/** A domain rule's refusal in words. */
export function describeRule(rule: DomainError): string {
  switch (rule.kind) {
    case "invalid":
      // "selection" names no field the user sees: the reason says whom it is about.
      return rule.field === "selection" ? rule.reason : `${rule.field}: ${rule.reason}`;
    case "forbidden":
      return rule.reason;
    case "over_bulk_limit":
      return `${rule.action} works on at most ${rule.limit} candidates at once; ${rule.requested} are selected`;
    case "not_found":
      return rule.what === "candidate"
        ? "This candidate no longer exists: they were deleted, here or by a teammate"
        : `${rule.what} ${rule.id} does not exist`;
    case "query":
      return `${rule.message} (at character ${rule.position})`;
  }
}

/**
 * Any rejection of a command as an AppError. The commands' own failures arrive as one; Tauri's
 * (a command not found, an argument missing or of the wrong type) arrive as plain strings, and
 * a broken bridge may reject with anything. Each keeps its words.
 */
export function asAppError(rejection: unknown): AppError {
  if (isAppError(rejection)) return rejection;
  return { type: "storage", error: { message: inWords(rejection) } };
}

function isAppError(value: unknown): value is AppError {
  if (typeof value !== "object" || value === null) return false;
  const { type, error } = value as { type?: unknown; error?: unknown };
  if (typeof error !== "object" || error === null) return false;
  if (type === "storage") return typeof (error as { message?: unknown }).message === "string";
  return type === "rule" && typeof (error as { kind?: unknown }).kind === "string";
}

function inWords(rejection: unknown): string {
  if (typeof rejection === "string") return rejection;
  if (rejection instanceof Error) return rejection.message;
  if (rejection === undefined || rejection === null) return "the command failed without saying why";
  try {
    return JSON.stringify(rejection) ?? String(rejection);
  } catch {
    return String(rejection);
  }
}

/** Runs a command by name; only the generated calls use it (their names and keys are checked). */
export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw new CommandError(asAppError(e));
  }
}
