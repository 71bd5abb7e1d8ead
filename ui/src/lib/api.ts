// Typed calls into the Tauri commands (src-tauri/src/commands.rs). The types are generated
// from the Rust types (ui/src/lib/bindings); errors arrive as the generated AppError.
import { invoke } from "@tauri-apps/api/core";
import type { AppError } from "./bindings/AppError";
import type { AppInfo } from "./bindings/AppInfo";
import type { Applied } from "./bindings/Applied";
import type { Mutation } from "./bindings/Mutation";
import type { DomainError } from "./bindings/DomainError";
import type { Notice } from "./bindings/Notice";
import type { OfflineSet } from "./bindings/OfflineSet";
import type { SessionState } from "./bindings/SessionState";
import type { ColumnConfig } from "./bindings/ColumnConfig";
import type { FilterChoices } from "./bindings/FilterChoices";
import type { JobSummary } from "./bindings/JobSummary";
import type { PageRequest } from "./bindings/PageRequest";
import type { PipelineMemberRow } from "./bindings/PipelineMemberRow";
import type { PipelineSummary } from "./bindings/PipelineSummary";
import type { Profile } from "./bindings/Profile";
import type { ProfileView } from "./bindings/ProfileView";
import type { SearchPage } from "./bindings/SearchPage";
import type { SearchRequest } from "./bindings/SearchRequest";
import type { BulkActionInfo } from "./bindings/BulkActionInfo";
import type { BulkProgress } from "./bindings/BulkProgress";
import type { ExportRequest } from "./bindings/ExportRequest";
import type { HiredActions } from "./bindings/HiredActions";
import type { CustomFieldDef } from "./bindings/CustomFieldDef";
import type { TagInfo } from "./bindings/TagInfo";
import type { TalentMatch } from "./bindings/TalentMatch";
import type { ResumeReading } from "./bindings/ResumeReading";
import type { Upload } from "./bindings/Upload";
import type { ResumesZip } from "./bindings/ResumesZip";
import type { Selection } from "./bindings/Selection";
import type { UploadOutcome } from "./bindings/UploadOutcome";

/** A failed command: the message says what happened in words a recruiter understands. */
export class CommandError extends Error {
  constructor(readonly error: AppError) {
    super(describe(error));
  }
}

export function describe(error: AppError): string {
  if (error.type === "storage") return error.error.message;
  // A rule this version of the window does not know yet still says which.
  return describeRule(error.error) ?? `refused (${error.error.kind})`;
}

/** A domain rule's refusal in words. */
export function describeRule(rule: DomainError): string {
  switch (rule.kind) {
    case "invalid":
      // "selection" names no field the user sees: the reason says whom it is about.
      return rule.field === "selection" ? rule.reason : `${rule.field}: ${rule.reason}`;
    case "forbidden":
      return rule.reason;
    case "over_bulk_limit":
      return `${rule.action} works on at most ${rule.limit} candidates at once; ${rule.requested} are selected`;
    case "not_found":
      return rule.what === "candidate"
        ? "This candidate no longer exists: they were deleted, here or by a teammate"
        : `${rule.what} ${rule.id} does not exist`;
    case "query":
      return `${rule.message} (at character ${rule.position})`;
  }
}

/**
 * Any rejection of a command as an AppError. The commands' own failures arrive as one; Tauri's
 * (a command not found, an argument missing or of the wrong type) arrive as plain strings, and
 * a broken bridge may reject with anything. Each keeps its words.
 */
export function asAppError(rejection: unknown): AppError {
  if (isAppError(rejection)) return rejection;
  return { type: "storage", error: { message: inWords(rejection) } };
}

function isAppError(value: unknown): value is AppError {
  if (typeof value !== "object" || value === null) return false;
  const { type, error } = value as { type?: unknown; error?: unknown };
  if (typeof error !== "object" || error === null) return false;
  if (type === "storage") return typeof (error as { message?: unknown }).message === "string";
  return type === "rule" && typeof (error as { kind?: unknown }).kind === "string";
}

function inWords(rejection: unknown): string {
  if (typeof rejection === "string") return rejection;
  if (rejection instanceof Error) return rejection.message;
  if (rejection === undefined || rejection === null) return "the command failed without saying why";
  try {
    return JSON.stringify(rejection) ?? String(rejection);
  } catch {
    return String(rejection);
  }
}

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw new CommandError(asAppError(e));
  }
}

