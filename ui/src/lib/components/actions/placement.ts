// Where a menu's list goes and which entry a typed letter reaches: pure, so they are tested
// without a window (ActionMenu.svelte asks them).

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Space kept between the list and the window's edge. */
const MARGIN = 8;
/** Space between the button and the list. */
const GAP = 4;

/**
 * Where the list goes in a `view`-sized window: under its button, or above it where there is
 * more room there; lined up with the button's `align` edge, or the other one where that would
 * cross the window's edge; as tall as the room allows (it scrolls beyond).
 */
export function placeMenu(button: Box, list: Size, view: Size, align: "left" | "right") {
  const below = view.height - button.bottom - MARGIN;
  const above = button.top - MARGIN;
  const up = list.height > below && above > below;
  const room = Math.max((up ? above : below) - GAP, 0);
  const height = Math.min(list.height, room);
  const top = up ? button.top - GAP - height : button.bottom + GAP;
  let left = align === "right" ? button.right - list.width : button.left;
  if (left + list.width > view.width - MARGIN) left = button.right - list.width;
  if (left < MARGIN) left = button.left;
  left = Math.max(MARGIN, Math.min(left, view.width - MARGIN - list.width));
  return { top, left, maxHeight: room };
}

/** The entry after `at` (going round) whose label starts with `letter`, or null. */
export function nextByLetter(labels: string[], at: number, letter: string): number | null {
  const wanted = letter.toLocaleLowerCase();
  for (let step = 1; step <= labels.length; step++) {
    const i = (at + step) % labels.length;
    if (labels[i].trim().toLocaleLowerCase().startsWith(wanted)) return i;
  }
  return null;
}
