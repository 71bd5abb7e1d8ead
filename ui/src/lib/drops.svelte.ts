// Files dragged onto the window (Tauri's drag-and-drop events: the webview gets paths, not
// bytes). While files hover, `over` is true and the page under them shows its drop target;
// a drop goes to whichever page has said it takes files (the open profile attaches them, the
// search page makes a new candidate from a resume).
import { getCurrentWebview } from "@tauri-apps/api/webview";

type Taker = (paths: string[]) => void;

class Drops {
  over = $state(false);
  #takers: Taker[] = [];
  #listening = false;

  async listen() {
    if (this.#listening) return;
    this.#listening = true;
    await getCurrentWebview().onDragDropEvent((event) => {
      const p = event.payload;
      if (p.type === "enter" || p.type === "over") this.over = true;
      else if (p.type === "leave") this.over = false;
      else if (p.type === "drop") {
        this.over = false;
        this.#takers.at(-1)?.(p.paths);
      }
    });
  }

  /** `take` receives drops until the returned function is called (the latest taker wins). */
  take(take: Taker): () => void {
    this.#takers.push(take);
    return () => (this.#takers = this.#takers.filter((t) => t !== take));
  }
}

export const drops = new Drops();

/** The kind a file's name suggests: a CV or resume by name, else an additional document. */
export function kindFor(path: string): "resume" | "cover_letter" | "additional_document" {
  const name = (path.split(/[\\/]/).pop() ?? "").toLowerCase();
  if (/(^|[^a-z])(cv|resume|résumé|lebenslauf)([^a-z]|$)/.test(name)) return "resume";
  if (/cover|motivation|anschreiben/.test(name)) return "cover_letter";
  return "additional_document";
}

/** The files the import reads (a spreadsheet or an ATS export), by their extension. */
export const spreadsheetExtensions = ["csv", "tsv", "xlsx", "xls", "ods"];

/** Whether a dropped file is a spreadsheet to import rather than a resume or a document. */
export function isSpreadsheet(path: string): boolean {
  const name = fileName(path).toLowerCase();
  const dot = name.lastIndexOf(".");
  return dot > 0 && spreadsheetExtensions.includes(name.slice(dot + 1));
}

export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
