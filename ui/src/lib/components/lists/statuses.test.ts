import { describe, expect, it } from "vitest";
import { destinations, movedTo, moveStatus, statusProblem } from "./statuses";

const hiring = ["New", "Screen", "Interview", "Offer"];

describe("workflow statuses in the editor", () => {
  it("refuses an empty status and one the pipeline has, whatever its case", () => {
    expect(statusProblem(hiring, "  ")).toBe("empty");
    expect(statusProblem(hiring, "offer")).toBe("twice");
    expect(statusProblem(hiring, " Hired ")).toBeNull();
  });

  it("lets a status keep its own name or change its case", () => {
    expect(statusProblem(hiring, "screen", 1)).toBeNull();
    expect(statusProblem(hiring, "Interview", 1)).toBe("twice");
  });

  it("moves a status up or down one place, never past either end", () => {
    expect(movedTo(4, 0, -1)).toBeNull();
    expect(movedTo(4, 3, 1)).toBeNull();
    expect(movedTo(4, 2, -1)).toBe(1);
    expect(moveStatus(hiring, 3, 1)).toEqual(["New", "Offer", "Screen", "Interview"]);
    expect(moveStatus(hiring, 0, 3)).toEqual(["Screen", "Interview", "Offer", "New"]);
    expect(hiring).toEqual(["New", "Screen", "Interview", "Offer"]);
  });

  it("offers the other statuses for a removed one's members", () => {
    expect(destinations(hiring, "Screen")).toEqual(["New", "Interview", "Offer"]);
  });
});
