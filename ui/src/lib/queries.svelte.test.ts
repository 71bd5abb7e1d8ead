import { describe, expect, it } from "vitest";
import { CommandError } from "./api";
import { affects, fromPull, Query, touchedBy, views, type Change, type Shows } from "./queries.svelte";
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

  it("reads a pull's report, 'many' as every candidate", () => {
    expect(fromPull({ candidates: { named: [ana] }, lists: true, events: false, settings: false })).toEqual({
      ...nothing,
      candidates: [ana],
      lists: true,
    });
    expect(fromPull({ candidates: "many", lists: false, events: false, settings: false }).candidates).toBe("all");
  });

  it("names what a mutation made here touched", () => {
    const tag = touchedBy({ name: "tags.add", args: { selection: { kind: "ids", ids: [ana, bo] }, tags: ["Referral"] } });
    expect(tag).toEqual({ ...nothing, candidates: [ana, bo] });
    const add = touchedBy({ name: "pipeline.add", args: { selection: { kind: "ids", ids: [ana] }, pipeline_id: "p", status: "Contacted" } });
    expect(add).toEqual({ ...nothing, candidates: [ana], lists: true });
    const note = touchedBy({ name: "note.delete", args: { note_id: "n" } }, ana);
    expect(note.candidates).toEqual([ana]);
    const deleted = touchedBy({ name: "candidate.delete", args: { selection: { kind: "ids", ids: [bo] } } });
    expect(deleted).toEqual({ candidates: [bo], lists: true, events: true, settings: false, deleted: [bo] });
    views.changed(deleted);
    expect(views.deletedHere(bo)).toBe(true);
    expect(views.deletedHere(ana)).toBe(false);
    const defined = touchedBy({ name: "tag.define", args: { name: "Referral" } });
    expect(defined).toEqual({ ...nothing, settings: true });
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
});
