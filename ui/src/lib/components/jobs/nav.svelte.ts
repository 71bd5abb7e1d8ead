// "Show this job": a link elsewhere in the window (the profile's Activity › Applications) asks
// for a job; App.svelte brings the Jobs page forward and the page selects it.
class JobNav {
  /** The job asked for, until the Jobs page has selected it. */
  wanted = $state<string | null>(null);

  show(id: string) {
    this.wanted = id;
  }

  /** The Jobs page took the request. */
  taken() {
    this.wanted = null;
  }
}

export const jobNav = new JobNav();
