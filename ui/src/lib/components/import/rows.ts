// A planned row in words: who it is (its name; a rejected row, which has none, as its cells
// are, so the bad value shows) and what will happen to it.
import type { ImportPreviewRow } from "../../bindings/ImportPreviewRow";
import type { ImportRowProblem } from "../../bindings/ImportRowProblem";
import { t } from "../../i18n";
import { describeRule } from "../../ipc";
import { evidenceText } from "./targets";

export function rowName(row: ImportPreviewRow): string {
  const profile = row.planned.row?.profile;
  if (profile) return `${profile.first_name} ${profile.last_name}`.trim();
  return row.planned.cells
    .map((c) => c.trim())
    .filter((c) => c !== "")
    .join(" · ");
}

export function rowEmail(row: ImportPreviewRow): string {
  return row.planned.row?.profile.email ?? "";
}

export function fateText(row: ImportPreviewRow): string {
  const action = row.planned.action;
  const name = row.matched ?? "";
  switch (action.kind) {
    case "create":
      return action.duplicate_of
        ? t("import.fate_create_anyway", { name, evidence: evidenceText(action.duplicate_of.evidence) })
        : t("import.fate_create");
    case "merge":
      return t("import.fate_merge", { name, evidence: evidenceText(action.evidence) });
    case "unchanged":
      return t("import.fate_unchanged", { name, evidence: evidenceText(action.evidence) });
    case "skip_duplicate":
      return t("import.fate_skip_duplicate", { name, evidence: evidenceText(action.evidence) });
    case "skip_in_file":
      return t("import.fate_skip_in_file", { line: action.line, evidence: evidenceText(action.evidence) });
    case "reject":
      return t("import.fate_reject", { reasons: action.reasons.map(reasonText).join("; ") });
  }
}

/** Why a row is rejected, in the window's language (the error file keeps the English). */
export function reasonText(reason: ImportRowProblem): string {
  switch (reason.kind) {
    case "cell_count":
      return t("import.reason.cell_count", { cells: reason.cells, header: reason.header });
    case "rule":
      return describeRule(reason.rule);
    case "not_a_date":
      return t("import.reason.not_a_date", { column: reason.column });
    case "not_yes_no":
      return t("import.reason.not_yes_no", { column: reason.column });
    case "not_a_status":
      return t("import.reason.not_a_status", { column: reason.column, value: reason.value });
    case "unlisted_tag":
      return t("import.reason.unlisted_tag", { tag: reason.tag });
  }
}

/** Whether the user may choose otherwise for the row: it is someone already in Talentdesk. */
export function choosable(row: ImportPreviewRow): boolean {
  return row.matched !== null;
}

/** Whether "merge into" is offered besides the import's choice: the import skips or creates it. */
export function mergeOffered(row: ImportPreviewRow): boolean {
  const action = row.planned.action;
  return action.kind === "skip_duplicate" || (action.kind === "create" && action.duplicate_of !== null);
}
