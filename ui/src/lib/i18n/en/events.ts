// English: Events: the events list, an event's page, its list, summary, exports and follow-up.
export const events = {} as const;
