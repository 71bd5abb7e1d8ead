// "Show this event": a link elsewhere in the window (the profile's Activity › Events) asks for
// an event; App.svelte brings the Events page forward and the page selects it.
class EventNav {
  /** The event asked for, until the Events page has selected it. */
  wanted = $state<string | null>(null);

  show(id: string) {
    this.wanted = id;
  }

  /** The Events page took the request. */
  taken() {
    this.wanted = null;
  }
}

export const eventNav = new EventNav();
