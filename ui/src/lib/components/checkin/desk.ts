// The check-in desk's rules, apart from the screen: moving through the matches, the list of
// the last check-ins, and the words each outcome is shown in.

/** Who was checked in, as the last check-ins list keeps them. */
export interface CheckedIn {
  candidate_id: string;
  full_name: string;
  employer_or_school: string;
  /** When they were checked in (ISO). */
  at: string;
  /** Registered as a walk-in just now. */
  walk_in: boolean;
}

/** How many check-ins the screen keeps in view (and can undo). */
export const RECENT = 10;

/** The highlighted match after an arrow key: stays inside the list, -1 when it is empty. */
export function moved(index: number, count: number, by: number): number {
  if (count === 0) return -1;
  return Math.min(count - 1, Math.max(0, index + by));
}

/** The last check-ins, newest first, with `entry` on top (once, even after an undo). */
export function remembered(recent: CheckedIn[], entry: CheckedIn): CheckedIn[] {
  return [entry, ...recent.filter((r) => r.candidate_id !== entry.candidate_id)].slice(0, RECENT);
}

/** The last check-ins without the one undone. */
export function forgotten(recent: CheckedIn[], candidateId: string): CheckedIn[] {
  return recent.filter((r) => r.candidate_id !== candidateId);
}

/** "10:42", or "Apr 3, 10:42" when it was not today. */
export function clock(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return "";
  const time = at.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  if (at.toDateString() === now.toDateString()) return time;
  return `${at.toLocaleDateString(undefined, { month: "short", day: "numeric" })}, ${time}`;
}

/** "at 10:42 by you", "at 10:42 by sam@example.org": when and by whom someone was checked in. */
export function whenAndWho(at: string | null, by: string | null, me: string | null, now: Date = new Date()): string {
  const when = at ? `at ${clock(at, now)}` : "";
  const who = by ? `by ${me && by.toLowerCase() === me.toLowerCase() ? "you" : by}` : "";
  return [when, who].filter(Boolean).join(" ");
}

/** "142 of 500 registered have checked in", in a form that fits the counter. */
export function attendance(attended: number, registered: number): string {
  return `${attended.toLocaleString()} / ${registered.toLocaleString()}`;
}

/** What a scanned (or typed) code found, when it found no one to check in. */
export type CodeMiss = { kind: "other_event"; event_name: string } | { kind: "unknown" };

export function codeMissText(miss: CodeMiss): string {
  return miss.kind === "other_event"
    ? `This code is for another event (${miss.event_name}). Nobody was checked in.`
    : "This code belongs to nobody at this event. Check it, or search by name. Nobody was checked in.";
}

/**
 * A name, email or phone typed into the box, turned into a walk-in's first fields when
 * nobody matched: "Ana Souza" gives the names, an email or a phone number goes where it belongs.
 */
export function typedIdentity(typed: string): { first_name: string; last_name: string; email: string; phone: string } {
  const text = typed.trim().replace(/\s+/g, " ");
  const none = { first_name: "", last_name: "", email: "", phone: "" };
  if (text.includes("@")) return { ...none, email: text };
  if (/^\+?[\d ()./-]{5,}$/.test(text)) return { ...none, phone: text };
  const [first, ...rest] = text.split(" ");
  return { ...none, first_name: first ?? "", last_name: rest.join(" ") };
}
