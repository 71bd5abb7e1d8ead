// Where files dropped on the search page go: a spreadsheet to the import, resumes to the
// resume queue; nowhere while an import or a resume queue is open (a drop then would replace
// the import being written, or restart the queue being filed and delete its unpacked files).
import { isSpreadsheet } from "../../drops.svelte";

export type DropRoute =
  | { kind: "busy" }
  /** `left`: the other files dropped with the spreadsheet, not taken (one import at a time). */
  | { kind: "import"; path: string; left: number }
  | { kind: "resumes"; paths: string[] };

export function routeDrop(paths: string[], open: { importing: boolean; queueing: boolean }): DropRoute {
  if (open.importing || open.queueing) return { kind: "busy" };
  const sheet = paths.find(isSpreadsheet);
  if (sheet) return { kind: "import", path: sheet, left: paths.length - 1 };
  return { kind: "resumes", paths };
}
