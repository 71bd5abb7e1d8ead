// The organisation's message templates (src-tauri/src/templates.rs), which Compose starts
// from and admins manage in Settings. Which merge fields ({{first_name}}, ...) each kind may
// use comes from the domain with them; the fields are filled for each candidate by the
// domain's rules when the message is queued (crates/domain message.rs), so a bulk email reads
// as written to each person. Changes are mutations (template.put, template.delete).
import { commands } from "./bindings/commands";
import type { Template } from "./bindings/Template";
import type { TemplateKind } from "./bindings/TemplateKind";
import type { Templates } from "./bindings/Templates";

/** Email, Invite to Apply or Bulk Text: the kinds of template, one per Compose action. */
export type ComposeKind = TemplateKind;

export const TEMPLATE_KINDS: readonly TemplateKind[] = ["email", "invite", "text"];

export const templatesApi = {
  /** The templates by kind and name, with each kind's merge fields. */
  all: () => commands.templates(),
  /** `template` as typed, filled for the candidate (an invitation for `jobId`, or the first open job). */
  fill: (template: Template, candidateId: string, jobId: string | null = null) => commands.fillTemplate({ template, candidateId, jobId }),
};

export function ofKind(all: Templates, kind: TemplateKind): Template[] {
  return all.templates.filter((x) => x.kind === kind);
}

/** The merge fields a kind of template may use, as the domain lists them. */
export function fieldsOf(all: Templates, kind: TemplateKind): string[] {
  return all.merge_fields.find((k) => k.kind === kind)?.fields ?? [];
}

/** How a merge field is written in a template. */
export const token = (field: string) => `{{${field}}}`;

/** Puts `text` in place of the box's selection and puts the caret after it. */
export function insertAtCaret(box: HTMLTextAreaElement | HTMLInputElement, value: string, text: string): string {
  const [from, to] = [box.selectionStart ?? value.length, box.selectionEnd ?? value.length];
  queueMicrotask(() => {
    box.focus();
    box.setSelectionRange(from + text.length, from + text.length);
  });
  return value.slice(0, from) + text + value.slice(to);
}
