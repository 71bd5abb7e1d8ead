// German: a board (a pipeline's, a job's): columns of cards moved by pointer or keyboard.
import type { Translation } from "..";
import type { board as english } from "../en/board";

export const board: Translation<typeof english> = {
  "board.column": "{label}: {count, plural, one {# Karte} other {# Karten}}",
  "board.empty": "Noch niemand hier",
  "board.moving": "{count, plural, one {# Karte wird verschoben} other {# Karten werden verschoben}}",
  "board.choose_column": "In welche Spalte? Tippe ihre Nummer, 1 bis {count, number}.",
  // The board's keys in the `?` cheat sheet
  "board.keys.pick_keys": "Leertaste, Strg+Klick, Umschalt+Klick",
  "board.keys.pick": "Im Board: Karten auswählen (eine weitere oder einen Bereich)",
  "board.keys.move_keys": "Umschalt+← →",
  "board.keys.move": "Im Board: die ausgewählten Karten in die nächste Spalte verschieben",
  "board.keys.to_keys": "m, dann 1–9",
  "board.keys.to": "Im Board: die ausgewählten Karten in diese Spalte verschieben",
  // A pipeline's board
  "pipeline_board.label": "Board von {name}",
  "pipeline_board.refused": "{name} bleibt in der bisherigen Spalte, nicht nach {status} verschoben: {reason}",
  "pipeline_board.tab": "Board",
};
