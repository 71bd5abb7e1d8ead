// The create / edit event form's values and the event they make. The date and time are typed
// in the computer's time zone and stored as a UTC instant. The domain checks the event again
// (crates/domain event.rs); this gives each field its message before anything is sent.
import type { Event } from "../../bindings/Event";
import type { EventCategory } from "../../bindings/EventCategory";
import { labels } from "../../format";
import { t } from "../../i18n";

/** Each category's name, in the window's language when read; in the order the form offers them. */
export const categoryLabels: Record<EventCategory, string> = labels({
  career_fair: "events.category_career_fair",
  info_session: "events.category_info_session",
  webinar: "events.category_webinar",
  meetup: "events.category_meetup",
  conference: "events.category_conference",
});

export const categoryLabel = (c: EventCategory) => categoryLabels[c] ?? c;

export interface Draft {
  name: string;
  category: EventCategory;
  /** As a `datetime-local` input holds it: "2026-05-02T09:30", local time. */
  startsAt: string;
  location: string;
  /** Typed digits, or empty for no limit. */
  capacity: string;
  description: string;
}

export type DraftField = "name" | "startsAt" | "location" | "capacity";

const pad = (n: number) => String(n).padStart(2, "0");

/** A UTC instant as a `datetime-local` value in local time. */
export function localInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The form for `event`, or for a new one (a career fair next week at 9:00). */
export function draftOf(event: Event | null, now = new Date()): Draft {
  if (event) {
    return {
      name: event.name,
      category: event.category,
      startsAt: localInput(event.starts_at),
      location: event.location,
      capacity: event.capacity === null ? "" : String(event.capacity),
      description: event.description,
    };
  }
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 7, 9, 0);
  return { name: "", category: "career_fair", startsAt: localInput(next.toISOString()), location: "", capacity: "", description: "" };
}

/** 32 lowercase hex characters from the system's secure random source: the secret the
 *  event's check-in codes derive from. */
export function newCodeKey(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** What is wrong with each field of the form (nothing when it makes an event). */
export function draftErrors(draft: Draft): Partial<Record<DraftField, string>> {
  const errors: Partial<Record<DraftField, string>> = {};
  if (!draft.name.trim()) errors.name = t("events.error_name");
  if (!draft.location.trim()) errors.location = t("events.error_location");
  if (!draft.startsAt || Number.isNaN(new Date(draft.startsAt).getTime())) errors.startsAt = t("events.error_starts");
  const capacity = draft.capacity.trim();
  if (capacity !== "" && !(/^\d+$/.test(capacity) && Number(capacity) >= 1 && Number(capacity) <= 4_294_967_295)) {
    errors.capacity = t("events.error_capacity");
  }
  return errors;
}

/**
 * The event the form describes (`base` for an edit: its id, key and archived state stay), or
 * what is wrong with each field.
 */
export function eventOf(draft: Draft, base: Event | null): { event: Event } | { errors: Partial<Record<DraftField, string>> } {
  const errors = draftErrors(draft);
  if (Object.keys(errors).length) return { errors };
  const capacity = draft.capacity.trim() === "" ? null : Number(draft.capacity.trim());
  return {
    event: {
      id: base?.id ?? crypto.randomUUID(),
      name: draft.name.trim(),
      category: draft.category,
      starts_at: new Date(draft.startsAt).toISOString(),
      location: draft.location.trim(),
      capacity,
      description: draft.description.trim(),
      archived: base?.archived ?? false,
      code_key: base?.code_key || newCodeKey(),
    },
  };
}
