// The catalogues are complete: every language has every key with the same arguments, every
// message parses, and every key the source asks for exists (and every key is asked for).
import { describe, expect, it } from "vitest";
import { en } from "./en";
import { de } from "./de";
import { argumentsOf, parse } from "./messages";

const others: Record<string, Record<string, string>> = { de };

// The source as text: `t("key"…)` calls and quoted keys in label tables.
const sources = import.meta.glob(["/src/**/*.ts", "/src/**/*.svelte", "!/src/lib/i18n/**", "!/src/**/*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

const args = (message: string, locale: string) => [...argumentsOf(parse(message, locale))].sort();

describe("the message catalogues", () => {
  for (const [language, catalogue] of Object.entries(others)) {
    it(`${language} has exactly the English keys`, () => {
      const missing = Object.keys(en).filter((k) => !(k in catalogue));
      const extra = Object.keys(catalogue).filter((k) => !(k in en));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it(`${language} messages parse and use the English arguments`, () => {
      const differing = Object.entries(en)
        .filter(([key, message]) => args(message, "en").join() !== args(catalogue[key] ?? "", language).join())
        .map(([key]) => key);
      expect(differing).toEqual([]);
    });
  }

  it("English messages parse", () => {
    for (const message of Object.values(en)) expect(() => parse(message, "en")).not.toThrow();
  });

  it("finds the sources it scans", () => {
    expect(Object.keys(sources).some((path) => path.endsWith("components/Rail.svelte"))).toBe(true);
  });

  it("has every key the source asks for", () => {
    const asked = new Set<string>();
    for (const text of Object.values(sources))
      for (const m of text.matchAll(/\bt\(\s*["'`]([\w.]+)["'`]/g)) asked.add(m[1]);
    expect(asked.size).toBeGreaterThan(50);
    expect([...asked].filter((k) => !(k in en))).toEqual([]);
  });

  it("has no key the source never names", () => {
    const all = Object.values(sources).join("\n");
    expect(Object.keys(en).filter((k) => !all.includes(`"${k}"`))).toEqual([]);
  });
});
