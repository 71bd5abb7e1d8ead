// How the parts of a profile are shown: periods, labels, message delivery. Pure, tested.
import type { CommunicationMethod } from "./bindings/CommunicationMethod";
import type { Document } from "./bindings/Document";
import type { DocumentKind } from "./bindings/DocumentKind";
import type { EmploymentType } from "./bindings/EmploymentType";
import type { FieldValue } from "./bindings/FieldValue";
import type { Engagement } from "./bindings/Engagement";
import type { HistoryAction } from "./bindings/HistoryAction";
import type { JobLevel } from "./bindings/JobLevel";
import type { LinkKind } from "./bindings/LinkKind";
import type { Location } from "./bindings/Location";
import type { Message } from "./bindings/Message";
import type { ProfileType } from "./bindings/ProfileType";
import { countryName } from "./format";

// Dates with their time are format.ts's; the profile's parts and the events pages take them from here.
export { formatDateTime } from "./format";

/** "2019 – 2021", "2019-04 – present", "until 2020", or "" when neither end is known. */
export function period(start: string | null, end: string | null, current = false): string {
  const to = current ? "present" : end;
  if (start && to) return `${start} – ${to}`;
  if (start) return `since ${start}`;
  if (to) return current ? "present" : `until ${to}`;
  return "";
}

/** "Lisbon, Lisboa, Portugal" without empty parts; a country kept as a code is named in the locale's language. */
export function place(l: Location): string {
  return [l.city, l.region, countryName(l.country)].filter((p) => p.trim() !== "").join(", ");
}

export const engagementLabels: Record<Engagement, string> = {
  candidate_authenticated: "Candidate Authenticated",
  recruiter_generated: "Recruiter Generated",
  sent_campaign_email: "Sent Campaign Email",
  hired: "Hired",
  candidate_opt_in: "Candidate Opt-In",
  sent_direct_email: "Sent Direct Email",
  candidate_opt_out: "Candidate Opt-Out",
  sent_invite_to_apply: "Sent Invite to Apply",
  recruiter_reviewed: "Recruiter Reviewed",
};

export const profileTypeLabels: Record<ProfileType, string> = {
  candidate_authenticated: "Candidate Authenticated",
  recruiter_generated: "Recruiter Generated",
  applicant: "Applicant",
  event_attendee: "Event Attendee",
  imported: "Imported",
};

export const levelLabels: Record<JobLevel, string> = {
  entry: "Entry level",
  mid: "Mid level",
  senior: "Senior",
  lead: "Lead",
  manager: "Manager",
  director: "Director",
  executive: "Executive",
};

export const employmentTypeLabels: Record<EmploymentType, string> = {
  full_time: "Full time",
  part_time: "Part time",
  either: "Full or part time",
};

export const communicationLabels: Record<CommunicationMethod, string> = {
  email: "Email",
  phone: "Phone",
  text: "Text message",
};

export const linkLabels: Record<LinkKind, string> = {
  linked_in: "LinkedIn",
  git_hub: "GitHub",
  portfolio: "Portfolio",
  other: "Link",
};

export const documentKindLabels: Record<DocumentKind, string> = {
  resume: "Resume",
  cover_letter: "Cover letter",
  additional_document: "Additional document",
};

export const historyActionLabels: Record<HistoryAction, string> = {
  insert: "Created",
  update: "Profile",
  conflicting_update: "Profile, over a teammate's change",
  delete: "Deleted",
  event: "Event",
  tags: "Tags",
  note: "Note",
  pipeline: "Pipeline",
  job: "Job",
  status: "Status",
  document: "Document",
  message: "Message",
};

/** Yes / No / not stated. */
export function yesNo(value: boolean | null): string {
  return value === null ? "Not stated" : value ? "Yes" : "No";
}

/** The delivery steps of a message, in order, with the time each happened (null: not yet). */
export function deliverySteps(m: Message): { label: string; at: string | null }[] {
  return [
    { label: "Sent", at: m.sent_at },
    { label: "Delivered", at: m.delivered_at },
    { label: "Opened", at: m.opened_at },
    { label: "Clicked", at: m.clicked_at },
    { label: "Bounced", at: m.bounced_at },
  ];
}

/** The furthest step a message reached, for the list: "Bounced", "Opened", ... or "Queued". */
export function deliveryState(m: Message): string {
  if (m.bounced_at) return "Bounced";
  const reached = deliverySteps(m).filter((s) => s.at !== null && s.label !== "Bounced");
  return reached.length ? reached[reached.length - 1].label : "Queued";
}

/** File sizes as people read them: "840 B", "12.4 KB", "3.1 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A profile field's name for people: "current title", or a custom field's key. */
export function fieldLabel(v: FieldValue): string {
  if (v.field === "custom_field") return v.value.key.replaceAll("_", " ");
  const name = v.field.replaceAll("_", " ");
  return name[0].toUpperCase() + name.slice(1);
}

/** A field's value as one line of text ("—" when empty). */
export function valueText(v: FieldValue): string {
  const value = v.value;
  if (v.field === "custom_field") return v.value.value ?? "—";
  if (v.field === "location") return place(v.value) || "—";
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return yesNo(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "—";
    return value
      .map((item) => {
        if (typeof item === "string") return item;
        if ("title" in item) return `${item.title}, ${item.employer}`;
        if ("school" in item) return `${item.degree}, ${item.school}`;
        return item.url;
      })
      .join("; ");
  }
  return String(value).replaceAll("_", " ");
}

/** The resume the resume view shows: the newest one uploaded, as the store reads its text. */
export function newestResume(documents: Document[]): Document | null {
  const resumes = documents.filter((d) => d.kind === "resume");
  return resumes.reduce<Document | null>(
    (best, d) => (best === null || Date.parse(d.uploaded_at) > Date.parse(best.uploaded_at) ? d : best),
    null,
  );
}
