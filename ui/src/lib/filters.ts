// The search panel's filters: the empty set, and how many are in use. Pure, tested.
import type { SearchFilters } from "./bindings/SearchFilters";

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
