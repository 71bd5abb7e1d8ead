// German: a board (a pipeline's, a job's): columns of cards moved by pointer or keyboard.
import type { Translation } from "..";
import type { board as english } from "../en/board";

export const board: Translation<typeof english> = {
  "board.column": "{label}: {count, plural, one {# Karte} other {# Karten}}",
  "board.empty": "Noch niemand hier",
  "board.moving": "{count, plural, one {# Karte wird verschoben} other {# Karten werden verschoben}}",
  "board.choose_column": "In welche Spalte? Tippe ihre Nummer, 1 bis {count, number}.",
  // A pipeline's board
  "pipeline_board.label": "Board von {name}",
  "pipeline_board.refused": "{name} bleibt in der bisherigen Spalte, nicht nach {status} verschoben: {reason}",
  "pipeline_board.tab": "Board",
};
