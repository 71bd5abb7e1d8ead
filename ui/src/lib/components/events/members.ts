// An event's list as the event page shows it: the filter tabs with their counts, and how a
// member's registration, check-in and ratings read in a row. Pure functions, tested.
import type { MemberFilter } from "../../bindings/MemberFilter";
import { labels } from "../../format";
import { t, translate, type MessageKey } from "../../i18n";
import { formattingLocale } from "../../i18n/locale.svelte";

/** Each tab's name, in order, in the window's language when read. */
export const filterLabels: Record<MemberFilter, string> = labels({
  all: "events.filter_all",
  registered: "events.filter_registered",
  attended: "events.filter_attended",
  walk_ins: "events.filter_walk_ins",
  no_shows: "events.filter_no_shows",
  follow_up: "events.filter_follow_up",
});

const emptyKeys: Record<MemberFilter, MessageKey> = {
  all: "events.empty_registered",
  registered: "events.empty_registered",
  attended: "events.empty_attended",
  walk_ins: "events.empty_walk_ins",
  no_shows: "events.empty_no_shows",
  follow_up: "events.empty_follow_up",
};

/** What an empty tab says (with a search typed, the search is why). */
export function emptyText(filter: MemberFilter, searching: boolean): string {
  return searching ? t("events.empty_search") : translate(emptyKeys[filter]);
}

/** The tabs with their counts, where known ("Attended (128)"). */
export function filterTabs(counts: Partial<Record<MemberFilter, number>>): { id: MemberFilter; label: string }[] {
  return (Object.entries(filterLabels) as [MemberFilter, string][]).map(([id, tab]) => {
    const count = counts[id];
    return { id, label: count === undefined ? tab : t("events.tab_count", { tab, count }) };
  });
}

/** "12 of 512 shown" under a long list, or nothing when all are shown. */
export function shownText(shown: number, total: number): string {
  return shown < total ? t("events.shown", { shown, total }) : "";
}

/** Stars (1 to 5) by recruiter email, as the bindings carry them. */
export type Ratings = { [email in string]?: number };

/** The stars recruiters gave: the mean and how many rated ("4.5 ★ (2)"), or "—". */
export function ratingText(ratings: Ratings): string {
  const stars = Object.values(ratings).filter((s) => s !== undefined);
  if (stars.length === 0) return "—";
  const mean = Math.round((stars.reduce((a, b) => a + b, 0) / stars.length) * 10) / 10;
  return t("events.rating", { mean, count: stars.length });
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
  return Number.isNaN(d.getTime()) ? "" : d.toLocaleDateString(formattingLocale(), { month: "short", day: "numeric" });
}

/** A time of the event's day: "09:42". */
export function timeOfDay(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : d.toLocaleTimeString(formattingLocale(), { hour: "2-digit", minute: "2-digit" });
}

/** Who checked someone in, shortly: the name part of their email. */
export function byWhom(email: string | null): string {
  return email ? email.split("@")[0] : "";
}
