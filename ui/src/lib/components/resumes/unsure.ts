// The fields of a parse the recruiter should check before a profile is made from it: those
// found with low confidence, or not found: the fields Parse Resume marks "check" too.
import type { Confidences } from "../../bindings/Confidences";
import { formatList } from "../../format";
import { translate, type MessageKey } from "../../i18n";

const CHECKED: [keyof Confidences, MessageKey][] = [
  ["name", "column.name"],
  ["email", "field.email"],
  ["phone", "field.phone"],
  ["location", "column.location"],
  ["employment", "actions.parse_work_history"],
  ["education", "actions.parse_education"],
  ["skills", "actions.parse_skills"],
  ["languages", "actions.parse_languages"],
  ["certifications", "actions.parse_certifications"],
];

/** The low-confidence fields by their labels, as one list in the window's language ("" for none). */
export function unsureFields(confidence: Confidences | null | undefined): string {
  if (!confidence) return "";
  return formatList(CHECKED.filter(([field]) => confidence[field] === "low").map(([, label]) => translate(label)));
}
