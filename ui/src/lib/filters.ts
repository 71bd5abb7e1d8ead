// The search panel's filters: the empty set, how many are in use, and the chips that show them
// above the results. Pure, tested.
import type { DateRange } from "./bindings/DateRange";
import type { FilterChoices } from "./bindings/FilterChoices";
import type { SearchFilters } from "./bindings/SearchFilters";
import { activityLabels, formatDate } from "./format";
import { engagementLabels, profileTypeLabels } from "./profile";

export function emptyFilters(): SearchFilters {
  return {
    tags: [],
    location: null,
    activity: [],
    engagements_any: [],
    engagements_none: [],
    pipeline: null,
    event: null,
    job: null,
    profile_types: [],
    recruiter: null,
    created: { from: null, to: null },
    updated: { from: null, to: null },
    eligible: null,
    active: null,
  };
}

/** How many filters narrow the search (a list counts once, a date range once). */
export function activeFilterCount(f: SearchFilters): number {
  const used = [
    f.tags.length > 0,
    !!f.location?.trim(),
    f.activity.length > 0,
    f.engagements_any.length > 0,
    f.engagements_none.length > 0,
    f.pipeline !== null,
    f.event !== null,
    f.job !== null,
    f.profile_types.length > 0,
    f.recruiter !== null,
    f.created.from !== null || f.created.to !== null,
    f.updated.from !== null || f.updated.to !== null,
    f.eligible !== null,
    f.active !== null,
  ];
  return used.filter(Boolean).length;
}

/** Adds `value` to a list filter, or takes it out when `on` is false. */
export function toggled<T>(list: T[], value: T, on: boolean): T[] {
  const without = list.filter((v) => v !== value);
  return on ? [...without, value] : without;
}

/** One filter in use, as a chip: what it says, and the filters without it. */
export type Chip = { key: string; label: string; without: (f: SearchFilters) => SearchFilters };

function range(label: string, r: DateRange): string {
  const from = r.from ? formatDate(r.from) : "…";
  const to = r.to ? formatDate(r.to) : "…";
  return `${label}: ${from} – ${to}`;
}

/** The filters in use, each as a removable chip; names come from `choices` when known. */
export function filterChips(f: SearchFilters, choices: FilterChoices | null): Chip[] {
  const chips: Chip[] = [];
  const add = (key: string, label: string, change: (g: SearchFilters) => void) =>
    chips.push({
      key,
      label,
      without: (g) => {
        const copy = structuredClone(g);
        change(copy);
        return copy;
      },
    });
  for (const a of f.activity) add(`activity-${a}`, `Activity: ${activityLabels[a]}`, (g) => (g.activity = toggled(g.activity, a, false)));
  for (const e of f.engagements_any)
    add(`has-${e}`, `Has: ${engagementLabels[e]}`, (g) => (g.engagements_any = toggled(g.engagements_any, e, false)));
  for (const e of f.engagements_none)
    add(`lacks-${e}`, `Without: ${engagementLabels[e]}`, (g) => (g.engagements_none = toggled(g.engagements_none, e, false)));
  if (f.location?.trim()) add("location", `Location: ${f.location.trim()}`, (g) => (g.location = null));
  for (const t of f.tags) add(`tag-${t}`, `Tag: ${t}`, (g) => (g.tags = toggled(g.tags, t, false)));
  if (f.pipeline) {
    const id = f.pipeline.pipeline_id;
    const name = choices?.pipelines.find((p) => p.id === id)?.name ?? "a pipeline";
    add("pipeline", `Pipeline: ${name}${f.pipeline.status ? ` · ${f.pipeline.status}` : ""}`, (g) => (g.pipeline = null));
  }
  if (f.event) {
    const id = f.event.event_id;
    const name = choices?.events.find((e) => e.id === id)?.name ?? "an event";
    const part = f.event.participation === "any" ? "" : ` · ${f.event.participation}`;
    add("event", `Event: ${name}${part}`, (g) => (g.event = null));
  }
  if (f.job) {
    const id = f.job.job_id;
    const title = choices?.jobs.find((j) => j.id === id)?.title ?? "a job";
    add("job", `Applied to: ${title}${f.job.hiring_status ? ` · ${f.job.hiring_status}` : ""}`, (g) => (g.job = null));
  }
  for (const p of f.profile_types)
    add(`source-${p}`, `Source: ${profileTypeLabels[p]}`, (g) => (g.profile_types = toggled(g.profile_types, p, false)));
  if (f.recruiter !== null) {
    const name = choices?.recruiters.find((u) => u.id === f.recruiter)?.name ?? "a recruiter";
    add("recruiter", `Recruiter: ${name}`, (g) => (g.recruiter = null));
  }
  if (f.created.from || f.created.to) add("created", range("Created", f.created), (g) => (g.created = { from: null, to: null }));
  if (f.updated.from || f.updated.to) add("updated", range("Updated", f.updated), (g) => (g.updated = { from: null, to: null }));
  if (f.eligible !== null) add("eligible", f.eligible ? "Eligible" : "Ineligible", (g) => (g.eligible = null));
  if (f.active !== null) add("active", f.active ? "Active" : "Deactivated", (g) => (g.active = null));
  return chips;
}
