import { describe, expect, it } from "vitest";
import { fold, fuzzyScore, rank } from "./fuzzy";

describe("fuzzyScore", () => {
  it("matches the letters in order, anywhere, and nothing else", () => {
    expect(fuzzyScore("mgtg", "Manage Tags")).not.toBeNull();
    expect(fuzzyScore("tags", "Manage Tags")).not.toBeNull();
    expect(fuzzyScore("nags", "Manage Tags")).not.toBeNull();
    expect(fuzzyScore("sgat", "Manage Tags")).toBeNull();
    expect(fuzzyScore("x", "Manage Tags")).toBeNull();
    expect(fuzzyScore("much longer than the text", "Tags")).toBeNull();
  });

  it("ignores case, accents and the query's spaces", () => {
    expect(fuzzyScore("jose", "José Álvarez")).not.toBeNull();
    expect(fuzzyScore("ALV", "José Álvarez")).not.toBeNull();
    expect(fuzzyScore("add tag", "Add Tag")).toBe(fuzzyScore("addtag", "Add Tag"));
    expect(fold("Ünïcödé")).toBe("unicode");
  });

  it("prefers letters that start words, then letters that run together", () => {
    const score = (q: string, t: string) => fuzzyScore(q, t) ?? -Infinity;
    expect(score("at", "Add Tag")).toBeGreaterThan(score("at", "Data"));
    expect(score("sf", "Spring Career Fair")).toBeGreaterThan(score("sf", "Classified"));
    expect(score("fair", "Spring Career Fair")).toBeGreaterThan(score("fair", "Pacific airlines"));
    expect(score("pipe", "Pipelines")).toBeGreaterThan(score("pipe", "Open pipe shop"));
    // Camel case starts a word too.
    expect(score("dt", "DataTools")).toBeGreaterThan(score("dt", "Datatools"));
  });

  it("matches everything with an empty query", () => {
    expect(fuzzyScore("", "Anything")).toBe(0);
    expect(fuzzyScore("   ", "Anything")).toBe(0);
  });
});

describe("rank", () => {
  const names = ["Settings", "Spring Career Fair", "Backend pipeline", "Sales Engineer", "Events"];

  it("keeps the matches, best first, up to the limit", () => {
    expect(rank("ev", names, (n) => n)).toEqual(["Events"]);
    expect(rank("s", names, (n) => n, 2)).toEqual(["Settings", "Sales Engineer"]);
    expect(rank("scf", names, (n) => n)[0]).toBe("Spring Career Fair");
    expect(rank("zzz", names, (n) => n)).toEqual([]);
  });

  it("keeps the given order for an empty query", () => {
    expect(rank("", names, (n) => n)).toEqual(names);
  });
});

describe("rank by several texts", () => {
  it("scores an item by the best of its texts", () => {
    const items = [
      { label: "Manage Tags", also: "add tag, remove tag" },
      { label: "Add to Pipeline", also: "" },
    ];
    expect(rank("add tag", items, (i) => [i.label, i.also]).map((i) => i.label)).toEqual(["Manage Tags"]);
    expect(rank("pipe", items, (i) => [i.label, i.also]).map((i) => i.label)).toEqual(["Add to Pipeline"]);
  });
});
