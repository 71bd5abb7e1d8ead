import { describe, expect, it } from "vitest";
import { suggestions, withChip } from "./chips";

const skills = [
  { value: "Java", detail: "Programming" },
  { value: "JavaScript", detail: "Programming" },
  { value: "Amazon Web Services", detail: "Cloud" },
  { value: "Kubernetes", detail: "Cloud" },
  { value: "Node.js", detail: "Web" },
];

describe("suggestions", () => {
  it("offers what starts with the text first, then a word starting with it, then any containing it", () => {
    expect(suggestions(skills, "ja", []).map((o) => o.value)).toEqual(["Java", "JavaScript"]);
    expect(suggestions(skills, "web", []).map((o) => o.value)).toEqual(["Amazon Web Services"]);
    expect(suggestions(skills, "js", []).map((o) => o.value)).toEqual(["Node.js"]);
    expect(suggestions(skills, "ERNE", []).map((o) => o.value)).toEqual(["Kubernetes"]);
  });

  it("leaves out what is chosen in any spelling, offers nothing for nothing typed, and stops at the limit", () => {
    expect(suggestions(skills, "ja", ["java"]).map((o) => o.value)).toEqual(["JavaScript"]);
    expect(suggestions(skills, "  ", [])).toEqual([]);
    expect(suggestions(skills, "a", [], 2)).toHaveLength(2);
  });
});

describe("withChip", () => {
  it("adds a value once, trimmed, in the option's spelling when it is one", () => {
    expect(withChip(["Java"], " kubernetes ", skills)).toEqual(["Java", "Kubernetes"]);
    expect(withChip(["Java"], "Glassblowing", skills)).toEqual(["Java", "Glassblowing"]);
    expect(withChip(["Java"], "JAVA", skills)).toEqual(["Java"]);
    expect(withChip(["Java"], "   ")).toEqual(["Java"]);
  });
});
