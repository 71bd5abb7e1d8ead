// The search page's keys (docs: the `?` cheat sheet): what a key press asks for, given where
// the page is. Pure, tested; the page does the asking.

export type PageCommand =
  | "previous-resume"
  | "next-resume"
  | "focus-search"
  | "down"
  | "up"
  | "open"
  | "close-preview"
  | "tick"
  | "menu";

export interface PageKeyState {
  mode: "table" | "resume" | "insights";
  /** A row is the keyboard's (and the preview's). */
  hasRow: boolean;
  previewing: boolean;
}

type Key = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "target">;

/** Whether the key goes into a field (letters there are text, not commands). */
export function typing(target: EventTarget | null): boolean {
  const tag = (target as Partial<Element> | null)?.tagName;
  return tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA";
}

/** Whether the key lands on a control of its own (a button, a link, a menu entry, a tab): Enter
 *  there presses it rather than opening the selected row. */
function onControl(target: EventTarget | null): boolean {
  const closest = (target as Partial<Element> | null)?.closest;
  return typeof closest === "function" && closest.call(target, "button, a[href], [role=menuitem], [role=tab]") !== null;
}

export function pageCommand(e: Key, s: PageKeyState): PageCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const text = typing(e.target);
  const table = s.mode === "table";
  if (s.mode === "resume" && !text && (e.key === "ArrowLeft" || e.key === "ArrowRight")) {
    return e.key === "ArrowLeft" ? "previous-resume" : "next-resume";
  }
  if (e.key === "/" && !text) return "focus-search";
  if (table && (e.key === "ArrowDown" || (e.key === "j" && !text))) return "down";
  if (table && (e.key === "ArrowUp" || (e.key === "k" && !text))) return "up";
  // The charts show no rows: Enter there is a bar's (a control of its own) or nothing.
  if (e.key === "Enter" && s.hasRow && s.mode !== "insights" && !onControl(e.target)) return "open";
  if (e.key === "Escape" && s.previewing) return "close-preview";
  if (table && e.key === "x" && !text && s.hasRow) return "tick";
  if (table && e.key === "." && !text && s.hasRow) return "menu";
  return null;
}
