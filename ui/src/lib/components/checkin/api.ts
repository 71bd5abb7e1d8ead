// Typed calls into the door's commands (src-tauri/src/checkin.rs). Undo, ratings and notes
// are plain mutations, through `api.apply`.
import { api, call } from "../../api";
import type { CandidateRow } from "../../bindings/CandidateRow";
import type { CheckIn } from "../../bindings/CheckIn";
import type { CheckInMatch } from "../../bindings/CheckInMatch";
import type { CodeLookup } from "../../bindings/CodeLookup";
import type { EventMemberRow } from "../../bindings/EventMemberRow";
import type { KioskEvent } from "../../bindings/KioskEvent";
import type { Profile } from "../../bindings/Profile";
import type { SignUp } from "../../bindings/SignUp";
import type { SignedUp } from "../../bindings/SignedUp";
import type { Visitor } from "../../bindings/Visitor";
import type { WalkIn } from "../../bindings/WalkIn";
import type { WalkedIn } from "../../bindings/WalkedIn";

export const doorApi = {
  /** Who matches what is typed so far: the event's registrants first. */
  lookup: (event: string, query: string) => call<CheckInMatch[]>("check_in_lookup", { event, query }),
  /** Whom a scanned code belongs to; null when the input is no code. */
  code: (event: string, input: string) => call<CodeLookup | null>("check_in_code", { event, input }),
  /** Checks them in now, unless they already are (then nothing changes). */
  checkIn: (event: string, candidate: string) => call<CheckIn>("check_in", { event, candidate }),
  lastCheckIns: (event: string) => call<EventMemberRow[]>("last_check_ins", { event }),
  undo: (event: string, candidate: string) =>
    api.apply({ name: "event.undo_check_in", args: { event_id: event, candidate_id: candidate } }),
  rate: (event: string, candidate: string, rating: number) =>
    api.apply({ name: "event.rate", args: { event_id: event, candidate_id: candidate, rating } }),
  note: (candidate: string, body: string) =>
    api.apply({ name: "note.add", args: { note_id: crypto.randomUUID(), candidate_id: candidate, body, private: false } }),
  duplicates: (profile: Profile) => call<CandidateRow[]>("walk_in_duplicates", { profile }),
  walkIn: (event: string, walkIn: WalkIn) => call<WalkedIn>("walk_in", { event, walkIn }),
};

export const kioskApi = {
  /** The kiosk's event when the window is one (after a reload too). */
  current: () => call<KioskEvent | null>("kiosk_event"),
  enter: (event: string, pin: string) => call<KioskEvent>("enter_kiosk", { event, pin }),
  leave: (pin: string) => call<void>("leave_kiosk", { pin }),
  lookup: (input: string) => call<Visitor | null>("kiosk_lookup", { input }),
  checkIn: () => call<Visitor>("kiosk_check_in"),
  signUp: (signUp: SignUp) => call<SignedUp>("kiosk_sign_up", { signUp }),
  forget: () => call<void>("kiosk_forget"),
};
