import { describe, expect, it } from "vitest";
import type { Event } from "../../bindings/Event";
import { draftOf, eventOf, localInput, newCodeKey } from "./draft";

const fair: Event = {
  id: "7b0c1a52-0000-4000-8000-000000000001",
  name: "Spring Career Fair",
  category: "career_fair",
  starts_at: "2026-05-02T09:30:00.000Z",
  location: "Hall A",
  capacity: 300,
  description: "Bring your CV",
  archived: true,
  code_key: "0123456789abcdef0123456789abcdef",
};

describe("the event form", () => {
  it("shows an event's start in local time and stores it back as the same instant", () => {
    const draft = draftOf(fair);
    expect(draft.startsAt).toBe(localInput(fair.starts_at));
    const made = eventOf(draft, fair);
    expect("event" in made && made.event.starts_at).toBe(fair.starts_at);
  });

  it("keeps an edited event's id, key and archived state", () => {
    const made = eventOf({ ...draftOf(fair), name: "  Autumn Fair " }, fair);
    if (!("event" in made)) throw new Error("refused");
    expect(made.event).toEqual({ ...fair, name: "Autumn Fair" });
  });

  it("gives a new event its own id and a 32-hex-character key", () => {
    const made = eventOf({ ...draftOf(null), name: "Meetup", location: "Online" }, null);
    if (!("event" in made)) throw new Error("refused");
    expect(made.event.code_key).toMatch(/^[0-9a-f]{32}$/);
    expect(made.event.id).not.toBe(fair.id);
    expect(made.event.capacity).toBeNull();
    expect(newCodeKey()).not.toBe(newCodeKey());
  });

  it("says what is wrong with each field", () => {
    const made = eventOf({ ...draftOf(null), name: " ", location: "", startsAt: "", capacity: "0" }, null);
    if (!("errors" in made)) throw new Error("accepted");
    expect(Object.keys(made.errors).sort()).toEqual(["capacity", "location", "name", "startsAt"]);
    for (const capacity of ["-3", "2.5", "ten"]) {
      const bad = eventOf({ ...draftOf(fair), capacity }, fair);
      expect("errors" in bad && bad.errors.capacity).toBeTruthy();
    }
  });

  it("starts a new event a week ahead at nine", () => {
    const draft = draftOf(null, new Date(2026, 3, 10, 15, 12));
    expect(draft.startsAt).toBe("2026-04-17T09:00");
  });
});
