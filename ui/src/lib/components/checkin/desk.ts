// The check-in desk's rules, apart from the screen: moving through the matches, and the words
// each outcome is shown in.

import type { CheckInMatch } from "../../bindings/CheckInMatch";
import { t } from "../../i18n";
import { formattingLocale } from "../../i18n/locale.svelte";

/** The highlighted match after an arrow key: stays inside the list, -1 when it is empty. */
export function moved(index: number, count: number, by: number): number {
  if (count === 0) return -1;
  return Math.min(count - 1, Math.max(0, index + by));
}

/** "10:42", or "Apr 3, 10:42" when it was not today. */
export function clock(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return "";
  const locale = formattingLocale();
  const time = at.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" });
  if (at.toDateString() === now.toDateString()) return time;
  return t("door.day_and_time", { day: at.toLocaleDateString(locale, { month: "short", day: "numeric" }), time });
}

/** "at 10:42 by you", "at 10:42 by sam@example.org": when and by whom someone was checked in. */
export function whenAndWho(at: string | null, by: string | null, me: string | null, now: Date = new Date()): string {
  const when = at ? t("door.at_time", { time: clock(at, now) }) : "";
  const who = !by ? "" : me && by.toLowerCase() === me.toLowerCase() ? t("door.by_you") : t("door.by_person", { person: by });
  return [when, who].filter(Boolean).join(" ");
}

/** What a scanned (or typed) code found, when it found no one to check in. */
export type CodeMiss = { kind: "other_event"; event_name: string } | { kind: "unknown" };

export function codeMissText(miss: CodeMiss): string {
  return miss.kind === "other_event"
    ? t("door.code_other_event", { event: miss.event_name })
    : t("door.code_unknown");
}

/** What the last Enter (or click, or walk-in) did, as the banner shows it. */
export type Outcome =
  | { kind: "checked_in"; person: CheckInMatch; note: string | null }
  | { kind: "already"; person: CheckInMatch }
  | { kind: "undone"; name: string }
  | { kind: "nobody"; typed: string }
  | { kind: "miss"; text: string }
  | { kind: "failed"; text: string };

/** The banner's tone (shown by colour and by words, never by colour alone). */
export type Tone = "good" | "warn" | "plain" | "bad";

/** The banner's headline, the name under it (if any), and the line of details. */
export function outcomeWords(o: Outcome, me: string | null): { tone: Tone; head: string; name: string; detail: string } {
  switch (o.kind) {
    case "checked_in": {
      const how = o.person.walk_in ? t("door.walk_in") : o.person.registered ? t("door.registered") : t("door.not_registered_added");
      return { tone: "good", head: t("door.checked_in"), name: o.person.full_name, detail: [o.person.employer_or_school, how].filter(Boolean).join(" · ") };
    }
    case "already": {
      const when = whenAndWho(o.person.checked_in_at, o.person.checked_in_by, me);
      const detail = when ? t("door.already_detail", { when }) : t("door.nothing_changed");
      return { tone: "warn", head: t("door.already"), name: o.person.full_name, detail };
    }
    case "undone":
      return { tone: "plain", head: t("door.undone"), name: o.name, detail: t("door.undone_detail") };
    case "nobody":
      return { tone: "plain", head: t("door.nobody_found", { typed: o.typed }), name: "", detail: t("door.nobody_found_detail") };
    case "miss":
      return { tone: "warn", head: t("door.nobody_checked_in"), name: "", detail: o.text };
    case "failed":
      return { tone: "bad", head: t("door.not_checked_in"), name: "", detail: o.text };
  }
}

/**
 * A name, email or phone typed into the box, turned into a walk-in's first fields when
 * nobody matched: "Ana Souza" gives the names, an email or a phone number goes where it belongs.
 */
export function typedIdentity(typed: string): { first_name: string; last_name: string; email: string; phone: string } {
  const text = typed.trim().replace(/\s+/g, " ");
  const none = { first_name: "", last_name: "", email: "", phone: "" };
  if (text.includes("@")) return { ...none, email: text };
  if (/^\+?[\d ()./-]{5,}$/.test(text)) return { ...none, phone: text };
  const [first, ...rest] = text.split(" ");
  return { ...none, first_name: first ?? "", last_name: rest.join(" ") };
}
