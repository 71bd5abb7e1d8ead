// The fields an export can hold (crates/store export.rs), as the export dialog lists them.
import type { ExportField } from "./bindings/ExportField";
import type { ExportFormat } from "./bindings/ExportFormat";

export const EXPORT_FIELDS: { id: ExportField; label: string }[] = [
  { id: "name", label: "Name" },
  { id: "email", label: "Email" },
  { id: "phone", label: "Phone" },
  { id: "location", label: "Location" },
  { id: "current_title", label: "Current title" },
  { id: "current_employer", label: "Current employer" },
  { id: "employment", label: "Employment" },
  { id: "education", label: "Education" },
  { id: "skills", label: "Skills" },
  { id: "links", label: "Links" },
  { id: "tags", label: "Tags" },
  { id: "activity_status", label: "Activity status" },
  { id: "profile_type", label: "Profile type" },
  { id: "status", label: "Eligible, active, subscribed" },
  { id: "preferences", label: "Preferences" },
  { id: "custom_fields", label: "Custom fields" },
  { id: "created", label: "Created" },
  { id: "updated", label: "Updated" },
  { id: "notes", label: "Notes" },
  { id: "applications", label: "Job applications" },
  { id: "pipelines", label: "Pipelines" },
  { id: "events", label: "Events" },
  { id: "messages", label: "Messages" },
  { id: "documents", label: "Documents" },
  { id: "history", label: "History" },
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
