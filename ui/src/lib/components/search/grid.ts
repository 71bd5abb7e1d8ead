// Moving the focus through the results grid (the WAI-ARIA grid pattern): arrows one cell,
// Home / End to the row's first or last cell, Ctrl+Home / Ctrl+End to the first or last row,
// Page Up / Page Down a screen of rows. Pure, tested.

export interface Cell {
  row: number;
  col: number;
}

/** Where `key` moves the focus from `at`, in a grid of `rows` × `cols` showing `page` rows at
 * a time; null when the key does not move it. */
export function moveCell(at: Cell, key: string, ctrl: boolean, rows: number, cols: number, page: number): Cell | null {
  if (rows === 0 || cols === 0) return null;
  const to = (row: number, col: number) => ({
    row: Math.max(0, Math.min(rows - 1, row)),
    col: Math.max(0, Math.min(cols - 1, col)),
  });
  switch (key) {
    case "ArrowDown":
      return to(at.row + 1, at.col);
    case "ArrowUp":
      return to(at.row - 1, at.col);
    case "ArrowRight":
      return to(at.row, at.col + 1);
    case "ArrowLeft":
      return to(at.row, at.col - 1);
    case "Home":
      return ctrl ? to(0, at.col) : to(at.row, 0);
    case "End":
      return ctrl ? to(rows - 1, at.col) : to(at.row, cols - 1);
    case "PageDown":
      return to(at.row + Math.max(1, page), at.col);
    case "PageUp":
      return to(at.row - Math.max(1, page), at.col);
    default:
      return null;
  }
}
