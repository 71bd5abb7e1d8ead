// How the parts of a profile are shown: periods, labels, message delivery, in the window's
// language (the label tables are read when used, so they follow a change of it). Pure, tested.
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
import { countryName, labels } from "./format";
import { t, translate, type MessageKey } from "./i18n";
import { formattingLocale } from "./i18n/locale.svelte";

// Dates with their time are format.ts's; the profile's parts and the events pages take them from here.
export { formatDateTime } from "./format";

/** "2019 – 2021", "2019-04 – present", "until 2020", or "" when neither end is known. */
export function period(start: string | null, end: string | null, current = false): string {
  if (start && current) return t("profile.period_current", { start });
  if (start && end) return t("profile.period", { start, end });
  if (start) return t("profile.since", { start });
  if (current) return t("profile.present");
  if (end) return t("profile.until", { end });
  return "";
}

/** "Lisbon, Lisboa, Portugal" without empty parts; a country kept as a code is named in the locale's language. */
export function place(l: Location): string {
  return [l.city, l.region, countryName(l.country)].filter((p) => p.trim() !== "").join(", ");
}

export const engagementLabels: Record<Engagement, string> = labels({
  candidate_authenticated: "engagement.candidate_authenticated",
  recruiter_generated: "engagement.recruiter_generated",
  sent_campaign_email: "engagement.sent_campaign_email",
  hired: "engagement.hired",
  candidate_opt_in: "engagement.candidate_opt_in",
  sent_direct_email: "engagement.sent_direct_email",
  candidate_opt_out: "engagement.candidate_opt_out",
  sent_invite_to_apply: "engagement.sent_invite_to_apply",
  recruiter_reviewed: "engagement.recruiter_reviewed",
});

export const profileTypeLabels: Record<ProfileType, string> = labels({
  candidate_authenticated: "profile_type.candidate_authenticated",
  recruiter_generated: "profile_type.recruiter_generated",
  applicant: "profile_type.applicant",
  event_attendee: "profile_type.event_attendee",
  imported: "profile_type.imported",
});

export const levelLabels: Record<JobLevel, string> = labels({
  entry: "level.entry",
  mid: "level.mid",
  senior: "level.senior",
  lead: "level.lead",
  manager: "level.manager",
  director: "level.director",
  executive: "level.executive",
});

export const employmentTypeLabels: Record<EmploymentType, string> = labels({
  full_time: "employment_type.full_time",
  part_time: "employment_type.part_time",
  either: "employment_type.either",
});

export const communicationLabels: Record<CommunicationMethod, string> = labels({
  email: "communication.email",
  phone: "communication.phone",
  text: "communication.text",
});

export const linkLabels: Record<LinkKind, string> = labels({
  linked_in: "link.linked_in",
  git_hub: "link.git_hub",
  portfolio: "link.portfolio",
  other: "link.other",
});

export const documentKindLabels: Record<DocumentKind, string> = labels({
  resume: "document_kind.resume",
  cover_letter: "document_kind.cover_letter",
  additional_document: "document_kind.additional_document",
});

export const historyActionLabels: Record<HistoryAction, string> = labels({
  insert: "history.kind.insert",
  update: "history.kind.update",
  conflicting_update: "history.kind.conflicting_update",
  delete: "history.kind.delete",
  event: "history.kind.event",
  tags: "history.kind.tags",
  note: "history.kind.note",
  pipeline: "history.kind.pipeline",
  job: "history.kind.job",
  status: "history.kind.status",
  document: "history.kind.document",
  message: "history.kind.message",
});

/** The names of the profile's own fields (a custom field is named by its key). */
export const fieldLabels: Record<Exclude<FieldValue["field"], "custom_field">, string> = labels({
  first_name: "field.first_name",
  last_name: "field.last_name",
  email: "field.email",
  phone: "field.phone",
  location: "profile.field.location",
  current_title: "field.current_title",
  current_employer: "field.current_employer",
  employment: "profile.field.employment",
  education: "profile.field.education",
  skills: "profile.field.skills",
  links: "profile.field.links",
  willing_to_relocate: "profile.field.willing_to_relocate",
  desired_level: "profile.field.desired_level",
  employment_type: "profile.field.employment_type",
  languages: "profile.field.languages",
  certifications: "profile.field.certifications",
  interests: "profile.field.interests",
  preferred_communication: "profile.field.preferred_communication",
});

