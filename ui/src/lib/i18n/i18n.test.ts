import { afterEach, describe, expect, it } from "vitest";
import { setLocale, t } from ".";
import { languageOf } from "./locale.svelte";
import { countryName, formatAgo, formatCount, formatDate, formatList, resultsLabel } from "../format";

afterEach(() => setLocale("en"));

describe("messages in the window's language", () => {
  it("picks a catalogue from the OS's tag, English for anything unknown", () => {
    expect(languageOf("de_DE.UTF-8")).toBe("de");
    expect(languageOf("de-AT")).toBe("de");
    expect(languageOf("ar-XB")).toBe("ar-XB");
    expect(languageOf("fr-FR")).toBe("en");
    expect(languageOf("")).toBe("en");
  });

  it("says plurals and numbers the locale's way", () => {
    expect(t("door.walk_ins", { count: 1 })).toBe("1 walk-in");
    expect(t("door.walk_ins", { count: 1200 })).toBe("1,200 walk-ins");
    setLocale("de-DE");
    expect(t("format.results", { count: 1, hidden: 0 })).toBe("1 Ergebnis");
    expect(resultsLabel(12408)).toBe("12.408 Ergebnisse");
    expect(resultsLabel(12408, 1200)).toBe("12.408 Ergebnisse · 1.200 inaktive ausgeblendet");
    expect(t("sync.pending", { count: 0 })).toBe("Nichts wartet auf das Senden");
    expect(t("kiosk.done_signed_up", { named: "yes", name: "Ana" })).toBe("Danke, Ana! Sie sind angemeldet und eingecheckt.");
  });

  it("falls back to English for a language without a catalogue", () => {
    setLocale("fr-FR");
    expect(t("rail.settings")).toBe("Settings");
    // ... while numbers and dates follow the OS's region, their words the window's language.
    expect(formatCount(1234567)).toBe("1\u202f234\u202f567");
    expect(formatList(["python", "fintech"])).toBe("python and fintech");
    expect(formatDate("2026-12-04T10:00:00Z")).toBe("4 Dec 2026");
  });

  it("mirrors the pseudo-locale's own words but not the values put in them", () => {
    setLocale("ar-XB");
    expect(t("rail.settings")).toBe("\u202eSettings\u202c");
    expect(t("tags.exists", { name: "Rust" })).toBe("Rust\u202e is already on the list.\u202c");
  });
});

describe("values in the window's locale", () => {
  it("shows dates, counts, times ago and countries as the locale does", () => {
    setLocale("de-DE");
    expect(formatCount(990061)).toBe("990.061");
    expect(formatDate("2026-11-03T10:00:00Z")).toBe("3. Nov. 2026");
    expect(formatAgo("2026-11-03T10:00:00Z", Date.parse("2026-11-03T10:05:00Z"))).toBe("vor 5 Min.");
    expect(countryName("PT")).toBe("Portugal");
    expect(countryName("de")).toBe("Deutschland");
    expect(countryName("Lower Saxony")).toBe("Lower Saxony");
    setLocale("en-US");
    expect(countryName("DE")).toBe("Germany");
    expect(formatDate("2026-11-03T10:00:00Z")).toBe("Nov 3, 2026");
  });
});
