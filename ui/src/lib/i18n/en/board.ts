// English: a board (a pipeline's, a job's): columns of cards moved by pointer or keyboard.
export const board = {
  "board.column": "{label}: {count, plural, one {# card} other {# cards}}",
  "board.empty": "Nobody here yet",
  "board.moving": "{count, plural, one {Moving # card} other {Moving # cards}}",
  "board.choose_column": "Move to which column? Type its number, 1 to {count, number}.",
  // The board's keys in the `?` cheat sheet
  "board.keys.pick_keys": "Space, Ctrl+click, Shift+click",
  "board.keys.pick": "On a board: pick cards (one more, or a range)",
  "board.keys.move_keys": "Shift+← →",
  "board.keys.move": "On a board: move the picked cards to the next column",
  "board.keys.to_keys": "m, then 1–9",
  "board.keys.to": "On a board: move the picked cards to that column",
  // A pipeline's board
  "pipeline_board.label": "Board of {name}",
  "pipeline_board.refused": "{name} stays where they were, not moved to {status}: {reason}",
  "pipeline_board.tab": "Board",
} as const;
