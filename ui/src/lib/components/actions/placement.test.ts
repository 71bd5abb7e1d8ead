import { describe, expect, it } from "vitest";
import { nextByLetter, placeMenu } from "./placement";

const view = { width: 1280, height: 720 };
const button = (top: number, left: number) => ({ top, bottom: top + 30, left, right: left + 100 });

describe("placeMenu", () => {
  it("opens under the button, lined up with its right edge", () => {
    expect(placeMenu(button(40, 1100), { width: 220, height: 300 }, view, "right")).toEqual({
      top: 74,
      left: 980,
      maxHeight: 638,
    });
  });
  it("flips above the button near the window's foot", () => {
    const placed = placeMenu(button(600, 400), { width: 220, height: 300 }, view, "left");
    expect(placed.top).toBe(600 - 4 - 300);
    expect(placed.left).toBe(400);
  });
  it("lines up with the other edge rather than leave the window", () => {
    expect(placeMenu(button(40, 10), { width: 220, height: 100 }, view, "right").left).toBe(10);
    expect(placeMenu(button(40, 1170), { width: 220, height: 100 }, view, "left").left).toBe(1270 - 220);
  });
  it("is never taller than the room it has: it scrolls", () => {
    const placed = placeMenu(button(40, 400), { width: 220, height: 900 }, { width: 640, height: 360 }, "left");
    expect(placed.maxHeight).toBe(360 - 70 - 8 - 4);
    expect(placed.top).toBe(74);
  });
});

describe("nextByLetter", () => {
  const labels = ["Edit Profile", "Email", "Invite to Apply", "Export"];
  it("goes to the next entry starting with the letter, going round", () => {
    expect(nextByLetter(labels, 0, "e")).toBe(1);
    expect(nextByLetter(labels, 1, "E")).toBe(3);
    expect(nextByLetter(labels, 3, "e")).toBe(0);
    expect(nextByLetter(labels, -1, "i")).toBe(2);
  });
  it("stays put when no entry starts with it", () => {
    expect(nextByLetter(labels, 0, "z")).toBeNull();
  });
});
