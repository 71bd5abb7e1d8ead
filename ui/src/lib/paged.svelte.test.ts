import { describe, expect, it } from "vitest";
import { PagedList } from "./paged.svelte";
import { deferred } from "./deferred";

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
