import { afterEach, describe, expect, it, vi } from "vitest";
import type { CandidateRow } from "../../bindings/CandidateRow";
import type { Counted } from "../../bindings/Counted";
import type { SearchPage } from "../../bindings/SearchPage";
import type { SearchRequest } from "../../bindings/SearchRequest";

// Each search's first page as the test answers it, by query (null: the app says it was
// superseded), whether it is the opening search or one typed after it.
const answers = new Map<string, () => Promise<SearchPage | null>>();
vi.mock("../../opening", () => ({
  RESULTS_PAGE: 200,
  firstPage: (request: SearchRequest) => answers.get(request.query)!(),
}));
// The numbers of the typed searches asked for, by query, and of those the app was told to stop.
const numbered = new Map<string, number>();
const superseded: number[] = [];
// How many rows each typed search asked for.
const limits: number[] = [];
// Each count asked for a page answered before its total, by query, and the number it was asked as.
const totals = new Map<string, () => Promise<Counted | null>>();
const counting = new Map<string, number>();
let number = 0;
vi.mock("./api", () => ({
  nextSearchNumber: () => ++number,
  typedSearch: (request: SearchRequest, n: number, limit: number) => {
    numbered.set(request.query, n);
    limits.push(limit);
    return answers.get(request.query)!();
  },
  typedTotal: (request: SearchRequest, n: number) => {
    counting.set(request.query, n);
    return totals.get(request.query)!();
  },
  supersede: (n: number) => superseded.push(n),
}));

const { SearchState, SLOW_MS } = await import("./search.svelte");

function page(query: string, total: number, inactive = 0, counted = true): SearchPage {
  const rows = [{ id: `${query}-1`, name: query } as CandidateRow];
  return { rows, total, inactive_hidden: inactive, next: null, counted };
}

afterEach(() => {
  answers.clear();
  numbered.clear();
  totals.clear();
  counting.clear();
  superseded.length = 0;
  limits.length = 0;
  vi.useRealTimers();
});

