// Edit Profile: the changes between the profile as read and as edited, one FieldChange per
// field that differs, each with the value it started from (the store detects a teammate's edit
// in between by it).
import type { FieldChange } from "./bindings/FieldChange";
import type { FieldValue } from "./bindings/FieldValue";
import type { Profile } from "./bindings/Profile";

type Plain = Exclude<FieldValue, { field: "custom_field" }>;
type PlainField = Plain["field"];

const PLAIN: PlainField[] = [
  "first_name",
  "last_name",
  "email",
  "phone",
  "location",
  "current_title",
  "current_employer",
  "employment",
  "education",
  "skills",
  "links",
  "willing_to_relocate",
  "desired_level",
  "employment_type",
  "languages",
  "certifications",
  "interests",
  "preferred_communication",
];

function value(p: Profile, field: PlainField): FieldValue {
  return { field, value: p[field] } as FieldValue;
}

/** Empty text means "not given" for the optional text fields. */
export function cleaned(p: Profile): Profile {
  const optional = (s: string | null) => (s === null || s.trim() === "" ? null : s.trim());
  return {
    ...p,
    email: optional(p.email),
    phone: optional(p.phone),
    skills: p.skills.map((s) => s.trim()).filter(Boolean),
    languages: p.languages.map((s) => s.trim()).filter(Boolean),
    certifications: p.certifications.map((s) => s.trim()).filter(Boolean),
    links: p.links.filter((l) => l.url.trim() !== ""),
    custom_fields: Object.fromEntries(Object.entries(p.custom_fields).filter(([, v]) => v?.trim())) as Profile["custom_fields"],
  };
}

export function profileChanges(before: Profile, edited: Profile): FieldChange[] {
  const after = cleaned(edited);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const changes: FieldChange[] = PLAIN.filter((f) => !same(before[f], after[f])).map((f) => ({
    from: value(before, f),
    to: value(after, f),
  }));
  const keys = new Set([...Object.keys(before.custom_fields), ...Object.keys(after.custom_fields)]);
  for (const key of [...keys].sort()) {
    const [from, to] = [before.custom_fields[key] ?? null, after.custom_fields[key] ?? null];
    if (from !== to) {
      changes.push({
        from: { field: "custom_field", value: { key, value: from } },
        to: { field: "custom_field", value: { key, value: to } },
      });
    }
  }
  return changes;
}

/** The form field a store error names (`email`, `employment`, `custom:visa`), if any. */
export function fieldOf(errorField: string): string {
  return errorField.split(/[.[]/)[0];
}
