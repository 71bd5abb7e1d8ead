// Candidates for a job (src-tauri/src/jobs.rs, the store's search/for_job.rs), over the
// generated typed commands.
import { commands } from "../../bindings/commands";
import type { JobMatches } from "../../bindings/JobMatches";
import type { JobWanted } from "../../bindings/JobWanted";
import type { MatchOptions } from "../../bindings/MatchOptions";

/** The most bytes of a pasted job description (the reader's limit, checked here first so a
 *  huge paste is refused before it crosses to the app). */
export const MOST_DESCRIPTION_BYTES = 100_000;

export const matchingApi = {
  /** What a job asks for: its skills and those its title and description name, its place. */
  jobWanted: (id: string): Promise<JobWanted> => commands.jobWanted({ id }),
  /** What a pasted job description asks for; refused when empty or over the limit. */
  readDescription: (text: string): Promise<JobWanted> => commands.readJobDescription({ text }),
  candidates: (wanted: JobWanted, options: MatchOptions): Promise<JobMatches> => commands.candidatesForJob({ wanted, options }),
};
