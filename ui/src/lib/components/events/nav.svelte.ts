// "Show this event": the profile's Activity › Events asks; App.svelte brings the Events page
// forward and the page selects it.
import { LinkRequest } from "../../nav.svelte";

export const eventNav = new LinkRequest();
