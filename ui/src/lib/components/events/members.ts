// An event's list as the event page shows it: the filter tabs with their counts, and how a
// member's registration, check-in and ratings read in a row. Pure functions, tested.
import type { MemberFilter } from "../../bindings/MemberFilter";
import { formatCount } from "../../format";

export const FILTERS: { id: MemberFilter; label: string }[] = [
  { id: "all", label: "Everyone" },
  { id: "registered", label: "Registered" },
  { id: "attended", label: "Attended" },
  { id: "walk_ins", label: "Walk-ins" },
  { id: "no_shows", label: "No-shows" },
  { id: "follow_up", label: "Follow-up" },
];

/** What an empty tab says (with a search typed, the search is why). */
export function emptyText(filter: MemberFilter, searching: boolean): string {
  if (searching) return "Nobody on this list matches the search";
  return {
    all: "Nobody has registered yet",
    registered: "Nobody has registered yet",
    attended: "Nobody has checked in yet",
    walk_ins: "No walk-ins yet",
    no_shows: "No no-shows: everyone registered came",
    follow_up: "No walk-in is waiting for follow-up",
  }[filter];
}

/** The tabs with their counts, where known ("Attended (128)"). */
export function filterTabs(counts: Partial<Record<MemberFilter, number>>): { id: MemberFilter; label: string }[] {
  return FILTERS.map((f) => {
    const n = counts[f.id];
    return { id: f.id, label: n === undefined ? f.label : `${f.label} (${formatCount(n)})` };
  });
}

/** "12 of 512 shown" under a long list, or nothing when all are shown. */
export function shownText(shown: number, total: number): string {
  return shown < total ? `${formatCount(shown)} of ${formatCount(total)} shown` : "";
}

/** Stars (1 to 5) by recruiter email, as the bindings carry them. */
export type Ratings = { [email in string]?: number };

/** The stars recruiters gave: the mean and how many rated ("4.5 ★ (2)"), or "—". */
export function ratingText(ratings: Ratings): string {
  const stars = Object.values(ratings).filter((s) => s !== undefined);
  if (stars.length === 0) return "—";
  const mean = Math.round((stars.reduce((a, b) => a + b, 0) / stars.length) * 10) / 10;
  return stars.length === 1 ? `${mean} ★` : `${mean} ★ (${stars.length})`;
}

/** Each recruiter's rating, for a tooltip: "ana@example.org: 4, ben@example.org: 5". */
export function ratingTitle(ratings: Ratings): string {
  return Object.entries(ratings)
    .map(([who, stars]) => `${who}: ${stars}`)
    .join(", ");
}

/** A day near the event, without its year: "Apr 11". */
export function dayOf(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : d.toLocaleDateString(undefined, { month: "short", day: "numeric" });
}

/** A time of the event's day: "09:42". */
export function timeOfDay(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : d.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
}

/** Who checked someone in, shortly: the name part of their email. */
export function byWhom(email: string | null): string {
  return email ? email.split("@")[0] : "";
}
