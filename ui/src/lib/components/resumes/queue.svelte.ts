// Many resumes at once, as the dialog follows them: what was dropped or chosen becomes a
// queue (folders and .zip archives opened by the backend), each file's step as it is read,
// then each resume's review row — its fields, its likely duplicates and what to do with it —
// and what became of it once filed. One queue at a time; a new drop replaces it.
import { failureText } from "../../api";
import type { Profile } from "../../bindings/Profile";
import type { ResumeError } from "../../bindings/ResumeError";
import type { ResumeProgress } from "../../bindings/ResumeProgress";
import type { ResumeRefused } from "../../bindings/ResumeRefused";
import type { ResumeReview } from "../../bindings/ResumeReview";
import { fileName } from "../../drops.svelte";
import { t } from "../../i18n";
import { views } from "../../queries.svelte";
import { newCandidate } from "../candidate/newCandidate.svelte";
import { resumesApi } from "./api";

/** What to do with a resume: a new candidate, attached to someone already here, or nothing. */
export type Choice = { kind: "create" } | { kind: "attach"; id: string; name: string } | { kind: "skip" };

export type Step = "queued" | "reading" | "read" | "failed";

export interface Row {
  name: string;
  path: string;
  step: Step;
  error: ResumeError | null;
  review: ResumeReview | null;
  choice: Choice;
  filing: boolean;
  /** Done: the candidate it went to. */
  filed: { kind: "created" | "attached" | "skipped"; id: string; name: string } | null;
  fileError: string | null;
}

/** What a reviewed resume becomes unless the user says otherwise: attached to its strongest
 *  duplicate, skipped when it repeats an earlier resume of the queue or gave no fields (a file
 *  that could not be read waits for a candidate picked by hand), else a new candidate. */
export function defaultChoice(review: ResumeReview): Choice {
  const strongest = review.matches.stored[0];
  if (strongest) return { kind: "attach", id: strongest.candidate_id, name: strongest.name };
  if (!review.profile || review.matches.earlier) return { kind: "skip" };
  return { kind: "create" };
}

export function personName(p: Profile): string {
  return `${p.first_name} ${p.last_name}`.trim();
}

/** Why a file gave no fields, in the window's language (the reader's detail is English: it
 *  goes in a tooltip for whoever helps). */
export function errorText(e: ResumeError): string {
  switch (e.kind) {
    case "unsupported":
      return t("resumes.error_unsupported");
    case "protected":
      return t("resumes.error_protected");
    case "damaged":
      return t("resumes.error_damaged");
    case "timed_out":
      return t("resumes.error_timed_out", { seconds: e.detail });
    case "too_large":
      return t("resumes.error_too_large");
    case "failed":
      return t("resumes.error_failed");
  }
}

export function refusedText(r: ResumeRefused): string {
  switch (r.reason.kind) {
    case "too_many_files":
      return t("resumes.refused_too_many", { limit: r.reason.limit });
    case "too_large":
      return t("resumes.refused_too_large", { limit: r.reason.limit_mb });
    case "unreadable":
      return t("resumes.refused_unreadable");
  }
}

/** The names a resume file ends in that the one-resume form takes on its own. */
const ONE_RESUME = /\.(pdf|docx|txt|doc|rtf|odt|md)$/i;

class Queue {
  open = $state(false);
  phase = $state<"queueing" | "reading" | "review">("queueing");
  rows = $state<Row[]>([]);
  refused = $state<ResumeRefused[]>([]);
  failure = $state<string | null>(null);
  filingAll = $state(false);
  #run = 0;

  /** Reads what was dropped or chosen: one resume file goes to New candidate as before;
   *  several, a folder or an archive make a queue. */
  take(paths: string[]) {
    if (paths.length === 1 && ONE_RESUME.test(fileName(paths[0]))) newCandidate.start(paths[0]);
    else if (paths.length > 0) void this.start(paths);
  }

  async start(paths: string[]) {
    const run = ++this.#run;
    this.open = true;
    this.phase = "queueing";
    this.rows = [];
    this.refused = [];
    this.failure = null;
    try {
      const queue = await resumesApi.queue(paths);
      if (run !== this.#run) return;
      this.refused = queue.refused;
      this.rows = queue.files.map((f) => ({ ...f, ...unread() }));
      this.phase = "reading";
      const stop = await resumesApi.progress((p) => run === this.#run && this.heard(p));
      const reviews = await resumesApi.read(queue.files.map((f) => f.path)).finally(stop);
      if (run !== this.#run) return;
      reviews.forEach((review, i) => this.reviewed(this.rows[i], review));
      this.phase = "review";
    } catch (e) {
      if (run === this.#run) this.failure = failureText(e);
    }
  }

  private heard(p: ResumeProgress) {
    const row = this.rows[p.index];
    if (!row) return;
    row.step = p.step.kind;
    if (p.step.kind === "failed") row.error = p.step.error;
  }

  private reviewed(row: Row, review: ResumeReview) {
    row.review = review;
    row.error = review.error;
    row.step = review.error ? "failed" : "read";
    row.choice = defaultChoice(review);
  }

  /** Files one row as chosen; a skipped row is done too. Returns the candidate changed. */
  async file(row: Row): Promise<string | null> {
    if (row.filed || row.filing) return null;
    const choice = row.choice;
    const profile = row.review?.profile;
    if (choice.kind === "skip" || (choice.kind === "create" && !profile)) {
      row.filed = { kind: "skipped", id: "", name: "" };
      return null;
    }
    row.filing = true;
    row.fileError = null;
    try {
      if (choice.kind === "create" && profile) {
        const filed = await resumesApi.file({ kind: "create", path: row.path, profile });
        row.filed = { kind: "created", id: filed.candidate_id, name: personName(profile) };
      } else if (choice.kind === "attach") {
        await resumesApi.file({ kind: "attach", path: row.path, candidate_id: choice.id });
        row.filed = { kind: "attached", id: choice.id, name: choice.name };
      }
      return row.filed?.id ?? null;
    } catch (e) {
      row.fileError = failureText(e);
      return null;
    } finally {
      row.filing = false;
    }
  }

  /** Files one row now (row by row). */
  async fileOne(row: Row) {
    changed([await this.file(row)]);
  }

  /** Files every row not filed yet, in order, as each is chosen. */
  async fileAll() {
    this.filingAll = true;
    const ids: (string | null)[] = [];
    for (const row of this.rows) ids.push(await this.file(row));
    this.filingAll = false;
    changed(ids);
  }

  /** Every row is filed (or skipped). */
  get done(): boolean {
    return this.phase === "review" && this.rows.every((r) => r.filed);
  }

  counts() {
    const of = (kind: string) => this.rows.filter((r) => r.filed?.kind === kind).length;
    return { created: of("created"), attached: of("attached"), skipped: of("skipped") };
  }

  close() {
    this.#run += 1;
    this.open = false;
    this.rows = [];
  }
}

function unread(): Omit<Row, "name" | "path"> {
  return { step: "queued", error: null, review: null, choice: { kind: "skip" }, filing: false, filed: null, fileError: null };
}

/** The views showing these candidates read again (the search page's results among them). */
function changed(ids: (string | null)[]) {
  const candidates = ids.filter((id): id is string => id !== null);
  if (candidates.length) views.changed({ candidates, lists: false, events: false, settings: false });
}

export const resumeQueue = new Queue();
