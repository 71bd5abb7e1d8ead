// Many resumes at once (src-tauri/src/resumes.rs), over the generated typed commands: the
// queue made of what was dropped or chosen, its reading (progress as `resume-progress`
// events) and the filing of each reviewed resume.
import { listen } from "@tauri-apps/api/event";
import { commands } from "../../bindings/commands";
import type { ResumeFiling } from "../../bindings/ResumeFiling";
import type { ResumeProgress } from "../../bindings/ResumeProgress";

export const resumesApi = {
  /** Files, folders and .zip archives as a queue of files, and what was left out and why. */
  queue: (paths: string[]) => commands.queueResumes({ paths }),
  /** Reads the queued files, one isolated reader per core; each one's fields and duplicates. */
  read: (files: string[]) => commands.readResumes({ files }),
  /** A new candidate with the resume, or the resume attached to the candidate chosen. */
  file: (filing: ResumeFiling) => commands.fileResume({ filing }),
  /** Hears each file's step while the queue is read; returns how to stop. */
  progress: (heard: (p: ResumeProgress) => void) => listen<ResumeProgress>("resume-progress", (e) => heard(e.payload)),
};
