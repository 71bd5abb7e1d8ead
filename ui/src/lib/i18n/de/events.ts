// German: Events: the events list, an event's page, its list, summary, exports and follow-up.
import type { Translation } from "..";
import type { events as english } from "../en/events";

export const events: Translation<typeof english> = {};
