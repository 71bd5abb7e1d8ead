import { afterEach, describe, expect, it } from "vitest";
import { currentRole, formatDate, formatDateTime, formatYears, resultsLabel, tagCell } from "./format";
import { setLocale } from "./i18n";

describe("format", () => {
  afterEach(() => setLocale("en"));

  it("shows two tags and counts the rest", () => {
    expect(tagCell(["Veteran", "Referral", "Bilingual", "Remote Only"])).toEqual({ chips: ["Veteran", "Referral"], more: 2 });
    expect(tagCell(["Veteran"])).toEqual({ chips: ["Veteran"], more: 0 });
    expect(tagCell([])).toEqual({ chips: [], more: 0 });
  });

  it("joins title and employer only when both are known", () => {
    expect(currentRole("Data Engineer", "Northwind")).toBe("Data Engineer at Northwind");
    expect(currentRole("Data Engineer", "")).toBe("Data Engineer");
    expect(currentRole("", "Northwind")).toBe("Northwind");
  });

  it("labels result counts with the right plural and grouping", () => {
    expect(resultsLabel(1)).toBe("1 result");
    expect(resultsLabel(0)).toBe("0 results");
    expect(resultsLabel(12408)).toMatch(/^12.408 results$/);
    expect(resultsLabel(12408, 1)).toMatch(/^12.408 results · 1 inactive hidden$/);
    expect(resultsLabel(1, 0)).toBe("1 result");
    // Not counted yet (an email typed past its dot): a lower bound, said as one.
    expect(resultsLabel(888, 2, false)).toBe("888+ results");
  });

  it("shows a bad date as nothing rather than 'Invalid Date'", () => {
    expect(formatDate("not a date")).toBe("");
    expect(formatDate("2026-11-03T10:00:00Z")).toMatch(/2026/);
  });

  it("shows a date with its time the window's way, not the browser's", () => {
    setLocale("de-DE");
    expect(formatDateTime("2026-11-03T10:05:00Z")).toMatch(/^3\. Nov\. 2026, \d\d:05$/);
    setLocale("en-US");
    expect(formatDateTime("2026-11-03T10:05:00Z")).toMatch(/^Nov 3, 2026, \d{1,2}:05 [AP]M$/);
    expect(formatDateTime(null)).toBe("");
  });

  it("shows months of experience as years with one decimal, none as a dash", () => {
    expect(formatYears(54)).toBe("4.5 yrs");
    expect(formatYears(120)).toBe("10 yrs");
    expect(formatYears(0)).toBe("–");
    setLocale("de-DE");
    expect(formatYears(54)).toBe("4,5 J.");
  });
});
