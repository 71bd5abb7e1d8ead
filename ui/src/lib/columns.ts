// Editing the column configuration: move a column, show or hide it. Pure, tested. Name always
// shows (the store refuses a configuration without it).
import type { Column } from "./bindings/Column";
import { columnLabels } from "./format";

export const ALL_COLUMNS = Object.keys(columnLabels) as Column[];

/** The shown columns in order, then the hidden ones. */
export function columnRows(shown: Column[]): { column: Column; shown: boolean }[] {
  return [
    ...shown.map((column) => ({ column, shown: true })),
    ...ALL_COLUMNS.filter((c) => !shown.includes(c)).map((column) => ({ column, shown: false })),
  ];
}

/** Moves a shown column `step` places (-1 left, 1 right), staying within the list. */
export function moveColumn(shown: Column[], column: Column, step: number): Column[] {
  const at = shown.indexOf(column);
  const to = at + step;
  if (at < 0 || to < 0 || to >= shown.length) return shown;
  const next = [...shown];
  [next[at], next[to]] = [next[to], next[at]];
  return next;
}

/** Shows a column (at the end) or hides it; Name cannot be hidden. */
export function showColumn(shown: Column[], column: Column, on: boolean): Column[] {
  if (on) return shown.includes(column) ? shown : [...shown, column];
  return column === "name" ? shown : shown.filter((c) => c !== column);
}
