// The job page's calls (src-tauri/src/jobs.rs), over the generated typed commands. Changes to
// jobs and applications are mutations, through `mutate`.
import { commands } from "../../bindings/commands";
import type { HiringWorkflow } from "../../bindings/HiringWorkflow";

let workflow: Promise<HiringWorkflow> | null = null;

export const jobsApi = {
  /** The job and everyone who applied, latest status change first. */
  job: (id: string) => commands.job({ id }),
  /** The hiring statuses and bins an application moves through (fixed: read once). */
  workflow: (): Promise<HiringWorkflow> => (workflow ??= commands.hiringWorkflow().catch((e) => {
    workflow = null;
    throw e;
  })),
};
