// The window's calls into the Tauri commands, by what they do. Each goes through the typed
// call generated from the Rust command (bindings/commands.ts), so a renamed command or
// argument fails the type check; errors arrive as a CommandError carrying the AppError.
import type { Channel } from "@tauri-apps/api/core";
import { commands } from "./bindings/commands";
import type { DownloadProgress } from "./bindings/DownloadProgress";
import type { ColumnConfig } from "./bindings/ColumnConfig";
import type { ExportRequest } from "./bindings/ExportRequest";
import type { ImportMapping } from "./bindings/ImportMapping";
import type { ImportOptions } from "./bindings/ImportOptions";
import type { ImportRowChoice } from "./bindings/ImportRowChoice";
import type { Mutation } from "./bindings/Mutation";
import type { OfflineSet } from "./bindings/OfflineSet";
import type { PageRequest } from "./bindings/PageRequest";
import type { PartnerScope } from "./bindings/PartnerScope";
import type { Profile } from "./bindings/Profile";
import type { Role } from "./bindings/Role";
import type { SearchRequest } from "./bindings/SearchRequest";
import type { Selection } from "./bindings/Selection";
import type { Upload } from "./bindings/Upload";
import type { WebhookSettings } from "./bindings/WebhookSettings";

import { CommandError } from "./ipc";

export { CommandError, asAppError, describe, describeKeychain, describeRule, describeSync } from "./ipc";

