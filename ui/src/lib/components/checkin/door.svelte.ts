// Which door screen fills the window: none, an event's check-in screen, or its kiosk. The
// event page opens them (App.svelte routes its buttons here); a window reloaded while it is
// a kiosk finds its way back from the backend, which alone decides when the kiosk ends.
import { eventNav } from "../events/nav.svelte";
import { kioskApi } from "./api";

class Door {
  /** The event at the door, while a door screen is open. */
  event = $state<string | null>(null);
  /** The window is a kiosk (only the recruiter's PIN ends it). */
  kiosk = $state(false);
  /** The check-in screen opened to choose a PIN and start the kiosk at once. */
  startKiosk = $state(false);

  checkIn(event: string) {
    this.event = event;
    this.startKiosk = false;
  }

  /** The event page's Kiosk button: the check-in screen asks for the PIN first. */
  askForKiosk(event: string) {
    this.event = event;
    this.startKiosk = true;
  }

  /** The backend made the window a kiosk for `event`. */
  entered(event: string) {
    this.event = event;
    this.kiosk = true;
    this.startKiosk = false;
  }

  /** Left with the PIN: back to the check-in screen. */
  left() {
    this.kiosk = false;
  }

  /** Back to the event's page. */
  close() {
    if (this.event) eventNav.show(this.event);
    this.event = null;
    this.kiosk = false;
    this.startKiosk = false;
  }

  /** After a reload: still a kiosk? */
  async resume() {
    const kiosk = await kioskApi.current();
    if (kiosk) this.entered(kiosk.event_id);
  }
}

export const door = new Door();
