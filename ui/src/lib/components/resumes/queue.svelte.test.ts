import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Profile } from "../../bindings/Profile";
import type { ResumeFiling } from "../../bindings/ResumeFiling";
import type { ResumeProgress } from "../../bindings/ResumeProgress";
import type { ResumeReview } from "../../bindings/ResumeReview";
import { emptyProfile } from "../checkin/walkin";

// The backend as the test answers it: the queue, the reading (with its progress) and filing.
let heard: ((p: ResumeProgress) => void) | null = null;
const filed: ResumeFiling[] = [];
let reviews: ResumeReview[] = [];
vi.mock("./api", () => ({
  resumesApi: {
    queue: async (paths: string[]) => ({
      files: paths.map((path) => ({ name: path.split("/").pop(), path })),
      refused: [{ name: "bomb.zip", reason: { kind: "too_large", limit_mb: 25 } }],
    }),
    progress: async (h: (p: ResumeProgress) => void) => {
      heard = h;
      return () => (heard = null);
    },
    read: async () => {
      heard?.({ index: 0, step: { kind: "reading" } });
      return reviews;
    },
    file: async (filing: ResumeFiling) => {
      filed.push(filing);
      if (filing.kind === "attach" && filing.candidate_id === "gone") throw new Error("no longer exists");
      return { candidate_id: filing.kind === "attach" ? filing.candidate_id : "new-id", note: null };
    },
  },
}));

const { defaultChoice, errorText, refusedText, resumeQueue } = await import("./queue.svelte");
const { newCandidate } = await import("../candidate/newCandidate.svelte");

function person(first: string, last: string): Profile {
  return { ...emptyProfile(), first_name: first, last_name: last };
}

function review(profile: Profile | null, stored: { id: string; name: string }[] = [], earlier: [number, "email"] | null = null): ResumeReview {
  return {
    parsed: null,
    profile,
    error: profile ? null : { kind: "damaged", detail: "the reader stopped on it" },
    matches: {
      stored: stored.map((s) => ({ candidate_id: s.id, name: s.name, email: null, employer: "", evidence: "email" })),
      earlier,
    },
  };
}

beforeEach(() => {
  filed.length = 0;
  resumeQueue.close();
  newCandidate.close();
});

describe("defaultChoice", () => {
  it("attaches to the strongest duplicate, skips a repeat or an unreadable file, else creates", () => {
    expect(defaultChoice(review(person("Ana", "Lind"), [{ id: "a", name: "Ana Lind" }]))).toEqual({ kind: "attach", id: "a", name: "Ana Lind" });
    expect(defaultChoice(review(person("Ana", "Lind"), [], [0, "email"]))).toEqual({ kind: "skip" });
    expect(defaultChoice(review(null))).toEqual({ kind: "skip" });
    expect(defaultChoice(review(person("Ben", "Okoro")))).toEqual({ kind: "create" });
  });
});

describe("the queue", () => {
  it("sends one resume file to New candidate, and several files, a folder or an archive to the queue", () => {
    resumeQueue.take(["/tmp/cv.pdf"]);
    expect(newCandidate.draft?.resume).toBe("/tmp/cv.pdf");
    expect(resumeQueue.open).toBe(false);
    resumeQueue.take(["/tmp/resumes"]);
    expect(resumeQueue.open).toBe(true);
  });

  it("reads, reviews and files every row as chosen, a row that fails keeping its reason", async () => {
    reviews = [review(person("Ana", "Lind")), review(person("Ben", "Okoro"), [{ id: "ben", name: "Ben Okoro" }]), review(null), review(null)];
    await resumeQueue.start(["/d/ana.pdf", "/d/ben.pdf", "/d/corrupt.pdf", "/d/other.pdf"]);
    expect(resumeQueue.phase).toBe("review");
    expect(resumeQueue.rows.map((r) => r.step)).toEqual(["read", "read", "failed", "failed"]);
    expect(errorText(resumeQueue.rows[2].error!)).toBe("The file is damaged");
    expect(refusedText(resumeQueue.refused[0])).toBe("Too large to unpack (more than 25 MB)");

    // The corrupt one goes to a candidate picked by hand; the last to one deleted meanwhile.
    resumeQueue.rows[2].choice = { kind: "attach", id: "cara", name: "Cara Diaz" };
    resumeQueue.rows[3].choice = { kind: "attach", id: "gone", name: "Gone" };
    await resumeQueue.fileAll();
    expect(filed.map((f) => [f.kind, f.path])).toEqual([
      ["create", "/d/ana.pdf"],
      ["attach", "/d/ben.pdf"],
      ["attach", "/d/corrupt.pdf"],
      ["attach", "/d/other.pdf"],
    ]);
    expect(resumeQueue.rows.map((r) => r.filed?.kind ?? null)).toEqual(["created", "attached", "attached", null]);
    expect(resumeQueue.rows[3].fileError).toContain("no longer exists");
    expect(resumeQueue.done).toBe(false);

    // Skipped instead, the last row is done too.
    resumeQueue.rows[3].choice = { kind: "skip" };
    await resumeQueue.fileOne(resumeQueue.rows[3]);
    expect(resumeQueue.done).toBe(true);
    expect(resumeQueue.counts()).toEqual({ created: 1, attached: 2, skipped: 1 });
    expect(filed).toHaveLength(4);
  });
});
