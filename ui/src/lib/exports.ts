// The fields an export can hold (crates/store export.rs), as the export dialog lists them.
import type { ExportField } from "./bindings/ExportField";
import type { ExportFormat } from "./bindings/ExportFormat";
import type { MessageKey } from "./i18n";

export const EXPORT_FIELDS: { id: ExportField; label: MessageKey }[] = [
  { id: "name", label: "export_field.name" },
  { id: "email", label: "export_field.email" },
  { id: "phone", label: "export_field.phone" },
  { id: "location", label: "export_field.location" },
  { id: "current_title", label: "export_field.current_title" },
  { id: "current_employer", label: "export_field.current_employer" },
  { id: "employment", label: "export_field.employment" },
  { id: "education", label: "export_field.education" },
  { id: "skills", label: "export_field.skills" },
  { id: "interests", label: "export_field.interests" },
  { id: "links", label: "export_field.links" },
  { id: "tags", label: "export_field.tags" },
  { id: "activity_status", label: "export_field.activity_status" },
  { id: "profile_type", label: "export_field.profile_type" },
  { id: "status", label: "export_field.status" },
  { id: "preferences", label: "export_field.preferences" },
  { id: "custom_fields", label: "export_field.custom_fields" },
  { id: "created", label: "export_field.created" },
  { id: "updated", label: "export_field.updated" },
  { id: "notes", label: "export_field.notes" },
  { id: "applications", label: "export_field.applications" },
  { id: "pipelines", label: "export_field.pipelines" },
  { id: "events", label: "export_field.events" },
  { id: "messages", label: "export_field.messages" },
  { id: "documents", label: "export_field.documents" },
  { id: "history", label: "export_field.history" },
];

/** What a bulk export holds unless the user picks more: the profile, not its activity. */
export const PROFILE_FIELDS: ExportField[] = [
  "name",
  "email",
  "phone",
  "location",
  "current_title",
  "current_employer",
  "skills",
  "tags",
  "activity_status",
];

/** A safe file name: "Ana Souza profile.txt", or "candidates 2026-12-02.csv" for a bulk export. */
export function exportFileName(person: string | null, format: ExportFormat, today: Date): string {
  const day = today.toISOString().slice(0, 10);
  return safeFileName(person ? `${person} profile` : `candidates ${day}`, format);
}

/** `base.extension`, with the characters no file system takes in a name replaced. */
export function safeFileName(base: string, extension: string): string {
  return `${base.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").trim()}.${extension}`;
}
