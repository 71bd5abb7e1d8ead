import { describe, expect, it } from "vitest";
import { Latest, PagedList } from "./paged.svelte";
import { deferred } from "./deferred";

describe("Latest", () => {
  it("keeps the answer to the latest ask when an older one arrives after it", async () => {
    const latest = new Latest<string>();
    const first = deferred<string>();
    const second = deferred<string>();
    const a = latest.load(() => first.promise);
    const b = latest.load(() => second.promise);
    second.resolve("Ana");
    await b;
    first.resolve("Bo");
    await a;
    expect(latest.value).toBe("Ana");
  });

  it("shows a failure of the latest ask, and drops an older one's", async () => {
    const latest = new Latest<string>();
    const first = deferred<string>();
    const a = latest.load(() => first.promise);
    await latest.load(() => Promise.reject(new Error("no such candidate")));
    expect(latest.error).toBe("no such candidate");
    first.reject(new Error("older"));
    await a;
    expect(latest.error).toBe("no such candidate");
  });

  it("clears the value while loading unless asked to keep it", async () => {
    const cleared = new Latest<string>();
    await cleared.load(() => Promise.resolve("Ana"));
    const pending = deferred<string>();
    const clearing = cleared.load(() => pending.promise);
    expect(cleared.value).toBeNull();

    const kept = new Latest<string>(true);
    await kept.load(() => Promise.resolve("Ana"));
    const keeping = kept.load(() => pending.promise);
    expect(kept.value).toBe("Ana");

    pending.resolve("Bo");
    await Promise.all([clearing, keeping]);
    expect([cleared.value, kept.value]).toEqual(["Bo", "Bo"]);
  });
});

describe("PagedList", () => {
  it("appends pages and says whether more may follow", async () => {
    const list = new PagedList<number>(2);
    const all = [1, 2, 3];
    const fetch = (offset: number, limit: number) => Promise.resolve(all.slice(offset, offset + limit));
    list.show(fetch);
    await Promise.resolve();
    await Promise.resolve();
    expect([list.rows, list.more]).toEqual([[1, 2], true]);
    list.next();
    await Promise.resolve();
    await Promise.resolve();
    expect([list.rows, list.more]).toEqual([[1, 2, 3], false]);
  });

  it("reads again as far as it was read, keeping the rows up meanwhile", async () => {
    const list = new PagedList<number>(2);
    let all = [1, 2, 3, 4, 5];
    const fetch = (offset: number, limit: number) => Promise.resolve(all.slice(offset, offset + limit));
    list.show(fetch);
    await Promise.resolve();
    await Promise.resolve();
    list.next();
    await Promise.resolve();
    await Promise.resolve();
    all = [0, 1, 2, 3, 4, 5];
    list.refresh();
    expect(list.rows).toEqual([1, 2, 3, 4]);
    await Promise.resolve();
    await Promise.resolve();
    expect([list.rows, list.more]).toEqual([[0, 1, 2, 3], true]);
  });

  it("drops pages of a list no longer shown", async () => {
    const list = new PagedList<string>(10);
    const old = deferred<string[]>();
    list.show(() => old.promise);
    list.show(() => Promise.resolve(["new"]));
    await Promise.resolve();
    await Promise.resolve();
    old.resolve(["old"]);
    await old.promise;
    await Promise.resolve();
    expect(list.rows).toEqual(["new"]);
  });
});