describe("SearchState", () => {
  it("reads the search shown again as the same search, as far as it was loaded", async () => {
    const search = new SearchState(() => {});
    answers.set("python", async () => page("python", 240));
    answers.set("java", async () => page("java", 12));
    search.query = "python";
    await search.run();
    const shown = search.shownSearch;
    search.rows = Array.from({ length: 300 }, (_, i) => ({ id: `python-${i}`, name: "python" }) as CandidateRow);
    // A teammate's change pulled: the same search, so the table stays where it was scrolled.
    await search.run(true);
    expect(search.shownSearch).toBe(shown);
    expect(limits).toEqual([300]);
    // The words changed before the refresh ran: that is a new search, from its first page.
    search.query = "java";
    await search.run(true);
    expect(search.shownSearch).not.toBe(shown);
    expect(limits).toEqual([300, 200]);
  });

  it("shows a search's rows and counts, and tells whoever listens", async () => {
    const shown: [string, number | null][] = [];
    const search = new SearchState((request, total) => shown.push([request.query, total]));
    expect(search.loading).toBe(true);
    answers.set("python", async () => page("python", 240, 4));
    search.query = "python";
    await search.run();
    expect(search.loading).toBe(false);
    expect([search.total, search.inactiveHidden, search.rows[0].id]).toEqual([240, 4, "python-1"]);
    expect(shown).toEqual([["python", 240]]);
  });

  it("keeps the last good results when a query is malformed, saying why", async () => {
    const search = new SearchState(() => {});
    answers.set("python", async () => page("python", 240));
    answers.set("python AND (", async () => Promise.reject(new Error("the query ends where a term was expected")));
    search.query = "python";
    await search.run();
    search.query = "python AND (";
    await search.run();
    expect(search.error).toContain("term was expected");
    expect(search.total).toBe(240);
    expect(search.rows[0].id).toBe("python-1");
    expect(search.shown?.query).toBe("python");
  });

  it("drops an older search's answer that arrives after a newer one", async () => {
    const search = new SearchState(() => {});
    let late!: (p: SearchPage) => void;
    answers.set("j", () => new Promise((resolve) => (late = resolve)));
    answers.set("java", async () => page("java", 159));
    search.query = "j";
    const first = search.run();
    search.query = "java";
    await search.run();
    late(page("j", 500));
    await first;
    expect(search.total).toBe(159);
  });

  it("never paints a search superseded by typing while it ran; the latest runs after it", async () => {
    const painted: string[] = [];
    const search = new SearchState((request) => painted.push(request.query));
    let slow!: (p: SearchPage) => void;
    answers.set("m", () => new Promise((resolve) => (slow = resolve)));
    answers.set("mar", async () => page("mar", 12));
    search.query = "m";
    const typing = search.changed();
    search.query = "ma";
    void search.changed();
    search.query = "mar";
    void search.changed();
    slow(page("m", 90000));
    await typing;
    await vi.waitFor(() => expect(painted).toEqual(["mar"]));
    expect([search.total, search.rows[0].id]).toEqual([12, "mar-1"]);
  });

  it("tells the app to stop a search typing superseded, once, and paints only the latest", async () => {
    const painted: string[] = [];
    const search = new SearchState((request) => painted.push(request.query));
    answers.set("", async () => page("", 990000));
    await search.run();
    let stopped!: (p: SearchPage | null) => void;
    answers.set("m", () => new Promise((resolve) => (stopped = resolve)));
    answers.set("mar", async () => page("mar", 12));
    search.query = "m";
    const typing = search.changed();
    expect(superseded).toEqual([]);
    search.query = "ma";
    void search.changed();
    search.query = "mar";
    void search.changed();
    expect(superseded).toEqual([numbered.get("m")]);
    stopped(null);
    await typing;
    await vi.waitFor(() => expect(painted).toEqual(["", "mar"]));
    expect([search.total, search.rows[0].id, search.error]).toEqual([12, "mar-1", null]);
    expect(superseded).toEqual([numbered.get("m")]);
  });

  it("supersedes a search in flight when asked to run again (a refresh, a new order)", async () => {
    const search = new SearchState(() => {});
    answers.set("", async () => page("", 990000));
    await search.run();
    let slow!: (p: SearchPage | null) => void;
    answers.set("sa", () => new Promise((resolve) => (slow = resolve)));
    search.query = "sa";
    const first = search.run();
    answers.set("sam", async () => page("sam", 3000));
    search.query = "sam";
    search.sort = "name_asc";
    await search.run();
    expect(superseded).toEqual([numbered.get("sa")]);
    slow(page("sa", 104000));
    await first;
    expect([search.shown?.query, search.shown?.sort, search.total]).toEqual(["sam", "name_asc", 3000]);
  });

  it("says it is working only once a search takes longer than SLOW_MS", async () => {
    vi.useFakeTimers();
    const search = new SearchState(() => {});
    let answer!: (p: SearchPage) => void;
    answers.set("kub", () => new Promise((resolve) => (answer = resolve)));
    search.query = "kub";
    const running = search.run();
    vi.advanceTimersByTime(SLOW_MS - 1);
    expect(search.slow).toBe(false);
    vi.advanceTimersByTime(2);
    expect(search.slow).toBe(true);
    answer(page("kub", 48));
    await running;
    expect(search.slow).toBe(false);
  });

  it("shows a page that came before its total as 'at least', then the count", async () => {
    const shown: [string, number | null][] = [];
    const search = new SearchState((request, total) => shown.push([request.query, total]));
    answers.set("", async () => page("", 990000));
    await search.run();
    let count!: (c: Counted | null) => void;
    answers.set("maria.i", async () => page("maria.i", 850, 2, false));
    totals.set("maria.i", () => new Promise((resolve) => (count = resolve)));
    search.query = "maria.i";
    const typing = search.changed();
    await vi.waitFor(() => expect(search.rows[0]?.id).toBe("maria.i-1"));
    expect([search.total, search.counted]).toEqual([850, false]);
    count({ total: 888, inactive_hidden: 3 });
    await typing;
    expect([search.total, search.inactiveHidden, search.counted]).toEqual([888, 3, true]);
    expect(shown).toEqual([
      ["", 990000],
      ["maria.i", null],
      ["maria.i", 888],
    ]);
  });

  it("stops counting when the next key is typed, and never shows that count", async () => {
    const search = new SearchState(() => {});
    answers.set("", async () => page("", 990000));
    await search.run();
    let count!: (c: Counted | null) => void;
    answers.set("maria.i", async () => page("maria.i", 850, 0, false));
    totals.set("maria.i", () => new Promise((resolve) => (count = resolve)));
    search.query = "maria.i";
    const typing = search.changed();
    await vi.waitFor(() => expect(counting.has("maria.i")).toBe(true));
    answers.set("maria.iv", async () => page("maria.iv", 40));
    search.query = "maria.iv";
    await search.changed();
    expect(superseded).toEqual([counting.get("maria.i")]);
    // The app answered the count anyway (it had just finished): it belongs to a search no longer shown.
    count({ total: 888, inactive_hidden: 0 });
    await typing;
    expect([search.shown?.query, search.total, search.counted]).toEqual(["maria.iv", 40, true]);
  });

  it("never counts a search that failed, though the page shown was still uncounted", async () => {
    const search = new SearchState(() => {});
    answers.set("", async () => page("", 990000));
    await search.run();
    answers.set("maria.i", async () => page("maria.i", 850, 0, false));
    totals.set("maria.i", () => new Promise(() => {}));
    search.query = "maria.i";
    void search.changed();
    await vi.waitFor(() => expect(counting.has("maria.i")).toBe(true));
    answers.set("maria.i AND (", async () => Promise.reject(new Error("the query ends where a term was expected")));
    search.query = "maria.i AND (";
    await search.run();
    expect(search.error).toContain("term was expected");
    expect(counting.has("maria.i AND (")).toBe(false);
    expect([search.shown?.query, search.total, search.counted]).toEqual(["maria.i", 850, false]);
  });
});
