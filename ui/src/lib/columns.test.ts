import { describe, expect, it } from "vitest";
import { ALL_COLUMNS, columnRows, moveColumn, showColumn } from "./columns";

describe("column configuration", () => {
  it("lists the shown columns in order, then the hidden ones", () => {
    const rows = columnRows(["activity", "name"]);
    expect(rows.slice(0, 2)).toEqual([
      { column: "activity", shown: true },
      { column: "name", shown: true },
    ]);
    expect(rows.map((r) => r.column).sort()).toEqual([...ALL_COLUMNS].sort());
    expect(rows.slice(2).every((r) => !r.shown)).toBe(true);
  });

  it("moves columns within the list only", () => {
    expect(moveColumn(["name", "tags", "location"], "tags", -1)).toEqual(["tags", "name", "location"]);
    expect(moveColumn(["name", "tags"], "name", -1)).toEqual(["name", "tags"]);
    expect(moveColumn(["name", "tags"], "tags", 1)).toEqual(["name", "tags"]);
  });

  it("shows at the end, hides anything but Name", () => {
    expect(showColumn(["name"], "updated", true)).toEqual(["name", "updated"]);
    expect(showColumn(["name", "tags"], "tags", false)).toEqual(["name"]);
    expect(showColumn(["name", "tags"], "name", false)).toEqual(["name", "tags"]);
  });
});
