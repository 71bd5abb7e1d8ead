// "Show this one": a link elsewhere in the window (a profile's pipeline, event or job) asks for
// a record; App.svelte brings its page forward and the page selects it.
export class LinkRequest {
  /** The record asked for, until its page has selected it. */
  wanted = $state<string | null>(null);

  show(id: string) {
    this.wanted = id;
  }

  /** The page took the request. */
  taken() {
    this.wanted = null;
  }
}

/** A pipeline asked for (the profile's Pipelines tab). */
export const pipelineNav = new LinkRequest();