export const api = {
  appInfo: () => call<AppInfo>("app_info"),
  search: (request: SearchRequest, page: PageRequest) => call<SearchPage>("search", { request, page }),
  columnConfig: () => call<ColumnConfig>("column_config"),
  setColumns: (config: ColumnConfig) => call<ColumnConfig>("set_columns", { config }),
  filterChoices: () => call<FilterChoices>("filter_choices"),
  /** Reads a profile without recording anything (the preview). */
  profile: (id: string) => call<ProfileView>("profile", { id }),
  /** Opens the full profile: records the Recruiter Reviewed engagement. */
  openProfile: (id: string) => call<ProfileView>("open_profile", { id }),
  profileAsOf: (id: string, entry: number) => call<Profile>("profile_as_of", { id, entry }),
  pipelines: () => call<PipelineSummary[]>("pipelines"),
  pipelineMembers: (pipeline: string, reviewed: boolean, offset: number, limit: number) =>
    call<PipelineMemberRow[]>("pipeline_members", { pipeline, reviewed, offset, limit }),
  jobs: () => call<JobSummary[]>("jobs"),
  clearSearchCache: () => call<void>("clear_search_cache"),
  benchReport: (report: unknown) => call<void>("bench_report", { report }),
  /** Any change, as a mutation: the store checks it and queues it for the server. */
  apply: (mutation: Mutation) => call<Applied>("apply", { mutation }),
  sessionState: () => call<SessionState>("session_state"),
  signIn: (server: string, email: string, password: string) => call<void>("sign_in", { server, email, password }),
  signOut: () => call<void>("sign_out"),
  /** Version, system, data folder, sync and the log's last lines, for whoever helps (no token). */
  diagnostics: () => call<string>("diagnostics"),
  /** Pauses (false) or continues (true) the first sync. */
  runFirstSync: (run: boolean) => call<void>("run_first_sync", { run }),
  notices: (candidate: string | null) => call<Notice[]>("notices", { candidate }),
  dismissNotice: (seq: number) => call<void>("dismiss_notice", { seq }),
  /** Puts back the teammate's value that conflict `index` of notice `seq` overwrote. */
  putBack: (seq: number, index: number) => call<void>("put_back", { seq, index }),
  offlineSets: () => call<OfflineSet[]>("offline_sets"),
  keepOffline: (set: OfflineSet, keep: boolean) => call<void>("keep_offline", { set, keep }),
  bulkActions: () => call<BulkActionInfo[]>("bulk_actions"),
  talentMatches: (id: string) => call<TalentMatch[]>("talent_matches", { id }),
  hiredActions: () => call<HiredActions>("hired_actions"),
  customFields: () => call<CustomFieldDef[]>("custom_fields"),
  tags: () => call<TagInfo[]>("tags"),
  /** Where exports go unless the user chooses another file. */
  exportFolder: () => call<string>("export_folder"),
  /** A mutation on a selection, in batches; progress arrives as `run-progress` events. */
  runBulk: (run: string, mutation: Mutation) => call<BulkProgress>("run_bulk", { run, mutation }),
  runExport: (run: string, request: ExportRequest) => call<BulkProgress>("run_export", { run, request }),
  /** Attaches files (each with its kind) to a candidate; one outcome per file. */
  uploadDocuments: (candidate: string, files: Upload[]) => call<UploadOutcome[]>("upload_documents", { candidate, files }),
  deleteDocument: (id: string) => call<void>("delete_document", { id }),
  openDocument: (id: string) => call<void>("open_document", { id }),
  /** The document's bytes (a teammate's are downloaded first). */
  documentContent: (id: string) => call<ArrayBuffer>("document_content", { id }),
  saveDocument: (id: string, path: string) => call<void>("save_document", { id, path }),
  /** Parse Resume: what one of the candidate's resumes says. */
  readResume: (document: string) => call<ResumeReading>("read_resume", { document }),
  /** A new candidate from a resume file: what it says, and who may already be here. */
  readResumeFile: (path: string) => call<ResumeReading>("read_resume_file", { path }),
  createFromResume: (profile: Profile, path: string) => call<string>("create_from_resume", { profile, path }),
  documentLimit: () => call<number>("document_limit"),
  /** Which of these document names Open may hand to the system's viewer (others: Save a copy). */
  openableDocuments: (names: string[]) => call<boolean[]>("openable_documents", { names }),
  /** The system's Open dialog; the files chosen are the ones commands may then read. */
  chooseFiles: (title: string, multiple: boolean, extensions: string[] | null = null) =>
    call<string[]>("choose_files", { title, multiple, extensions }),
  /** The system's Save dialog from `suggested`; the file chosen may then be written. */
  chooseSavePath: (title: string, suggested: string, extension: string | null = null) =>
    call<string | null>("choose_save_path", { title, suggested, extension }),
  /** Download Resumes: each chosen candidate's newest resume, in one zip. */
  downloadResumes: (selection: Selection, path: string) => call<ResumesZip>("download_resumes", { selection, path }),
  /** Stops a bulk run or export before its next batch. */
  cancelRun: (run: string) => call<void>("cancel_run", { run }),
};

/** The message of any failure, for showing where it happened. */
export function failureText(e: unknown): string {
  // A command's error (a CommandError) or one raised here: the message, without "Error: ".
  return e instanceof Error ? e.message : String(e);
}
