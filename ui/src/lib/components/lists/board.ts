// A board's pure logic (Board.svelte draws it): columns of cards, where the keyboard is, which
// cards are picked, what a key does, and the board as it is right after a move (shown at once,
// before the store's answer, so nothing flickers).

export interface Column<T> {
  id: string;
  label: string;
  /** Every card at this column, also those not loaded yet. */
  count: number;
  /** The cards loaded, in order. */
  cards: T[];
}

/** Where the keyboard is: a column, and a card in it (-1: the column is empty). */
export interface Spot {
  column: number;
  card: number;
}

export type Command =
  | { kind: "focus"; columns: number; cards: number }
  | { kind: "edge"; to: "first" | "last" }
  | { kind: "pick"; how: "toggle" | "range" }
  | { kind: "move"; step: number }
  /** `m` was pressed: the next digit names the column to move the picked cards to. */
  | { kind: "move-to" }
  | { kind: "open" }
  | { kind: "menu" }
  | { kind: "clear" };

/**
 * What a key does on a board. `rtl`: columns run right to left, so → goes back. Moves:
 * Shift+←/→ or Ctrl+Shift+←/→ move the picked cards to the neighbouring column; `m` then a
 * column number moves them there.
 */
export function boardCommand(e: Pick<KeyboardEvent, "key" | "shiftKey" | "ctrlKey" | "metaKey" | "altKey">, rtl = false): Command | null {
  if (e.altKey) return null;
  const sideways = e.key === "ArrowLeft" || e.key === "ArrowRight";
  const forward = (e.key === "ArrowRight") !== rtl ? 1 : -1;
  if (sideways && e.shiftKey) return { kind: "move", step: forward };
  if (e.ctrlKey || e.metaKey) return null;
  if (sideways) return { kind: "focus", columns: forward, cards: 0 };
  if (e.key === "ArrowDown" || e.key === "j") return { kind: "focus", columns: 0, cards: 1 };
  if (e.key === "ArrowUp" || e.key === "k") return { kind: "focus", columns: 0, cards: -1 };
  if (e.key === "Home" || e.key === "End") return { kind: "edge", to: e.key === "Home" ? "first" : "last" };
  if (e.key === " " || e.key === "x") return { kind: "pick", how: e.shiftKey ? "range" : "toggle" };
  if (e.key === "m") return { kind: "move-to" };
  if (e.key === "Enter") return { kind: "open" };
  if (e.key === "." || e.key === "ContextMenu") return { kind: "menu" };
  if (e.key === "Escape") return { kind: "clear" };
  return null;
}

/** The column a digit names after `m` (1 is the first), if the board has it. */
export function columnOfDigit(key: string, columns: number): number | null {
  const n = Number.parseInt(key, 10);
  return /^[1-9]$/.test(key) && n <= columns ? n - 1 : null;
}

/** Where the keyboard goes from `at`: up and down within a column, sideways to the card at the
 *  same height in the next column that has one (or to an empty column itself). */
export function moveSpot<T>(columns: Column<T>[], at: Spot, by: { columns: number; cards: number }): Spot {
  if (columns.length === 0) return at;
  const column = clamp(at.column + by.columns, 0, columns.length - 1);
  const length = columns[column].cards.length;
  if (length === 0) return { column, card: -1 };
  return { column, card: clamp(Math.max(at.card, 0) + by.cards, 0, length - 1) };
}

/** The first or last card of the keyboard's column. */
export function edgeSpot<T>(columns: Column<T>[], at: Spot, to: "first" | "last"): Spot {
  const length = columns[at.column]?.cards.length ?? 0;
  if (length === 0) return { column: at.column, card: -1 };
  return { column: at.column, card: to === "first" ? 0 : length - 1 };
}

/** Where card `id` is on the board, if it is loaded. */
export function spotOf<T>(columns: Column<T>[], id: string, idOf: (card: T) => string): Spot | null {
  for (const [column, c] of columns.entries()) {
    const card = c.cards.findIndex((x) => idOf(x) === id);
    if (card >= 0) return { column, card };
  }
  return null;
}

/**
 * The cards picked after a click or a key on card `id`: "only" (a plain click) picks it alone,
 * "toggle" (Ctrl+click, Space) adds or removes it, "range" (Shift+click, Shift+Space) adds every
 * card from `anchor` to it in its column (just it, when the anchor is elsewhere).
 */
export function pick<T>(
  picked: readonly string[],
  id: string,
  how: "only" | "toggle" | "range",
  context: { columns: Column<T>[]; idOf: (card: T) => string; anchor: string | null },
): string[] {
  if (how === "only") return [id];
  if (how === "toggle") return picked.includes(id) ? picked.filter((p) => p !== id) : [...picked, id];
  const { columns, idOf, anchor } = context;
  const ids = columns.map((c) => c.cards.map(idOf)).find((c) => c.includes(id)) ?? [id];
  const from = anchor === null ? -1 : ids.indexOf(anchor);
  const to = ids.indexOf(id);
  const range = from < 0 ? [id] : ids.slice(Math.min(from, to), Math.max(from, to) + 1);
  return [...picked, ...range.filter((r) => !picked.includes(r))];
}

/**
 * The board right after cards `ids` moved to column `to`: they leave their columns (which
 * count them no more) and go on top of `to` in the order they were on the board, so the
 * move shows before the store answers. Cards already at `to` stay where they are.
 */
export function moved<T>(columns: Column<T>[], ids: readonly string[], to: string, idOf: (card: T) => string): Column<T>[] {
  const moving = new Set(ids);
  const arriving: T[] = [];
  const left = columns.map((c) => {
    if (c.id === to) return c;
    const stay = c.cards.filter((card) => !moving.has(idOf(card)));
    arriving.push(...c.cards.filter((card) => moving.has(idOf(card))));
    return stay.length === c.cards.length ? c : { ...c, cards: stay, count: c.count - (c.cards.length - stay.length) };
  });
  return left.map((c) => (c.id === to && arriving.length ? { ...c, cards: [...arriving, ...c.cards], count: c.count + arriving.length } : c));
}

/** The cards a move takes: the picked ones when the card moved is one of them, else that card. */
export function carried(picked: readonly string[], id: string): string[] {
  return picked.includes(id) ? [...picked] : [id];
}

/** The rows a column's window shows: those in sight and `overscan` either side. */
export function windowOf(scrollTop: number, height: number, rowHeight: number, length: number, overscan = 4) {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(length, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return { first, last };
}

function clamp(n: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, n));
}
