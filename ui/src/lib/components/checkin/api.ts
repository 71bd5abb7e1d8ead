// The door's calls (src-tauri/src/checkin.rs and checkin/*), over the generated typed
// commands. Undo, ratings and notes are plain mutations, through `api.apply`.
import { api } from "../../api";
import { commands } from "../../bindings/commands";
import type { SignUp } from "../../bindings/SignUp";
import type { WalkIn } from "../../bindings/WalkIn";

export const doorApi = {
  /** Who matches what is typed so far: the event's registrants first. */
  lookup: (event: string, query: string) => commands.checkInLookup({ event, query }),
  /** Whom a scanned code belongs to; null when the input is no code. */
  code: (event: string, input: string) => commands.checkInCode({ event, input }),
  /** Checks them in now, unless they already are (then nothing changes). */
  checkIn: (event: string, candidate: string) => commands.checkIn({ event, candidate }),
  lastCheckIns: (event: string) => commands.lastCheckIns({ event }),
  undo: (event: string, candidate: string) =>
    api.apply({ name: "event.undo_check_in", args: { event_id: event, candidate_id: candidate } }),
  rate: (event: string, candidate: string, rating: number) =>
    api.apply({ name: "event.rate", args: { event_id: event, candidate_id: candidate, rating } }),
  note: (candidate: string, body: string) =>
    api.apply({ name: "note.add", args: { note_id: crypto.randomUUID(), candidate_id: candidate, body, private: false } }),
  /** Someone new at the door: creates them, registers and checks them in. */
  walkIn: (event: string, walkIn: WalkIn) => commands.walkIn({ event, walkIn }),
};

export const kioskApi = {
  /** The kiosk's event when the window is one (after a reload too). */
  current: () => commands.kioskEvent(),
  /** Turns this window into the event's kiosk; `pin` is what leaving will ask for. */
  enter: (event: string, pin: string) => commands.enterKiosk({ event, pin }),
  leave: (pin: string) => commands.leaveKiosk({ pin }),
  /** The visitor with this email (exactly) or scanned code, if they are here. */
  lookup: (input: string) => commands.kioskLookup({ input }),
  /** Checks in the visitor last looked up. */
  checkIn: () => commands.kioskCheckIn(),
  signUp: (signUp: SignUp) => commands.kioskSignUp({ signUp }),
  /** Forgets the visitor at hand, so the next person sees nobody's details. */
  forget: () => commands.kioskForget(),
};
