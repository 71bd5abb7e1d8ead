import { beforeEach, describe, expect, it, vi } from "vitest";

// The window's command bridge does not exist under Node: each call is recorded and answered
// here, the way the store would.
const calls: { query: string; limit: number }[] = [];
let failNext = false;
vi.mock("@tauri-apps/api/core", () => ({
  invoke: vi.fn(async (_command: string, args: { request: { query: string }; page: { limit: number } }) => {
    calls.push({ query: args.request.query, limit: args.page.limit });
    if (failNext) {
      failNext = false;
      throw { type: "storage", error: { message: "nobody is signed in" } };
    }
    return { rows: [], total: calls.length, next: null };
  }),
}));

const { askEarly, firstPage, forgetEarly, openingRequest, RESULTS_PAGE } = await import("./opening");

describe("the opening search", () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it("answers the page's first search from the early call, once", async () => {
    askEarly();
    expect(calls).toEqual([{ query: "", limit: RESULTS_PAGE }]);
    expect((await firstPage(openingRequest())).total).toBe(1);
    expect(calls.length).toBe(1);
    // The next time the page opens (after a sign-in, say), it asks again.
    await firstPage(openingRequest());
    expect(calls.length).toBe(2);
  });

  it("asks anew for any other search", async () => {
    askEarly();
    await firstPage({ ...openingRequest(), query: "nurse" });
    expect(calls.map((c) => c.query)).toEqual(["", "nurse"]);
  });

  it("asks anew once the early answer is forgotten (the page opens on other data)", async () => {
    askEarly();
    forgetEarly();
    await firstPage(openingRequest());
    expect(calls.length).toBe(2);
  });

  it("asks anew when the early call failed", async () => {
    failNext = true;
    askEarly();
    const page = await firstPage(openingRequest());
    expect(calls.length).toBe(2);
    expect(page.total).toBe(2);
  });
});