// The applicant tracking system's fixed words (crates/domain job.rs: hiring statuses and bins).
const atsWords = new Map<string, MessageKey>([
  ["New Submission", "ats.new_submission"],
  ["Reviewed", "ats.reviewed"],
  ["Phone Screen", "ats.phone_screen"],
  ["Interview", "ats.interview"],
  ["Offer", "ats.offer"],
  ["Hired", "ats.hired"],
  ["Rejected", "ats.rejected"],
  ["Withdrawn", "ats.withdrawn"],
  ["Submissions", "ats.submissions"],
  ["Screening", "ats.screening"],
  ["Interviewing", "ats.interviewing"],
]);

/** A hiring status or ATS bin in the window's language; a word the ATS added stays as it wrote it. */
export function atsWord(word: string): string {
  const key = atsWords.get(word);
  return key ? translate(key) : word;
}

/** Yes / No / not stated. */
export function yesNo(value: boolean | null): string {
  return value === null ? t("profile.not_stated") : value ? t("profile.yes") : t("profile.no");
}

type DeliveryStep = "sent" | "delivered" | "opened" | "clicked" | "bounced" | "failed";
const deliveryLabels: Record<DeliveryStep | "queued", string> = labels({
  queued: "delivery.queued",
  sent: "delivery.sent",
  delivered: "delivery.delivered",
  opened: "delivery.opened",
  clicked: "delivery.clicked",
  bounced: "delivery.bounced",
  failed: "delivery.failed",
});

/**
 * The delivery steps of a message, in order, with the time each happened (null: not yet). A
 * text is not opened or clicked, and one the provider could not deliver has failed (an email
 * bounces).
 */
export function deliverySteps(m: Message): { step: DeliveryStep; label: string; at: string | null }[] {
  const steps: [DeliveryStep, string | null][] =
    m.channel === "text"
      ? [
          ["sent", m.sent_at],
          ["delivered", m.delivered_at],
          ["failed", m.bounced_at],
        ]
      : [
          ["sent", m.sent_at],
          ["delivered", m.delivered_at],
          ["opened", m.opened_at],
          ["clicked", m.clicked_at],
          ["bounced", m.bounced_at],
        ];
  return steps.map(([step, at]) => ({ step, label: deliveryLabels[step], at }));
}

/** The furthest step a message reached, for the list: "Bounced", "Failed", "Opened", ... or "Queued". */
export function deliveryState(m: Message): string {
  const steps = deliverySteps(m);
  const last = steps[steps.length - 1];
  if (last.at) return last.label;
  const reached = steps.filter((s) => s.at !== null);
  return reached.length ? reached[reached.length - 1].label : deliveryLabels.queued;
}

/** File sizes as people read them, in the locale's units: "840 byte", "12.7 kB" ("12,7 kB"), "3.3 MB". */
export function fileSize(bytes: number): string {
  const [value, unit] =
    // Decimal units, as kB and MB mean (and as file managers count them now).
    bytes < 1000 ? [bytes, "byte"] : bytes < 1_000_000 ? [bytes / 1000, "kilobyte"] : [bytes / 1_000_000, "megabyte"];
  return new Intl.NumberFormat(formattingLocale(), { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 }).format(value);
}

/** A profile field's name for people: "Current title", or a custom field's key. */
export function fieldLabel(v: FieldValue): string {
  if (v.field === "custom_field") return v.value.key.replaceAll("_", " ");
  return fieldLabels[v.field];
}

/** A field's value as one line of text ("—" when empty). */
export function valueText(v: FieldValue): string {
  const value = v.value;
  if (v.field === "custom_field") return v.value.value ?? "—";
  if (v.field === "location") return place(v.value) || "—";
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return yesNo(value);
  if (v.field === "desired_level") return v.value ? levelLabels[v.value] : "—";
  if (v.field === "employment_type") return v.value ? employmentTypeLabels[v.value] : "—";
  if (v.field === "preferred_communication") return v.value ? communicationLabels[v.value] : "—";
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
  return String(value);
}

/** The resume the resume view shows: the newest one uploaded, as the store reads its text. */
export function newestResume(documents: Document[]): Document | null {
  const resumes = documents.filter((d) => d.kind === "resume");
  return resumes.reduce<Document | null>(
    (best, d) => (best === null || Date.parse(d.uploaded_at) > Date.parse(best.uploaded_at) ? d : best),
    null,
  );
}
