// Where a column goes, as the mapping step's select holds it: one string per choice
// ("email", "custom:visa", "event:<id>", "pipeline:<id>"), turned back into the ImportTarget
// the import takes; the words for each target and each kind of duplicate evidence; and the
// clash the import refuses (two columns sent to one single-valued field), found before asking.
import type { CustomFieldDef } from "../../bindings/CustomFieldDef";
import type { DedupeKind } from "../../bindings/DedupeKind";
import type { ImportColumn } from "../../bindings/ImportColumn";
import type { ImportTarget } from "../../bindings/ImportTarget";
import { t, translate, type MessageKey } from "../../i18n";

type Simple = Exclude<ImportTarget["to"], "custom_field" | "event" | "pipeline">;

/** The profile's fields, in the order the select offers them. */
export const profileTargets: Simple[] = [
  "first_name",
  "last_name",
  "full_name",
  "email",
  "phone",
  "city",
  "region",
  "country",
  "location",
  "current_title",
  "current_employer",
  "linked_in",
  "website",
  "skills",
  "languages",
  "certifications",
];

const simpleWords: Record<Simple, MessageKey> = {
  ignore: "import.target_ignore",
  first_name: "import.target_first_name",
  last_name: "import.target_last_name",
  full_name: "import.target_full_name",
  email: "import.target_email",
  phone: "import.target_phone",
  city: "import.target_city",
  region: "import.target_region",
  country: "import.target_country",
  location: "import.target_location",
  current_title: "import.target_current_title",
  current_employer: "import.target_current_employer",
  linked_in: "import.target_linked_in",
  website: "import.target_website",
  skills: "import.target_skills",
  languages: "import.target_languages",
  certifications: "import.target_certifications",
  tags: "import.target_tags",
  note: "import.target_note",
};

/** Targets whose values are lists, split at a separator. */
const listed = new Set(["skills", "languages", "certifications", "tags"]);

/** Targets several columns may share (their values add up). */
const shared = new Set(["ignore", "website", "skills", "languages", "certifications", "tags", "note"]);

/** The names the select shows for custom fields, events and pipelines. */
export interface Named {
  customFields: CustomFieldDef[];
  events: { id: string; name: string }[];
  pipelines: { id: string; name: string }[];
}

export function choiceOf(target: ImportTarget): string {
  switch (target.to) {
    case "custom_field":
      return `custom:${target.key}`;
    case "event":
      return `event:${target.event_id}`;
    case "pipeline":
      return `pipeline:${target.pipeline_id}`;
    default:
      return target.to;
  }
}

/** The target of a choice; a list's values split at `separator`. */
export function targetOf(choice: string, separator = ","): ImportTarget {
  const [kind, ...rest] = choice.split(":");
  const id = rest.join(":");
  if (kind === "custom") return { to: "custom_field", key: id };
  if (kind === "event") return { to: "event", event_id: id };
  if (kind === "pipeline") return { to: "pipeline", pipeline_id: id };
  if (kind === "skills" || kind === "languages" || kind === "certifications" || kind === "tags") return { to: kind, separator };
  return { to: kind as Exclude<Simple, "skills" | "languages" | "certifications" | "tags"> };
}

export function separatorOf(target: ImportTarget): string | null {
  return "separator" in target ? target.separator : null;
}

export function isListed(choice: string): boolean {
  return listed.has(choice);
}

/** A target in words: "Email", "Custom field: Visa", the event's or pipeline's name. */
export function targetWords(target: ImportTarget, named: Named): string {
  switch (target.to) {
    case "custom_field": {
      const def = named.customFields.find((d) => d.key === target.key);
      return t("import.target_custom", { label: def?.label ?? target.key });
    }
    case "event":
      return t("import.target_event", { name: named.events.find((e) => e.id === target.event_id)?.name ?? "?" });
    case "pipeline":
      return t("import.target_pipeline", { name: named.pipelines.find((p) => p.id === target.pipeline_id)?.name ?? "?" });
    default:
      return translate(simpleWords[target.to]);
  }
}

/** Why the mapping cannot be used as it is, in words; null when it can. */
export function mappingProblem(columns: ImportColumn[], named: Named): string | null {
  for (const [i, c] of columns.entries()) {
    const choice = choiceOf(c.target);
    if (shared.has(c.target.to)) continue;
    const other = columns.slice(i + 1).find((o) => choiceOf(o.target) === choice);
    if (other) return t("import.twice", { first: c.column, second: other.column, field: targetWords(c.target, named) });
  }
  const has = (to: string) => columns.some((c) => c.target.to === to);
  if (has("full_name") && (has("first_name") || has("last_name"))) return t("import.full_and_split");
  return null;
}

const evidenceWords: Record<DedupeKind, MessageKey> = {
  email: "import.evidence_email",
  linkedin: "import.evidence_linkedin",
  phone: "import.evidence_phone",
  name_employer: "import.evidence_name_employer",
  name_phone: "import.evidence_name_phone",
};

/** Why a row is taken for someone: "same email". */
export function evidenceText(kind: DedupeKind): string {
  return translate(evidenceWords[kind]);
}
