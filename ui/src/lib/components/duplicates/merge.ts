// The merge dialog's choices: each profile field with every candidate's value, the value
// picked (by default the most recently updated candidate's, when it has one), and the
// candidate.merge mutation they make.
import type { Candidate } from "../../bindings/Candidate";
import type { FieldValue } from "../../bindings/FieldValue";
import type { Mutation } from "../../bindings/Mutation";
import type { Profile } from "../../bindings/Profile";
import { profileChanges } from "../../edit";
import { fieldLabels, valueText } from "../../profile";

type PlainField = keyof typeof fieldLabels;

/** One row of the dialog: a field and each candidate's value of it, in the candidates' order. */
export type FieldRow = { key: string; values: FieldValue[] };

function valueOf(p: Profile, key: string): FieldValue {
  if (key.startsWith("custom:")) {
    const custom = key.slice("custom:".length);
    return { field: "custom_field", value: { key: custom, value: p.custom_fields[custom] ?? null } };
  }
  return { field: key, value: p[key as PlainField] } as FieldValue;
}

export const isEmpty = (v: FieldValue) => valueText(v) === "—";

/** The fields at least one candidate has a value for: the profile's own, then custom fields by key. */
export function fieldRows(candidates: Candidate[]): FieldRow[] {
  const custom = [...new Set(candidates.flatMap((c) => Object.keys(c.profile.custom_fields)))].sort();
  const keys = [...Object.keys(fieldLabels), ...custom.map((k) => `custom:${k}`)];
  return keys
    .map((key) => ({ key, values: candidates.map((c) => valueOf(c.profile, key)) }))
    .filter((row) => row.values.some((v) => !isEmpty(v)));
}

/** Per field, the index of the candidate whose value is kept: the most recently updated one
 *  with a value. */
export function defaultPicks(candidates: Candidate[], rows: FieldRow[]): Record<string, number> {
  const newestFirst = candidates.map((c, i) => ({ i, at: Date.parse(c.updated_at) })).sort((a, b) => b.at - a.at);
  return Object.fromEntries(
    rows.map((row) => [row.key, (newestFirst.find(({ i }) => !isEmpty(row.values[i])) ?? newestFirst[0]).i]),
  );
}

/** The survivor's profile with the picked values. */
export function mergedProfile(survivor: Profile, rows: FieldRow[], picks: Record<string, number>): Profile {
  const merged: Profile = structuredClone(survivor);
  for (const row of rows) {
    const v = row.values[picks[row.key]];
    if (v.field === "custom_field") {
      if (v.value.value === null) delete merged.custom_fields[v.value.key];
      else merged.custom_fields[v.value.key] = v.value.value;
    } else {
      (merged as Record<string, unknown>)[v.field] = structuredClone(v.value);
    }
  }
  return merged;
}

/** Keeps `candidates[survivor]` with the picked values; the others become its tombstones. */
export function mergeMutation(candidates: Candidate[], survivor: number, rows: FieldRow[], picks: Record<string, number>): Mutation {
  const keep = candidates[survivor];
  const merged = mergedProfile(keep.profile, rows, picks);
  return {
    name: "candidate.merge",
    args: {
      survivor_id: keep.id,
      merged_ids: candidates.filter((_, i) => i !== survivor).map((c) => c.id),
      changes: profileChanges(keep.profile, merged),
    },
  };
}
