import { describe, expect, it } from "vitest";
import { moveCell } from "./grid";

describe("moveCell", () => {
  const at = { row: 5, col: 2 };
  it("moves one cell with the arrows, staying inside the grid", () => {
    expect(moveCell(at, "ArrowDown", false, 10, 4, 8)).toEqual({ row: 6, col: 2 });
    expect(moveCell(at, "ArrowLeft", false, 10, 4, 8)).toEqual({ row: 5, col: 1 });
    expect(moveCell({ row: 9, col: 3 }, "ArrowDown", false, 10, 4, 8)).toEqual({ row: 9, col: 3 });
    expect(moveCell({ row: 0, col: 0 }, "ArrowUp", false, 10, 4, 8)).toEqual({ row: 0, col: 0 });
  });
  it("goes to the row's ends with Home / End and the grid's with Ctrl", () => {
    expect(moveCell(at, "Home", false, 10, 4, 8)).toEqual({ row: 5, col: 0 });
    expect(moveCell(at, "End", false, 10, 4, 8)).toEqual({ row: 5, col: 3 });
    expect(moveCell(at, "Home", true, 10, 4, 8)).toEqual({ row: 0, col: 2 });
    expect(moveCell(at, "End", true, 10, 4, 8)).toEqual({ row: 9, col: 2 });
  });
  it("moves a screen of rows with Page Up / Down", () => {
    expect(moveCell(at, "PageDown", false, 100, 4, 8)).toEqual({ row: 13, col: 2 });
    expect(moveCell(at, "PageUp", false, 100, 4, 8)).toEqual({ row: 0, col: 2 });
  });
  it("ignores other keys and empty grids", () => {
    expect(moveCell(at, "a", false, 10, 4, 8)).toBeNull();
    expect(moveCell(at, "ArrowDown", false, 0, 4, 8)).toBeNull();
  });
});