export const api = {
  /** Who is signed in, where the data is, and what their role may do. */
  appInfo: () => commands.appInfo(),
  search: (request: SearchRequest, page: PageRequest) => commands.search({ request, page }),
  columnConfig: () => commands.columnConfig(),
  setColumns: (config: ColumnConfig) => commands.setColumns({ config }),
  filterChoices: () => commands.filterChoices(),
  /** The saved searches, with the new matches each heard and the filter values gone. */
  savedSearches: () => commands.savedSearches(),
  /** Opens a saved search (its new matches are read): the search to run. */
  openSavedSearch: (id: string) => commands.openSavedSearch({ id }),
  /** Reads a profile without recording anything (the preview). */
  profile: (id: string) => commands.profile({ id }),
  /** Opens the full profile: records the Recruiter Reviewed engagement. */
  openProfile: (id: string) => commands.openProfile({ id }),
  /** The candidate a merged one went into (null: not merged). */
  mergedInto: (id: string) => commands.mergedInto({ id }),
  profileAsOf: (id: string, entry: number) => commands.profileAsOf({ id, entry }),
  pipelines: () => commands.pipelines(),
  pipelineMembers: (pipeline: string, reviewed: boolean, offset: number, limit: number) =>
    commands.pipelineMembers({ pipeline, reviewed, offset, limit }),
  /** A pipeline's board: each status's count and first `perColumn` cards. */
  pipelineBoard: (pipeline: string, perColumn: number) => commands.pipelineBoard({ pipeline, perColumn }),
  pipelineColumn: (pipeline: string, status: string, offset: number, limit: number) =>
    commands.pipelineColumn({ pipeline, status, offset, limit }),
  jobs: () => commands.jobs(),
  clearSearchCache: () => commands.clearSearchCache(),
  benchReport: (report: unknown) => commands.benchReport({ report }),
  /** Any change, as a mutation: the store checks it and queues it for the server. */
  apply: (mutation: Mutation) => commands.apply({ mutation }),
  sessionState: () => commands.sessionState(),
  signIn: (server: string, email: string, password: string) => commands.signIn({ server, email, password }),
  signOut: () => commands.signOut(),
  /** Version, system, data folder, sync and the log's last lines, for whoever helps (no token). */
  diagnostics: () => commands.diagnostics(),
  /** This build: its version, build date and commit. */
  about: () => commands.about(),
  /** Asks the signed-in server for a newer version (null: this is the newest). */
  checkForUpdate: () => commands.checkForUpdate(),
  /** Downloads the update found, its signature checked against the team's key. */
  downloadUpdate: (progress: Channel<DownloadProgress>) => commands.downloadUpdate({ progress }),
  /** Installs the downloaded update and starts the new version. */
  restartToUpdate: () => commands.restartToUpdate(),
  /** Pauses (false) or continues (true) the first sync. */
  runFirstSync: (run: boolean) => commands.runFirstSync({ run }),
  notices: (candidate: string | null) => commands.notices({ candidate }),
  dismissNotice: (seq: number) => commands.dismissNotice({ seq }),
  /** Puts back the teammate's value that conflict `index` of notice `seq` overwrote. */
  putBack: (seq: number, index: number) => commands.putBack({ seq, index }),
  offlineSets: () => commands.offlineSets(),
  keepOffline: (set: OfflineSet, keep: boolean) => commands.keepOffline({ set, keep }),
  /** The organisation's people, from the server, or why it cannot be reached. */
  team: () => commands.team(),
  /** Whether the server sends texts: false when it has no provider, null when not known now. */
  textsPossible: () => commands.textsPossible(),
  /** Admins: a new teammate, with the one-time password to hand over. */
  inviteTeammate: (name: string, email: string, role: Role, atsId: string | null) =>
    commands.inviteTeammate({ name, email, role, atsId }),
  setTeammateRole: (user: string, role: Role) => commands.setTeammateRole({ user, role }),
  setTeammateAtsId: (user: string, atsId: string | null) => commands.setTeammateAtsId({ user, atsId }),
  setTeammateActive: (user: string, active: boolean) => commands.setTeammateActive({ user, active }),
  resetTeammatePassword: (user: string) => commands.resetTeammatePassword({ user }),
  endTeammateSignIns: (user: string) => commands.endTeammateSignIns({ user }),
  /** Admins: the organisation's partner API keys (never their secrets). */
  partnerKeys: () => commands.partnerKeys(),
  /** Admins: a new partner key, with its secret to hand over (shown this once). */
  createPartnerKey: (name: string, scopes: PartnerScope[]) => commands.createPartnerKey({ name, scopes }),
  revokePartnerKey: (key: string) => commands.revokePartnerKey({ key }),
  /** Admins: the organisation's webhooks (never their secrets). */
  webhooks: () => commands.webhooks(),
  /** Admins: a new webhook, with its signing secret (shown this once). */
  createWebhook: (settings: WebhookSettings) => commands.createWebhook({ settings }),
  updateWebhook: (webhook: string, settings: WebhookSettings) => commands.updateWebhook({ webhook, settings }),
  deleteWebhook: (webhook: string) => commands.deleteWebhook({ webhook }),
  webhookDeliveries: (webhook: string) => commands.webhookDeliveries({ webhook }),
  resendWebhookDelivery: (webhook: string, delivery: string) => commands.resendWebhookDelivery({ webhook, delivery }),
  bulkActions: () => commands.bulkActions(),
  talentMatches: (id: string) => commands.talentMatches({ id }),
  hiredActions: () => commands.hiredActions(),
  customFields: () => commands.customFields(),
  tags: () => commands.tags(),
  /** Where exports go unless the user chooses another file. */
  exportFolder: () => commands.exportFolder(),
  /** A mutation on a selection, in batches; progress arrives as `run-progress` events. */
  runBulk: (run: string, mutation: Mutation) => commands.runBulk({ run, mutation }),
  runExport: (run: string, request: ExportRequest) => commands.runExport({ run, request }),
  /** Attaches files (each with its kind) to a candidate; one outcome per file. */
  uploadDocuments: (candidate: string, files: Upload[]) => commands.uploadDocuments({ candidate, files }),
  deleteDocument: (id: string) => commands.deleteDocument({ id }),
  openDocument: (id: string) => commands.openDocument({ id }),
  /** The document's bytes (a teammate's are downloaded first). */
  documentContent: (id: string) => commands.documentContent({ id }),
  saveDocument: (id: string, path: string) => commands.saveDocument({ id, path }),
  /** Parse Resume: what one of the candidate's resumes says. */
  readResume: (document: string) => commands.readResume({ document }),
  /** A new candidate from a resume file: what it says, and who may already be here. */
  readResumeFile: (path: string) => commands.readResumeFile({ path }),
  createFromResume: (profile: Profile, path: string) => commands.createFromResume({ profile, path }),
  /** The skills taxonomy, for the Skills field to suggest from. */
  skillTaxonomy: () => commands.skillTaxonomy(),
  /** Who may already be the person being typed in (the same email; the same name and phone, LinkedIn or employer). */
  possibleDuplicates: (profile: Profile) => commands.possibleDuplicates({ profile }),
  /** Admins: looks for duplicates across the whole database; the groups then come a page at a time. */
  findDuplicates: () => commands.findDuplicates(),
  /** A page of the last scan's groups, without those in `skip` (each a group's member ids). */
  duplicateGroups: (offset: number, limit: number, skip: string[][]) => commands.duplicateGroups({ offset, limit, skip }),
  documentLimit: () => commands.documentLimit(),
  /** Which of these document names Open may hand to the system's viewer (others: Save a copy). */
  openableDocuments: (names: string[]) => commands.openableDocuments({ names }),
  /** The system's Open dialog; the files chosen are the ones commands may then read. */
  chooseFiles: (title: string, multiple: boolean, extensions: string[] | null = null) =>
    commands.chooseFiles({ title, multiple, extensions }),
  /** The system's dialog for a folder; the folder chosen (null when cancelled) may then be read. */
  chooseFolder: (title: string) => commands.chooseFolder({ title }),
  /** The system's Save dialog from `suggested`; the file chosen may then be written. */
  chooseSavePath: (title: string, suggested: string, extension: string | null = null) =>
    commands.chooseSavePath({ title, suggested, extension }),
  /** Download Resumes: each chosen candidate's newest resume, in one zip. */
  downloadResumes: (selection: Selection, path: string) => commands.downloadResumes({ selection, path }),
  /** Stops a bulk run, an export or an import before its next batch. */
  cancelRun: (run: string) => commands.cancelRun({ run }),
  /** A spreadsheet chosen or dropped: its sheets, header, first rows and the guessed mapping. */
  importOpen: (path: string, sheet: string | null) => commands.importOpen({ path, sheet }),
  /** What importing the file would do (nothing written); the plan waits for importWrite. */
  importPlan: (path: string, sheet: string | null, mapping: ImportMapping, options: ImportOptions) =>
    commands.importPlan({ path, sheet, mapping, options }),
  /** One duplicate row's own choice; the counts as they now are. */
  importChoose: (line: number, choice: ImportRowChoice) => commands.importChoose({ line, choice }),
  /** Writes the plan in batches; progress arrives as `import-progress` events, Cancel is cancelRun. */
  importWrite: (run: string) => commands.importWrite({ run }),
  /** The rows not imported, with a Reason column, to a file chosen in the Save dialog. */
  importSaveErrors: (path: string) => commands.importSaveErrors({ path }),
  importClose: () => commands.importClose(),
  /** The column mappings saved for imports, by name. */
  importMappings: () => commands.importMappings(),
  /** The organisation's default phone country, and the countries it may be. */
  phoneCountry: () => commands.phoneCountry(),
  consentText: () => commands.consentText(),
};

/** The field a refused command's rule names ("email", "custom:level"), if it names one. */
export function failureField(e: unknown): string | null {
  if (!(e instanceof CommandError) || e.error.type !== "rule") return null;
  const rule = e.error.error;
  return "field" in rule ? rule.field : null;
}

/** The message of any failure, for showing where it happened. */
export function failureText(e: unknown): string {
  // A command's error (a CommandError) or one raised here: the message, without "Error: ".
  return e instanceof Error ? e.message : String(e);
}
