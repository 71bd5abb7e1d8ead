// "Show this job": the profile's Activity › Applications asks; App.svelte brings the Jobs page
// forward and the page selects it.
import { LinkRequest } from "../../nav.svelte";

export const jobNav = new LinkRequest();

// "Find candidates…" (the palette): App.svelte brings the Jobs page forward and the page shows
// the pasted-description search.
export const findNav = new LinkRequest();
