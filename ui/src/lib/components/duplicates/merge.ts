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

/** Fields the merge itself combines (every area of interest any of them chose stays, see
 *  crates/domain merge.rs): nothing to pick. */
const COMBINED = new Set(["interests"]);

/** The fields at least one candidate has a value for: the profile's own, then custom fields by key. */
export function fieldRows(candidates: Candidate[]): FieldRow[] {
  const custom = [...new Set(candidates.flatMap((c) => Object.keys(c.profile.custom_fields)))].sort();
  const keys = [...Object.keys(fieldLabels).filter((k) => !COMBINED.has(k)), ...custom.map((k) => `custom:${k}`)];
  return keys
    .map((key) => ({ key, values: candidates.map((c) => valueOf(c.profile, key)) }))
    .filter((row) => row.values.some((v) => !isEmpty(v)));
}

/** Candidates merged into the one who stays at most in one merge (MERGE_AT_MOST in
 *  crates/domain/src/merge.rs, which refuses more): said before Merge is pressed. */
export const MERGE_AT_MOST = 10;

/** Per field, the index of the candidate whose value is kept: the most recently updated one
 *  with a value, among those not left out of the merge. */
export function defaultPicks(candidates: Candidate[], rows: FieldRow[], leftOut: ReadonlySet<number> = new Set()): Record<string, number> {
  const newestFirst = candidates
    .map((c, i) => ({ i, at: Date.parse(c.updated_at) }))
    .filter(({ i }) => !leftOut.has(i))
    .sort((a, b) => b.at - a.at);
  return Object.fromEntries(
    rows.map((row) => [row.key, (newestFirst.find(({ i }) => !isEmpty(row.values[i])) ?? newestFirst[0]).i]),
  );
}

/** The picks with each one that fell on a left-out candidate picked again among the rest. */
export function repick(candidates: Candidate[], rows: FieldRow[], picks: Record<string, number>, leftOut: ReadonlySet<number>): Record<string, number> {
  const fallback = defaultPicks(candidates, rows, leftOut);
  return Object.fromEntries(rows.map((row) => [row.key, leftOut.has(picks[row.key]) ? fallback[row.key] : picks[row.key]]));
}

/** The indexes merged into the survivor: everyone else not left out. */
export function mergedIndexes(count: number, survivor: number, leftOut: ReadonlySet<number>): number[] {
  return [...Array(count).keys()].filter((i) => i !== survivor && !leftOut.has(i));
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

/** Keeps `candidates[survivor]` with the picked values; the others not left out become its
 *  tombstones, the left-out ones stay as they are. */
export function mergeMutation(
  candidates: Candidate[],
  survivor: number,
  rows: FieldRow[],
  picks: Record<string, number>,
  leftOut: ReadonlySet<number> = new Set(),
): Mutation {
  const keep = candidates[survivor];
  const merged = mergedProfile(keep.profile, rows, repick(candidates, rows, picks, leftOut));
  return {
    name: "candidate.merge",
    args: {
      survivor_id: keep.id,
      merged_ids: mergedIndexes(candidates.length, survivor, leftOut).map((i) => candidates[i].id),
      changes: profileChanges(keep.profile, merged),
    },
  };
}
