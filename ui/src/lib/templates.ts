// Message templates the compose dialog offers. Merge fields ({{first_name}}, ...) are filled
// for each candidate by the domain's rules when the message is queued (crates/domain
// message.rs), so a bulk email reads as written to each person.
import type { MessageKey } from "./i18n";

export type ComposeKind = "email" | "invite" | "text";

export interface Template {
  name: string;
  subject: string;
  body: string;
}

export const MERGE_FIELDS: { field: string; label: MessageKey; invite?: boolean }[] = [
  { field: "first_name", label: "field.first_name" },
  { field: "last_name", label: "field.last_name" },
  { field: "full_name", label: "actions.merge_full_name" },
  { field: "job_title", label: "actions.merge_job_title", invite: true },
  { field: "sender_name", label: "actions.merge_sender_name" },
];

export const TEMPLATES: Record<ComposeKind, Template[]> = {
  email: [
    {
      name: "Introduction",
      subject: "Hello {{first_name}}",
      body: "Hi {{first_name}},\n\nI came across your profile and would love to tell you about the roles we are hiring for. Do you have 20 minutes this week?\n\nBest regards,\n{{sender_name}}",
    },
    {
      name: "Follow-up",
      subject: "Following up, {{first_name}}",
      body: "Hi {{first_name}},\n\nI wanted to follow up on my last message. Is now a good time to talk?\n\nBest regards,\n{{sender_name}}",
    },
  ],
  invite: [
    {
      name: "Invite to apply",
      subject: "{{job_title}}: would you apply?",
      body: "Hi {{first_name}},\n\nYour background looks like a strong match for our {{job_title}} opening. I would be glad if you applied.\n\nBest regards,\n{{sender_name}}",
    },
  ],
  text: [
    {
      name: "Quick check-in",
      subject: "",
      body: "Hi {{first_name}}, this is {{sender_name}}. Do you have a minute to talk about a role? Reply STOP to opt out.",
    },
  ],
};

/** The merge fields a kind of message may use. */
export function mergeFieldsFor(kind: ComposeKind) {
  return MERGE_FIELDS.filter((f) => !f.invite || kind === "invite");
}
