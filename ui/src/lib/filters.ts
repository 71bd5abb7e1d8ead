// The search panel's filters: the empty set, how many are in use, and the chips that show them
// above the results. Pure, tested.
import type { DateRange } from "./bindings/DateRange";
import type { FilterChoices } from "./bindings/FilterChoices";
import type { SearchFilters } from "./bindings/SearchFilters";
import { activityLabels, formatDate } from "./format";
import { t } from "./i18n";
import { engagementLabels, profileTypeLabels } from "./profile";
import { facetChip } from "./components/insights/facets";

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
    experience: { min: null, max: null },
    active: null,
    facets: [],
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
    f.experience.min !== null || f.experience.max !== null,
    f.active !== null,
    f.facets.length > 0,
  ];
  return used.filter(Boolean).length;
}

/** Adds `value` to a list filter, or takes it out when `on` is false. */
export function toggled<T>(list: T[], value: T, on: boolean): T[] {
  const without = list.filter((v) => v !== value);
  return on ? [...without, value] : without;
}

/** Whether the filters ask for candidates interested in `area` (as the panel's box shows it). */
export function interestPicked(f: SearchFilters, area: string): boolean {
  return f.facets.some((x) => x.facet === "interest" && !x.exclude && x.value.toLowerCase() === area.toLowerCase());
}

/** The filters asking for those interested in `area` too (any of the areas ticked), or no longer. */
export function withInterest(f: SearchFilters, area: string, on: boolean): SearchFilters {
  const others = f.facets.filter((x) => !(x.facet === "interest" && x.value.toLowerCase() === area.toLowerCase()));
  return { ...f, facets: on ? [...others, { facet: "interest", value: area, exclude: false }] : others };
}

/** The areas a search asks for candidates to be interested in (any of them). */
export function interestsAskedFor(f: SearchFilters): string[] {
  return f.facets.filter((x) => x.facet === "interest" && !x.exclude).map((x) => x.value);
}

/** One filter in use, as a chip: what it says, and the filters without it. */
export type Chip = { key: string; label: string; without: (f: SearchFilters) => SearchFilters };

/** A date range's ends as the locale writes dates, "…" for an open end. */
function ends(r: DateRange): { from: string; to: string } {
  return { from: r.from ? formatDate(r.from) : "…", to: r.to ? formatDate(r.to) : "…" };
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
  for (const a of f.activity)
    add(`activity-${a}`, t("search.chip.activity", { value: activityLabels[a] }), (g) => (g.activity = toggled(g.activity, a, false)));
  for (const e of f.engagements_any)
    add(`has-${e}`, t("search.chip.has", { value: engagementLabels[e] }), (g) => (g.engagements_any = toggled(g.engagements_any, e, false)));
  for (const e of f.engagements_none)
    add(`lacks-${e}`, t("search.chip.without", { value: engagementLabels[e] }), (g) => (g.engagements_none = toggled(g.engagements_none, e, false)));
  if (f.location?.trim()) add("location", t("search.chip.location", { value: f.location.trim() }), (g) => (g.location = null));
  for (const tag of f.tags) add(`tag-${tag}`, t("search.chip.tag", { value: tag }), (g) => (g.tags = toggled(g.tags, tag, false)));
  if (f.pipeline) {
    const id = f.pipeline.pipeline_id;
    const name = choices?.pipelines.find((p) => p.id === id)?.name ?? t("search.chip.a_pipeline");
    const status = f.pipeline.status;
    const label = status ? t("search.chip.pipeline_status", { name, status }) : t("search.chip.pipeline", { name });
    add("pipeline", label, (g) => (g.pipeline = null));
  }
  if (f.event) {
    const id = f.event.event_id;
    const name = choices?.events.find((e) => e.id === id)?.name ?? t("search.chip.an_event");
    add("event", t("search.chip.event", { name, participation: f.event.participation }), (g) => (g.event = null));
  }
  if (f.job) {
    const id = f.job.job_id;
    const title = choices?.jobs.find((j) => j.id === id)?.title ?? t("search.chip.a_job");
    const status = f.job.hiring_status;
    add("job", status ? t("search.chip.job_status", { title, status }) : t("search.chip.job", { title }), (g) => (g.job = null));
  }
  for (const p of f.profile_types)
    add(`source-${p}`, t("search.chip.source", { value: profileTypeLabels[p] }), (g) => (g.profile_types = toggled(g.profile_types, p, false)));
  if (f.recruiter !== null) {
    const name = choices?.recruiters.find((u) => u.id === f.recruiter)?.name ?? t("search.chip.a_recruiter");
    add("recruiter", t("search.chip.recruiter", { name }), (g) => (g.recruiter = null));
  }
  if (f.created.from || f.created.to)
    add("created", t("search.chip.created", ends(f.created)), (g) => (g.created = { from: null, to: null }));
  if (f.updated.from || f.updated.to)
    add("updated", t("search.chip.updated", ends(f.updated)), (g) => (g.updated = { from: null, to: null }));
  if (f.experience.min !== null || f.experience.max !== null) {
    const { min, max } = f.experience;
    add("experience", t("search.chip.experience", { min: min ?? "…", max: max ?? "…" }), (g) => (g.experience = { min: null, max: null }));
  }
  if (f.eligible !== null)
    add("eligible", f.eligible ? t("search.chip.eligible") : t("search.chip.ineligible"), (g) => (g.eligible = null));
  if (f.active !== null) add("active", f.active ? t("search.chip.active") : t("search.chip.deactivated"), (g) => (g.active = null));
  for (const [i, facet] of f.facets.entries())
    add(`facet-${facet.facet}-${facet.exclude}-${facet.value}`, facetChip(facet), (g) => (g.facets = g.facets.filter((_, j) => j !== i)));
  return chips;
}
