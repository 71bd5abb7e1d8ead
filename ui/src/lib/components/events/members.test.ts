import { describe, expect, it } from "vitest";
import { formattingLocale } from "../../i18n/locale.svelte";
import { byWhom, dayOf, emptyText, filterTabs, ratingText, ratingTitle, shownText } from "./members";

describe("the event's list", () => {
  it("names each tab with its count once known", () => {
    const tabs = filterTabs({ registered: 512, attended: 1234, no_shows: 0 });
    expect(tabs.map((t) => t.id)).toEqual(["all", "registered", "attended", "walk_ins", "no_shows", "follow_up"]);
    expect(tabs.find((t) => t.id === "registered")?.label).toBe("Registered (512)");
    expect(tabs.find((t) => t.id === "no_shows")?.label).toBe("No-shows (0)");
    expect(tabs.find((t) => t.id === "walk_ins")?.label).toBe("Walk-ins");
  });

  it("says why a tab is empty: the search, or nobody yet", () => {
    expect(emptyText("attended", false)).toBe("Nobody has checked in yet");
    expect(emptyText("attended", true)).toBe("Nobody on this list matches the search");
  });

  it("says how much of a long list is shown", () => {
    expect(shownText(100, 512)).toBe("100 of 512 shown");
    expect(shownText(40, 40)).toBe("");
  });

  it("reads ratings as a mean with how many rated, each recruiter's in the tooltip", () => {
    expect(ratingText({})).toBe("—");
    expect(ratingText({ "ana@example.org": 4 })).toBe("4 ★");
    expect(ratingText({ "ana@example.org": 4, "ben@example.org": 5 })).toBe("4.5 ★ (2)");
    expect(ratingTitle({ "ana@example.org": 4, "ben@example.org": 5 })).toBe("ana@example.org: 4, ben@example.org: 5");
  });

  it("gives a registration's day without the year, and nothing for no day", () => {
    expect(dayOf("2026-04-11T12:00:00Z")).toBe(new Date("2026-04-11T12:00:00Z").toLocaleDateString(formattingLocale(), { month: "short", day: "numeric" }));
    expect(dayOf("2026-04-11T12:00:00Z")).not.toContain("2026");
    expect(dayOf(null)).toBe("");
  });

  it("names who checked someone in by their email's name", () => {
    expect(byWhom("ana.lima@example.org")).toBe("ana.lima");
    expect(byWhom(null)).toBe("");
  });
});
