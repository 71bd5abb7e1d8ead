// How values are shown: counts, activity statuses, tag cells, dates. Pure functions, tested.
import type { ActivityStatus } from "./bindings/ActivityStatus";
import type { Column } from "./bindings/Column";

const counts = new Intl.NumberFormat(undefined);

export function formatCount(n: number): string {
  return counts.format(n);
}

export function resultsLabel(total: number): string {
  return `${formatCount(total)} ${total === 1 ? "result" : "results"}`;
}

export const activityLabels: Record<ActivityStatus, string> = {
  unreviewed: "Unreviewed",
  reviewed: "Reviewed",
  contacted: "Contacted",
  hired: "Hired",
  disengaged: "Disengaged",
};

export const columnLabels: Record<Column, string> = {
  name: "Name",
  tags: "Tags",
  location: "Location",
  current_role: "Current Role",
  highest_education: "Highest Education",
  job_apps: "Job Apps",
  activity: "Activity",
  updated: "Updated",
};

/** A table cell shows at most two tags, then "+N" for the rest. */
export function tagCell(tags: string[], shown = 2): { chips: string[]; more: number } {
  return { chips: tags.slice(0, shown), more: Math.max(0, tags.length - shown) };
}

/** "Title at Employer", or whichever part is known. */
export function currentRole(title: string, employer: string): string {
  if (title && employer) return `${title} at ${employer}`;
  return title || employer;
}

/** A UTC instant shown as a local date, e.g. "Nov 3, 2026". */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : d.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
}
