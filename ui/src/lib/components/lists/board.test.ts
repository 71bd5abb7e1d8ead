import { describe, expect, it } from "vitest";
import { boardCommand, carried, columnOfDigit, edgeSpot, moved, moveSpot, pick, spotOf, type Column } from "./board";

const idOf = (c: { id: string }) => c.id;
const col = (id: string, ids: string[], count = ids.length): Column<{ id: string }> => ({
  id,
  label: id,
  count,
  cards: ids.map((i) => ({ id: i })),
});
const board = () => [col("New", ["a", "b", "c"], 40), col("Screening", []), col("Offer", ["d"])];
const key = (key: string, mods: Partial<KeyboardEvent> = {}) => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe("keys", () => {
  it("arrows move the focus, Shift or Ctrl+Shift with a side arrow moves the cards", () => {
    expect(boardCommand(key("ArrowDown"))).toEqual({ kind: "focus", columns: 0, cards: 1 });
    expect(boardCommand(key("k"))).toEqual({ kind: "focus", columns: 0, cards: -1 });
    expect(boardCommand(key("ArrowRight"))).toEqual({ kind: "focus", columns: 1, cards: 0 });
    expect(boardCommand(key("ArrowRight", { shiftKey: true }))).toEqual({ kind: "move", step: 1 });
    expect(boardCommand(key("ArrowLeft", { shiftKey: true, ctrlKey: true }))).toEqual({ kind: "move", step: -1 });
  });

  it("right to left, → goes back a column", () => {
    expect(boardCommand(key("ArrowRight"), true)).toEqual({ kind: "focus", columns: -1, cards: 0 });
    expect(boardCommand(key("ArrowLeft", { shiftKey: true }), true)).toEqual({ kind: "move", step: 1 });
  });

  it("Space picks, Shift+Space picks a range, Enter opens, m asks for a column", () => {
    expect(boardCommand(key(" "))).toEqual({ kind: "pick", how: "toggle" });
    expect(boardCommand(key(" ", { shiftKey: true }))).toEqual({ kind: "pick", how: "range" });
    expect(boardCommand(key("Enter"))).toEqual({ kind: "open" });
    expect(boardCommand(key("m"))).toEqual({ kind: "move-to" });
    expect(boardCommand(key("ArrowDown", { ctrlKey: true }))).toBeNull();
    expect(boardCommand(key("ArrowDown", { altKey: true }))).toBeNull();
  });

  it("after m, a digit names a column the board has", () => {
    expect(columnOfDigit("3", 3)).toBe(2);
    expect(columnOfDigit("4", 3)).toBeNull();
    expect(columnOfDigit("0", 3)).toBeNull();
    expect(columnOfDigit("x", 3)).toBeNull();
  });
});

describe("focus", () => {
  it("stays inside a column going up and down", () => {
    expect(moveSpot(board(), { column: 0, card: 2 }, { columns: 0, cards: 1 })).toEqual({ column: 0, card: 2 });
    expect(moveSpot(board(), { column: 0, card: 0 }, { columns: 0, cards: -1 })).toEqual({ column: 0, card: 0 });
  });

  it("lands on an empty column itself, and at the nearest height in a shorter one", () => {
    expect(moveSpot(board(), { column: 0, card: 2 }, { columns: 1, cards: 0 })).toEqual({ column: 1, card: -1 });
    expect(moveSpot(board(), { column: 1, card: -1 }, { columns: 1, cards: 0 })).toEqual({ column: 2, card: 0 });
    expect(moveSpot(board(), { column: 2, card: 0 }, { columns: 1, cards: 0 })).toEqual({ column: 2, card: 0 });
  });

  it("Home and End go to the ends of the column; a card is found by its id", () => {
    expect(edgeSpot(board(), { column: 0, card: 1 }, "last")).toEqual({ column: 0, card: 2 });
    expect(edgeSpot(board(), { column: 1, card: -1 }, "first")).toEqual({ column: 1, card: -1 });
    expect(spotOf(board(), "d", idOf)).toEqual({ column: 2, card: 0 });
    expect(spotOf(board(), "z", idOf)).toBeNull();
  });
});

describe("picking", () => {
  const context = { columns: board(), idOf, anchor: "a" };
  it("a click picks one, Ctrl+click adds or removes, Shift+click adds the range in the column", () => {
    expect(pick(["a", "d"], "b", "only", context)).toEqual(["b"]);
    expect(pick(["a"], "d", "toggle", context)).toEqual(["a", "d"]);
    expect(pick(["a", "d"], "a", "toggle", context)).toEqual(["d"]);
    expect(pick(["a"], "c", "range", context)).toEqual(["a", "b", "c"]);
    expect(pick(["a"], "d", "range", context)).toEqual(["a", "d"]);
  });

  it("a move carries the picked cards when the card is among them, else that card alone", () => {
    expect(carried(["a", "b"], "b")).toEqual(["a", "b"]);
    expect(carried(["a", "b"], "c")).toEqual(["c"]);
  });
});

describe("a move shown at once", () => {
  it("takes the cards out of their columns onto the top of the new one, with the counts", () => {
    const after = moved(board(), ["b", "d"], "Screening", idOf);
    expect(after.map((c) => [c.id, c.count, c.cards.map(idOf)])).toEqual([
      ["New", 39, ["a", "c"]],
      ["Screening", 2, ["b", "d"]],
      ["Offer", 0, []],
    ]);
  });

  it("leaves a card already in the column where it is", () => {
    const before = board();
    const after = moved(before, ["a"], "New", idOf);
    expect(after[0]).toBe(before[0]);
  });
});
