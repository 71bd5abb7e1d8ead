// Kiosk mode's rules, apart from the screen: the recruiter's PIN, the visitor's steps, and
// the idle clock that hands the screen to the next visitor.

import { t } from "../../i18n";

/** A visitor left alone this long finds the kiosk cleared. */
export const IDLE_MS = 60_000;
/** How long a "you're checked in" stays before the kiosk greets the next visitor. */
export const DONE_MS = 8_000;

/** Why this PIN (typed twice) cannot lock the kiosk, or null when it can. */
export function pinProblem(pin: string, again: string): string | null {
  if (!/^\d{4,8}$/.test(pin)) return t("pin.digits");
  if (pin !== again) return t("pin.differ");
  return null;
}

/** Where the visitor is. Only ever the visitor's own first name is held. */
export type Step =
  | { step: "welcome" }
  | { step: "confirm"; first_name: string; attended: boolean }
  | { step: "not_found"; typed: string }
  | { step: "sign_up" }
  | { step: "done"; first_name: string; signed_up: boolean; already: boolean };

export const WELCOME: Step = { step: "welcome" };

/** The words for a visitor who is done. */
export function doneText(s: Extract<Step, { step: "done" }>): string {
  const values = { named: s.first_name ? "yes" : "no", name: s.first_name };
  if (s.already) return t("kiosk.done_already", values);
  if (s.signed_up) return t("kiosk.done_signed_up", values);
  return t("kiosk.done_checked_in", values);
}

/**
 * Calls `expire` once nothing has been done for `ms`; every `touch` (a key, a tap) starts the
 * wait again. `stop` ends it for good.
 */
export class IdleClock {
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly ms: number,
    private readonly expire: () => void,
  ) {}

  touch(): void {
    this.stop();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.expire();
    }, this.ms);
  }

  stop(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}

/**
 * Keys a kiosk visitor's keyboard must not use: the browser's own (reload, find, print,
 * zoom, history) and anything with Ctrl, Alt or Meta; typing, Tab, Enter and the arrows stay.
 */
export function blockedKey(e: Pick<KeyboardEvent, "key" | "ctrlKey" | "altKey" | "metaKey">): boolean {
  if (/^F\d+$/.test(e.key)) return true;
  if (e.key === "Escape" || e.key === "BrowserBack" || e.key === "BrowserRefresh") return true;
  if (!(e.ctrlKey || e.altKey || e.metaKey)) return false;
  // Editing the field at hand is the visitor's; everything else is the recruiter's.
  return !(e.ctrlKey && !e.altKey && !e.metaKey && ["a", "c", "v", "x", "z"].includes(e.key.toLowerCase()));
}
