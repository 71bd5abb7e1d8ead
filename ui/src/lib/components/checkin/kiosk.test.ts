import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { IdleClock, blockedKey, doneText, pinProblem } from "./kiosk";

describe("kiosk mode", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("takes a PIN of 4 to 8 digits, typed the same twice", () => {
    expect(pinProblem("1234", "1234")).toBeNull();
    expect(pinProblem("12345678", "12345678")).toBeNull();
    expect(pinProblem("123", "123")).toMatch(/4 to 8 digits/);
    expect(pinProblem("12a4", "12a4")).toMatch(/4 to 8 digits/);
    expect(pinProblem("1234", "1243")).toMatch(/differ/);
  });

  it("clears itself after a minute without a touch, and not before", () => {
    const expired = vi.fn();
    const clock = new IdleClock(60_000, expired);
    clock.touch();
    vi.advanceTimersByTime(59_000);
    clock.touch();
    vi.advanceTimersByTime(59_000);
    expect(expired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(expired).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(120_000);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it("stops its clock when told", () => {
    const expired = vi.fn();
    const clock = new IdleClock(1_000, expired);
    clock.touch();
    clock.stop();
    vi.advanceTimersByTime(5_000);
    expect(expired).not.toHaveBeenCalled();
  });

  it("keeps the visitor's keyboard from the rest of the app", () => {
    const key = (key: string, mods: Partial<Record<"ctrlKey" | "altKey" | "metaKey", boolean>> = {}) =>
      blockedKey({ key, ctrlKey: false, altKey: false, metaKey: false, ...mods });
    for (const blocked of [key("Escape"), key("F5"), key("F11"), key("r", { ctrlKey: true }), key("k", { ctrlKey: true }), key("F4", { altKey: true }), key("ArrowLeft", { altKey: true })]) {
      expect(blocked).toBe(true);
    }
    for (const allowed of [key("a"), key("@"), key("Enter"), key("Tab"), key("Backspace"), key("v", { ctrlKey: true })]) {
      expect(allowed).toBe(false);
    }
  });

  it("greets the visitor by their first name only", () => {
    expect(doneText({ step: "done", first_name: "Ana", signed_up: false, already: false })).toBe(
      "You're checked in, Ana. Enjoy the event!",
    );
    expect(doneText({ step: "done", first_name: "Ana", signed_up: true, already: false })).toMatch(/signed up and checked in/);
    expect(doneText({ step: "done", first_name: "Ana", signed_up: false, already: true })).toMatch(/already/);
  });
});
