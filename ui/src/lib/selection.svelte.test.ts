import { describe, expect, it } from "vitest";
import type { SearchRequest } from "./bindings/SearchRequest";
import { emptyFilters } from "./filters";
import { formatCount } from "./format";
import { Picked, searchKey } from "./selection.svelte";

function search(query: string, sort: SearchRequest["sort"] = "relevance"): SearchRequest {
  return { query, sort, filters: emptyFilters() };
}
const rows = (...ids: string[]) => ids.map((id) => ({ id }));

describe("Picked", () => {
  it("picks rows by hand, one or a page at a time", () => {
    const p = new Picked();
    const page = rows("a", "b", "c");
    p.toggle("b", page);
    expect(p.count).toBe(1);
    expect(p.pageState(page)).toBe("some");
    p.togglePage(page);
    expect(p.pageState(page)).toBe("all");
    expect(p.selection()).toEqual({ kind: "ids", ids: ["b", "a", "c"] });
    p.togglePage(page);
    expect(p.count).toBe(0);
    expect(p.pageState(page)).toBe("none");
  });

  it("shows every row of the search as picked once the whole search is", () => {
    const p = new Picked();
    const request = search("python");
    p.selectWholeSearch(request, 91164);
    expect(p.count).toBe(91164);
    expect(p.has("any row shown")).toBe(true);
    expect(p.pageState(rows("a", "b"))).toBe("all");
    expect(p.offScreen(rows("a"))).toBe(0);
    expect(p.selection()).toEqual({ kind: "search", request });
  });

  it("keeps the whole search through a refresh of that search, counting what it matches now", () => {
    const p = new Picked();
    p.selectWholeSearch(search("python"), 925);
    p.searched(search("python "), 925);
    p.searched(search("python", "name_asc"), 930);
    expect(p.wholeSearch?.total).toBe(930);
    // Refreshed again, its page came before its count: the total it had stays until counted.
    p.searched(search("python"), null);
    expect(p.wholeSearch?.total).toBe(930);
    expect(p.count).toBe(930);
    expect(p.notice).toBeNull();
    expect(p.selection()).toEqual({ kind: "search", request: search("python", "name_asc") });
  });

  it("ends the whole search when the search changes, and says so", () => {
    const p = new Picked();
    p.selectWholeSearch(search("python"), 925);
    p.searched(search(""), 990061);
    expect(p.count).toBe(0);
    expect(p.wholeSearch).toBeNull();
    expect(p.has("a")).toBe(false);
    expect(p.notice).toContain(`all ${formatCount(925)}`);
    p.toggle("a", rows("a"));
    expect(p.notice).toBeNull();
  });

  it("keeps ids picked by hand across searches and counts those out of sight", () => {
    const p = new Picked();
    const page = rows("a", "b", "c");
    p.togglePage(page);
    p.searched(search("other"), 10);
    expect(p.count).toBe(3);
    expect(p.offScreen(rows("c", "x", "y"))).toBe(2);
    expect(p.pageState(rows("c", "x"))).toBe("some");
  });

  it("unticking one row of the whole search leaves the other rows shown, picked by hand", () => {
    const p = new Picked();
    p.selectWholeSearch(search("python"), 925);
    p.toggle("b", rows("a", "b", "c"));
    expect(p.wholeSearch).toBeNull();
    expect(p.count).toBe(2);
    expect(p.has("b")).toBe(false);
  });

  it("the header's box clears the whole search", () => {
    const p = new Picked();
    p.selectWholeSearch(search("python"), 925);
    p.togglePage(rows("a"));
    expect(p.count).toBe(0);
  });

  it("a board picks exactly the cards it decided, ending the whole search", () => {
    const p = new Picked();
    p.selectWholeSearch(search("python"), 925);
    p.replace(["a", "c"]);
    expect(p.wholeSearch).toBeNull();
    expect(p.ids).toEqual(["a", "c"]);
    expect(p.selection()).toEqual({ kind: "ids", ids: ["a", "c"] });
    p.replace([]);
    expect(p.count).toBe(0);
  });

  it("tells searches apart by who matches, not by their order", () => {
    expect(searchKey(search("java", "name_asc"))).toBe(searchKey(search(" java", "updated_desc")));
    expect(searchKey(search("java"))).not.toBe(searchKey(search("kotlin")));
  });
});
