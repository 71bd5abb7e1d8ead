// How a history entry reads in the History tab: what happened, in words, and whether it
// changed profile fields (only those have a profile "as it was right after" worth showing).
import type { HistoryEntry } from "./bindings/HistoryEntry";

/** Whether the entry changed the profile's fields (its snapshot differs from the one before). */
export function changedProfile(entry: HistoryEntry): boolean {
  return entry.action === "insert" || entry.changes.length > 0;
}

/** "Tagged python, fintech", "Updated: current title, email", "Created". */
export function historySummary(entry: HistoryEntry): string {
  if (entry.summary) return entry.summary;
  if (entry.action === "insert") return "Created";
  const fields = entry.changes.map((c) => c.to.field.replaceAll("_", " ")).join(", ");
  const what = entry.action === "conflicting_update" ? "Updated over a teammate's change" : "Updated";
  return fields ? `${what}: ${fields}` : what;
}
