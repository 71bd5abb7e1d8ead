import { describe, expect, it } from "vitest";
import { CommandError } from "./api";
import { affects, changedHere, fromStore, Query, views, type Change, type Shows } from "./queries.svelte";
import { deferred } from "./deferred";

const nothing: Change = { candidates: [], lists: false, events: false, settings: false };
const ana = "0190a1b2-0000-7000-8000-000000000001";
const bo = "0190a1b2-0000-7000-8000-000000000002";

describe("which views a change touches", () => {
  it("a candidate's profile reads again when they change, not when someone else does", () => {
    const profile: Shows = { kind: "candidate", id: ana };
    expect(affects(profile, { ...nothing, candidates: [ana] })).toBe(true);
    expect(affects(profile, { ...nothing, candidates: [bo] })).toBe(false);
    expect(affects(profile, { ...nothing, candidates: "all" })).toBe(true);
    expect(affects(profile, { ...nothing, events: true })).toBe(false);
  });

  it("a list reads again when anyone changes (they may have joined it) or lists do, not for settings", () => {
    const pipeline: Shows = { kind: "pipeline", id: "p" };
    expect(affects(pipeline, { ...nothing, candidates: [bo] })).toBe(true);
    expect(affects(pipeline, { ...nothing, lists: true })).toBe(true);
    expect(affects(pipeline, { ...nothing, settings: true })).toBe(false);
    expect(affects({ kind: "events" }, { ...nothing, lists: true })).toBe(false);
    expect(affects({ kind: "events" }, { ...nothing, events: true })).toBe(true);
  });

  it("settings read again only when settings change; nothing changed touches nothing", () => {
    expect(affects({ kind: "settings" }, { ...nothing, candidates: "all" })).toBe(false);
    expect(affects({ kind: "settings" }, { ...nothing, settings: true })).toBe(true);
    expect(affects({ kind: "search" }, nothing)).toBe(false);
  });

  it("reads the store's report, 'many' as every candidate, the same for a pull and a change made here", () => {
    const report = { candidates: { named: [ana] }, lists: true, events: false, settings: false, deleted: { named: [] }, new_matches: [] };
    expect(fromStore(report)).toEqual({ ...nothing, candidates: [ana], lists: true });
    expect(fromStore({ ...report, candidates: "many" }).candidates).toBe("all");
  });

  it("a change made here refreshes the views showing what it wrote, and notes whom it deleted", () => {
    const reads: string[] = [];
    const stops = [
      views.watch([{ kind: "candidate", id: ana }], () => reads.push("Ana's profile")),
      views.watch([{ kind: "candidate", id: bo }], () => reads.push("Bo's profile")),
      views.watch([{ kind: "settings" }], () => reads.push("settings")),
      views.watch([{ kind: "pipelines" }], () => reads.push("pipelines")),
    ];
    const tagged = { candidates: { named: [ana] }, lists: false, events: false, settings: false, deleted: { named: [] }, new_matches: [] };
    changedHere({ seq: 1, name: "tags.add", affected: 1, changed: tagged });
    expect(reads).toEqual(["Ana's profile", "pipelines"]);

    reads.length = 0;
    const erased = { ...tagged, candidates: { named: [bo] }, deleted: { named: [bo] } };
    changedHere({ seq: 2, name: "candidate.delete", affected: 1, changed: erased });
    expect(reads).toEqual(["Bo's profile", "pipelines"]);
    expect(views.deletedHere(bo)).toBe(true);
    expect(views.deletedHere(ana)).toBe(false);
    stops.forEach((stop) => stop());
  });
});

describe("a query", () => {
  it("reads once when shown, again only on a change it shows, and keeps its value up meanwhile", async () => {
    const reads: string[] = [];
    let answer = deferred<string>();
    // The component's effect calls `follow` with what it shows (tests run without effects).
    const query = new Query<string>(
      () => null,
      (why) => {
        reads.push(why);
        return answer.promise;
      },
    );
    const stop = query.follow({ kind: "candidate", id: ana });
    answer.resolve("Ana");
    await answer.promise;
    await Promise.resolve();
    expect(query.value).toBe("Ana");
    expect(reads).toEqual(["show"]);

    expect(views.changed({ ...nothing, candidates: [bo] })).toBe(0);
    answer = deferred<string>();
    expect(views.changed({ ...nothing, candidates: [ana] })).toBe(1);
    expect(reads).toEqual(["show", "refresh"]);
    expect(query.value).toBe("Ana");
    answer.resolve("Ana Souza");
    await answer.promise;
    await Promise.resolve();
    expect(query.value).toBe("Ana Souza");

    stop();
    expect(views.changed({ ...nothing, candidates: "all" })).toBe(0);
  });

  it("says the candidate is gone when they were deleted, and keeps other failures beside the value", async () => {
    let fail: unknown = null;
    const query = new Query<string>(
      () => null,
      async () => {
        if (fail) throw fail;
        return "Ana";
      },
    );
    await query.load();
    fail = new CommandError({ type: "storage", error: { message: "database is locked" } });
    await query.load();
    expect(query.value).toBe("Ana");
    expect(query.error).toBe("database is locked");
    expect(query.gone).toBe(false);
    fail = new CommandError({ type: "rule", error: { kind: "not_found", what: "candidate", id: ana } });
    await query.load();
    expect(query.gone).toBe(true);
    fail = null;
    await query.load();
    expect(query.error).toBeNull();
    expect(query.gone).toBe(false);
  });

  it("a change its own read made refreshes the other views, not itself", async () => {
    let reads = 0;
    const query = new Query<string>(
      () => null,
      async () => {
        reads += 1;
        return "Ana";
      },
    );
    const stop = query.follow({ kind: "candidate", id: ana });
    let preview = 0;
    const stopPreview = views.watch([{ kind: "candidate", id: ana }], () => (preview += 1));
    query.readChanged(ana);
    await Promise.resolve();
    expect([reads, preview]).toEqual([1, 1]);
    stop();
    stopPreview();
  });
});
