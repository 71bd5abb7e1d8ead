// A pipeline's workflow statuses as the editor changes them: the same rules the domain checks
// (no status empty or twice, case aside), so the editor says what is wrong before it asks.

export type StatusProblem = "empty" | "twice";

/** Why `name` cannot be the status at `index` (-1: a new one), or null when it can. */
export function statusProblem(statuses: readonly string[], name: string, index = -1): StatusProblem | null {
  const wanted = name.trim().toLowerCase();
  if (!wanted) return "empty";
  return statuses.some((s, i) => i !== index && s.toLowerCase() === wanted) ? "twice" : null;
}

/** Where the status at `index` lands when moved `delta` places, or null when it cannot go. */
export function movedTo(length: number, index: number, delta: number): number | null {
  const to = index + delta;
  return to < 0 || to >= length || delta === 0 ? null : to;
}

/** The statuses with the one at `from` put at `to`. */
export function moveStatus(statuses: readonly string[], from: number, to: number): string[] {
  const list = [...statuses];
  const [moved] = list.splice(from, 1);
  list.splice(to, 0, moved);
  return list;
}

/** The statuses a removed one's members can go to: all the others. */
export function destinations(statuses: readonly string[], removed: string): string[] {
  return statuses.filter((s) => s !== removed);
}
