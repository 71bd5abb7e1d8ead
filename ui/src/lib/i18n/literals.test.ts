// No component writes user-visible words straight into its markup: they go through t(…).
import { describe, expect, it } from "vitest";
import { literalTexts, withoutExpressions } from "./literals";

const components = import.meta.glob("/src/**/*.svelte", { query: "?raw", import: "default", eager: true }) as Record<
  string,
  string
>;

describe("literal text in markup", () => {
  it("finds text between tags and in spoken attributes, not in expressions or code", () => {
    const source = `<script>const a = "Not markup";</script>
      <p title="Open the profile" class="big">{t("x")} Save</p>
      <input placeholder={t("y")} aria-label="{name} row" />
      <span>{count > 1 ? "many" : "one"}</span> <b>·</b> <i>{"}"}</i>
      <style>p::after { content: "Nope"; }</style>`;
    expect(literalTexts(source)).toEqual(['title="Open the profile"', 'aria-label="… row"', "… Save"]);
    expect(withoutExpressions(`a{b{c}"}"}d`)).toBe("a…d");
    expect(literalTexts(`<button title="Next >" aria-label=Close>&hellip;</button>`)).toEqual([
      'title="Next >"',
      'aria-label="Close"',
    ]);
    expect(() => literalTexts(`<p>{s.replace(/'/g, "")}</p><p>Delete forever</p>`)).toThrow();
  });

  it("finds every component", () => {
    expect(Object.keys(components).some((p) => p.endsWith("components/Rail.svelte"))).toBe(true);
  });

  for (const [path, source] of Object.entries(components)) {
    it(`${path.replace("/src/", "")} says everything through the catalogue`, () => {
      expect(literalTexts(source)).toEqual([]);
    });
  }
});
