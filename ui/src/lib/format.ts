// How values are shown: counts, activity statuses, tag cells, dates, countries. Pure functions of
// the value and the window's locale (i18n), tested. Read inside a template they follow a change of language.
import type { ActivityStatus } from "./bindings/ActivityStatus";
import type { Column } from "./bindings/Column";
import { t, translate, type MessageKey } from "./i18n";
import { formattingLocale } from "./i18n/locale.svelte";

/** One formatter per locale and kind: building Intl formatters is slow, a table cell calls these often. */
const formatters = new Map<string, unknown>();
function cached<F>(kind: string, make: (locale: string) => F): F {
  const locale = formattingLocale();
  const id = `${kind}\u0000${locale}`;
  let f = formatters.get(id) as F | undefined;
  if (!f) {
    f = make(locale);
    formatters.set(id, f);
  }
  return f;
}

export function formatCount(n: number): string {
  return cached("count", (l) => new Intl.NumberFormat(l)).format(n);
}

/** "1,200 results", and how many inactive candidates the search left out when it did. */
/** `counted` false: `total` is only a lower bound (the count is on its way). */
export function resultsLabel(total: number, inactiveHidden = 0, counted = true): string {
  return counted ? t("format.results", { count: total, hidden: inactiveHidden }) : t("format.results_at_least", { count: total });
}

/** A record whose values are looked up when read, so `labels[x]` in a template follows the language. */
export function labels<K extends string>(keys: Record<K, MessageKey>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const [k, key] of Object.entries(keys) as [K, MessageKey][])
    Object.defineProperty(out, k, { get: () => translate(key), enumerable: true });
  return out;
}

export const activityLabels: Record<ActivityStatus, string> = labels({
  unreviewed: "activity.unreviewed",
  reviewed: "activity.reviewed",
  contacted: "activity.contacted",
  hired: "activity.hired",
  disengaged: "activity.disengaged",
});

export const columnLabels: Record<Column, string> = labels({
  name: "column.name",
  tags: "column.tags",
  location: "column.location",
  current_role: "column.current_role",
  highest_education: "column.highest_education",
  job_apps: "column.job_apps",
  activity: "column.activity",
  updated: "column.updated",
  experience: "column.experience",
  interests: "column.interests",
});

/** A table cell shows at most two tags, then "+N" for the rest. */
export function tagCell(tags: string[], shown = 2): { chips: string[]; more: number } {
  return { chips: tags.slice(0, shown), more: Math.max(0, tags.length - shown) };
}

/** "Title at Employer", or whichever part is known. */
export function currentRole(title: string, employer: string): string {
  if (title && employer) return t("format.role_at", { title, employer });
  return title || employer;
}

/** A UTC instant shown as a local date, e.g. "Nov 3, 2026" (or "3. Nov. 2026" in German). */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return cached("date", (l) => new Intl.DateTimeFormat(l, { year: "numeric", month: "short", day: "numeric" })).format(d);
}

/** Months of experience as years with one decimal, e.g. "4.5 yrs" ("4,5 J."); "–" for none. */
export function formatYears(months: number): string {
  if (months <= 0) return "–";
  const years = cached("years", (l) => new Intl.NumberFormat(l, { maximumFractionDigits: 1 })).format(months / 12);
  return t("format.years", { years });
}

/** A UTC instant as local date and time, e.g. "Nov 3, 2026, 2:05 PM" ("3. Nov. 2026, 14:05"); "" when unknown. */
export function formatDateTime(iso: string | null): string {
  const d = new Date(iso ?? "");
  if (!iso || Number.isNaN(d.getTime())) return "";
  const options: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" };
  return cached("datetime", (l) => new Intl.DateTimeFormat(l, options)).format(d);
}

/**
 * A country as the locale names it when it is stored as an ISO code ("PT" → "Portugal" / "Portugal",
 * "DE" → "Germany" / "Deutschland"); a name somebody typed stays as typed.
 */
export function countryName(country: string): string {
  const code = country.trim();
  if (!/^[A-Za-z]{2}$/.test(code)) return country;
  try {
    return cached("region", (l) => new Intl.DisplayNames(l, { type: "region", fallback: "none" })).of(code.toUpperCase()) ?? country;
  } catch {
    return country;
  }
}

/** How long ago an instant was, the locale's way: "5 min. ago", "vor 5 Min.". */
export function formatAgo(iso: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  const relative = cached("ago", (l) => new Intl.RelativeTimeFormat(l, { style: "short" }));
  if (Number.isNaN(seconds)) return "";
  if (seconds < 60) return relative.format(-seconds, "second");
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return relative.format(-minutes, "minute");
  return relative.format(-Math.round(minutes / 60), "hour");
}

/** "A, B or C" ("A, B oder C"): alternatives said the locale's way. */
export function formatAlternatives(items: string[]): string {
  return cached("alternatives", (l) => new Intl.ListFormat(l, { type: "disjunction" })).format(items);
}

/** "A, B and C" ("A, B und C"): a list of things said the locale's way. */
export function formatList(items: string[]): string {
  return cached("list", (l) => new Intl.ListFormat(l, { type: "conjunction" })).format(items);
}
