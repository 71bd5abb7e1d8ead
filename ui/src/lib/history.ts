// How a history entry reads in the History tab: what happened, in the window's language, made
// from the entry's data (its detail, or the fields an edit changed), and whether it changed
// profile fields (only those have a profile "as it was right after" worth showing).
import type { HistoryDetail } from "./bindings/HistoryDetail";
import type { HistoryEntry } from "./bindings/HistoryEntry";
import { activityLabels, formatList } from "./format";
import { t } from "./i18n";
import { atsWord, documentKindLabels, fieldLabel } from "./profile";

/** Whether the entry changed the profile's fields (its snapshot differs from the one before). */
export function changedProfile(entry: HistoryEntry): boolean {
  return entry.action === "insert" || entry.changes.length > 0;
}

/** "Tagged python and fintech", "Updated: Current title and Email", "Created". */
export function historySummary(entry: HistoryEntry): string {
  if (entry.detail) return detailText(entry.detail);
  if (entry.action === "insert") return t("history.created");
  if (entry.action === "delete") return t("history.deleted");
  // Entries stored before their kind had a detail: the domain's English words are all there is.
  if (entry.summary) return entry.summary;
  const overwrote = entry.action === "conflicting_update" ? "yes" : "no";
  const fields = entry.changes.map((c) => fieldLabel(c.to));
  return fields.length ? t("history.updated_fields", { overwrote, fields: formatList(fields) }) : t("history.updated", { overwrote });
}

const yes = (flag: boolean) => (flag ? "yes" : "no");

/** One sentence per kind of detail, each a message of the catalogue. */
function detailText(d: HistoryDetail): string {
  switch (d.kind) {
    case "tagged":
      return t("history.tagged", { tags: formatList(d.tags) });
    case "untagged":
      return t("history.untagged", { tags: formatList(d.tags) });
    case "note_added":
      return t("history.note_added", { private: yes(d.private) });
    case "note_edited":
      return t("history.note_edited", { private: yes(d.private) });
    case "note_deleted":
      return t("history.note_deleted", { private: yes(d.private) });
    case "note_privacy":
      return t("history.note_privacy", { private: yes(d.private) });
    case "added_to_pipeline":
      return t("history.added_to_pipeline", { pipeline: d.pipeline, status: d.status });
    case "removed_from_pipeline":
      return t("history.removed_from_pipeline", { pipeline: d.pipeline });
    case "pipeline_moved":
      return t("history.pipeline_moved", { pipeline: d.pipeline, from: d.from, to: d.to });
    case "submitted_to_job":
      return t("history.submitted_to_job", { job: d.job });
    case "hiring_status": {
      const [from, to] = [atsWord(d.from), atsWord(d.to)];
      return d.bin === null
        ? t("history.hiring_status", { job: d.job, from, to })
        : t("history.hiring_status_bin", { job: d.job, from, to, bin: atsWord(d.bin) });
    }
    case "withdrew":
      return t("history.withdrew", { job: d.job });
    case "eligible":
      return t("history.eligible", { eligible: yes(d.eligible) });
    case "active":
      return t("history.active", { active: yes(d.active) });
    case "subscribed":
      return t("history.subscribed", { subscribed: yes(d.subscribed) });
    case "texts_opted_out":
      return t("history.texts_opted_out", { opted_out: yes(d.opted_out) });
    case "reviewed":
      return t("history.reviewed", { from: activityLabels[d.from], to: activityLabels[d.to] });
    case "document_uploaded":
      return t("history.document_uploaded", { kind: documentKindLabels[d.document_kind], name: d.name });
    case "document_deleted":
      return t("history.document_deleted", { kind: documentKindLabels[d.document_kind], name: d.name });
    case "resume_parsed":
      return t("history.resume_parsed", { document: d.document });
    case "message_queued":
      if (d.channel === "text") return t("history.text_sent");
      if (d.message_kind !== "invite_to_apply") return t("history.email_sent");
      return d.job === null ? t("history.invited") : t("history.invited_to", { job: d.job });
    case "registered":
      return t("history.registered", { event: d.event });
    case "checked_in":
      return t("history.checked_in", { event: d.event, kiosk: yes(d.kiosk) });
    case "check_in_undone":
      return t("history.check_in_undone", { event: d.event });
    case "rated":
      return t("history.rated", { event: d.event, rating: d.rating });
    case "walked_in":
      return t("history.walked_in", { event: d.event, kiosk: yes(d.kiosk) });
    case "imported":
      return t("history.imported", { file: d.file, merged: yes(d.merged) });
    case "merged":
      return t("history.merged", { names: formatList(d.names) });
    case "merge_undone":
      return t("history.merge_undone", { names: formatList(d.names) });
    case "change_redirected":
      return t("history.change_redirected");
    case "erasure_requested":
      return t("history.erasure_requested");
    case "erasure_declined":
      return t("history.erasure_declined", { reason: d.reason });
  }
}
