// The window's calls into the Tauri commands that src-tauri/src/main.rs registers: each takes
// the argument keys and types its command takes. Generated from the Rust source by
// crates/commands-ts (`cargo test -p talentdesk-commands-ts`); do not edit.
import { call } from "../ipc";
import type { About } from "./About";
import type { AppInfo } from "./AppInfo";
import type { Applied } from "./Applied";
import type { BadgePaper } from "./BadgePaper";
import type { BulkActionInfo } from "./BulkActionInfo";
import type { BulkProgress } from "./BulkProgress";
import type { CandidateRow } from "./CandidateRow";
import type { Channel } from "@tauri-apps/api/core";
import type { CheckIn } from "./CheckIn";
import type { CheckInMatch } from "./CheckInMatch";
import type { CodeLookup } from "./CodeLookup";
import type { ColumnConfig } from "./ColumnConfig";
import type { Counted } from "./Counted";
import type { CreatedPartnerKey } from "./CreatedPartnerKey";
import type { CustomFieldDef } from "./CustomFieldDef";
import type { DownloadProgress } from "./DownloadProgress";
import type { Downloaded } from "./Downloaded";
import type { DuplicateGroup } from "./DuplicateGroup";
import type { DuplicateScan } from "./DuplicateScan";
import type { EventMemberRow } from "./EventMemberRow";
import type { EventMembersPage } from "./EventMembersPage";
import type { EventReport } from "./EventReport";
import type { EventSummary } from "./EventSummary";
import type { EventTabCounts } from "./EventTabCounts";
import type { ExportRequest } from "./ExportRequest";
import type { FilledTemplate } from "./FilledTemplate";
import type { FilterChoices } from "./FilterChoices";
import type { HiredActions } from "./HiredActions";
import type { HiringWorkflow } from "./HiringWorkflow";
import type { ImportCounts } from "./ImportCounts";
import type { ImportFile } from "./ImportFile";
import type { ImportMapping } from "./ImportMapping";
import type { ImportOptions } from "./ImportOptions";
import type { ImportPreview } from "./ImportPreview";
import type { ImportReport } from "./ImportReport";
import type { ImportRowChoice } from "./ImportRowChoice";
import type { Insights } from "./Insights";
import type { JobMatches } from "./JobMatches";
import type { JobSummary } from "./JobSummary";
import type { JobView } from "./JobView";
import type { JobWanted } from "./JobWanted";
import type { KioskEvent } from "./KioskEvent";
import type { MatchOptions } from "./MatchOptions";
import type { MemberQuery } from "./MemberQuery";
import type { Mutation } from "./Mutation";
import type { Notice } from "./Notice";
import type { OfflineSet } from "./OfflineSet";
import type { OneTimePassword } from "./OneTimePassword";
import type { OpenErasureRequest } from "./OpenErasureRequest";
import type { OpenedSearch } from "./OpenedSearch";
import type { PageRequest } from "./PageRequest";
import type { PartnerKey } from "./PartnerKey";
import type { PartnerKeys } from "./PartnerKeys";
import type { PartnerScope } from "./PartnerScope";
import type { PhoneCountry } from "./PhoneCountry";
import type { PipelineBoard } from "./PipelineBoard";
import type { PipelineMemberRow } from "./PipelineMemberRow";
import type { PipelineSummary } from "./PipelineSummary";
import type { Profile } from "./Profile";
import type { ProfileView } from "./ProfileView";
import type { ResumeFiled } from "./ResumeFiled";
import type { ResumeFiling } from "./ResumeFiling";
import type { ResumeQueue } from "./ResumeQueue";
import type { ResumeReading } from "./ResumeReading";
import type { ResumeReview } from "./ResumeReview";
import type { ResumesZip } from "./ResumesZip";
import type { Role } from "./Role";
import type { SavedMapping } from "./SavedMapping";
import type { SavedSearchEntry } from "./SavedSearchEntry";
import type { SearchPage } from "./SearchPage";
import type { SearchRequest } from "./SearchRequest";
import type { Searched } from "./Searched";
import type { Selection } from "./Selection";
import type { SessionState } from "./SessionState";
import type { SignUp } from "./SignUp";
import type { SignedUp } from "./SignedUp";
import type { SkillTerm } from "./SkillTerm";
import type { TagInfo } from "./TagInfo";
import type { TalentMatch } from "./TalentMatch";
import type { Team } from "./Team";
import type { TeamMember } from "./TeamMember";
import type { Template } from "./Template";
import type { Templates } from "./Templates";
import type { UpdateFound } from "./UpdateFound";
import type { Upload } from "./Upload";
import type { UploadOutcome } from "./UploadOutcome";
import type { Visitor } from "./Visitor";
import type { WalkIn } from "./WalkIn";
import type { WalkedIn } from "./WalkedIn";
import type { Webhook } from "./Webhook";
import type { WebhookCreated } from "./WebhookCreated";
import type { WebhookDelivery } from "./WebhookDelivery";
import type { WebhookSettings } from "./WebhookSettings";
import type { Webhooks } from "./Webhooks";

export const commands = {
  sessionState: () => call<SessionState>("session_state"),
  /** Signs in and starts syncing; the first sync's progress arrives as `session` events. */
  signIn: (args: { server: string; email: string; password: string }) => call<void>("sign_in", args),
  /**
   * Stops syncing, ends the sign-in on the server (when it can be reached) and forgets the
   * token; the data stays for the next sign-in.
   */
  signOut: () => call<void>("sign_out"),
  /** Pauses (`false`) or resumes (`true`) the first sync. */
  runFirstSync: (args: { run: boolean }) => call<void>("run_first_sync", args),
  /** Notices not dismissed yet: one candidate's, or all. */
  notices: (args: { candidate: string | null }) => call<Array<Notice>>("notices", args),
  dismissNotice: (args: { seq: number }) => call<void>("dismiss_notice", args),
  /**
   * Puts back the teammate's value a change of this user overwrote (conflict `index` of notice
   * `seq`), as a new change of its own, and dismisses the notice.
   */
  putBack: (args: { seq: number; index: number }) => call<void>("put_back", args),
  /** The pipelines and events whose candidates' documents are kept on this computer. */
  offlineSets: () => call<Array<OfflineSet>>("offline_sets"),
  /** Keeps (or stops keeping) a list's documents on this computer; sync fetches them at once. */
  keepOffline: (args: { set: OfflineSet; keep: boolean }) => call<void>("keep_offline", args),
  /** Everyone in the organisation, active or not. */
  team: () => call<Team>("team"),
  /**
   * Whether this desktop's server sends text messages: `false` when it says it has no provider
   * (a text would be refused), `null` when that is not known now (offline, a server too old to
   * say, or a local database); the text is queued then and the server decides.
   */
  textsPossible: () => call<boolean | null>("texts_possible"),
  /**
   * Adds a teammate, with their ATS ID (their System ID in iCIMS) if given; the answer's
   * one-time password is shown once, to hand over.
   */
  inviteTeammate: (args: { name: string; email: string; role: Role; atsId: string | null }) => call<OneTimePassword>("invite_teammate", args),
  setTeammateRole: (args: { user: string; role: Role }) => call<TeamMember>("set_teammate_role", args),
  /** Sets or changes a teammate's ATS ID, or (`null` or empty) takes it away. */
  setTeammateAtsId: (args: { user: string; atsId: string | null }) => call<TeamMember>("set_teammate_ats_id", args),
  /** Deactivates (`false`: their sign-ins end, their records stay) or reactivates a teammate. */
  setTeammateActive: (args: { user: string; active: boolean }) => call<TeamMember>("set_teammate_active", args),
  /** A new one-time password for a teammate; their sign-ins end. */
  resetTeammatePassword: (args: { user: string }) => call<OneTimePassword>("reset_teammate_password", args),
  /** Ends every sign-in of a teammate; returns how many were live. */
  endTeammateSignIns: (args: { user: string }) => call<number>("end_teammate_sign_ins", args),
  /** The organisation's partner keys, revoked ones too, newest first (admins only). */
  partnerKeys: () => call<PartnerKeys>("partner_keys"),
  /** Creates a key with a name and scopes; the answer's secret is shown once, to hand over. */
  createPartnerKey: (args: { name: string; scopes: Array<PartnerScope> }) => call<CreatedPartnerKey>("create_partner_key", args),
  /** Revokes a key: the partner is refused from then on; what it wrote stays, attributed to it. */
  revokePartnerKey: (args: { key: string }) => call<PartnerKey>("revoke_partner_key", args),
  /** The organisation's webhooks, oldest first (admins only). */
  webhooks: () => call<Webhooks>("webhooks"),
  /** Adds a webhook; the answer's signing secret is shown once, for the receiver's owner. */
  createWebhook: (args: { settings: WebhookSettings }) => call<WebhookCreated>("create_webhook", args),
  /** Changes a webhook (turned on again, it sends what waited). */
  updateWebhook: (args: { webhook: string; settings: WebhookSettings }) => call<Webhook>("update_webhook", args),
  /** Removes a webhook with its delivery log. */
  deleteWebhook: (args: { webhook: string }) => call<void>("delete_webhook", args),
  /** A webhook's delivery log, newest first. */
  webhookDeliveries: (args: { webhook: string }) => call<Array<WebhookDelivery>>("webhook_deliveries", args),
  /** Sends a delivery's event again; the log as it is then. */
  resendWebhookDelivery: (args: { webhook: string; delivery: string }) => call<Array<WebhookDelivery>>("resend_webhook_delivery", args),
  /**
   * Answered without the store: as the app starts, search's loading holds the store, and the
   * window needs this much to draw itself meanwhile.
   */
  appInfo: () => call<AppInfo>("app_info"),
  /** This build's version, build date and commit, and where its updates come from. */
  about: () => call<About>("about"),
  /** Asks the signed-in server whether a newer version is published for this platform. */
  checkForUpdate: () => call<UpdateFound | null>("check_for_update"),
  /**
   * Downloads the update the last check found, telling `progress` as it goes, and keeps it only
   * when its signature checks against the team's key.
   */
  downloadUpdate: (args: { progress: Channel<DownloadProgress> }) => call<Downloaded>("download_update", args),
  /**
   * Installs the downloaded update (the package manager asks for the right to, where it must)
   * and starts the new version.
   */
  restartToUpdate: () => call<void>("restart_to_update"),
  /** A BCP 47 tag such as `de-DE`; the UI picks the nearest catalogue and falls back to English. */
  locale: () => call<string>("locale"),
  /** Async, so that reading the log runs off the window's thread. */
  diagnostics: () => call<string>("diagnostics"),
  /**
   * Applies one change as the signed-in user: the one write path (the store checks the rules
   * and queues it for the server), then pushes it at once when signed in.
   */
  apply: (args: { mutation: Mutation }) => call<Applied>("apply", args),
  search: (args: { request: SearchRequest; page: PageRequest }) => call<SearchPage>("search", args),
  /**
   * A search typed in the search box, numbered `ticket` by the window (never twice): as
   * `search`, except that it stops and answers `superseded` as soon as the window says a newer
   * search took its place (`supersede_search`), so the store is free for that one at once.
   */
  typedSearch: (args: { request: SearchRequest; page: PageRequest; ticket: number }) => call<Searched>("typed_search", args),
  /**
   * The exact total of the typed search shown, when its page was answered before counting
   * (`counted` false); numbered `ticket` like a typed search, and stopped as one is: `None`
   * once superseded.
   */
  typedTotal: (args: { request: SearchRequest; ticket: number }) => call<Counted | null>("typed_total", args),
  /**
   * The typed search numbered `ticket` is no longer wanted: it stops wherever it is (or as it
   * starts). Answered at once, without the store that search holds.
   */
  supersedeSearch: (args: { ticket: number }) => call<void>("supersede_search", args),
  columnConfig: () => call<ColumnConfig>("column_config"),
  /** Saves the organisation's column configuration (admins only; the store checks). */
  setColumns: (args: { config: ColumnConfig }) => call<ColumnConfig>("set_columns", args),
  /** What the search panel offers to filter by. */
  filterChoices: () => call<FilterChoices>("filter_choices"),
  /** A profile as the preview shows it: reading it records nothing. */
  profile: (args: { id: string }) => call<ProfileView>("profile", args),
  /**
   * Opens the full profile: records that the signed-in recruiter reviewed the candidate (the
   * Recruiter Reviewed engagement, through a mutation like every write), then returns it.
   */
  openProfile: (args: { id: string }) => call<ProfileView>("open_profile", args),
  /**
   * Where a candidate merged into another went: the survivor (followed through later merges),
   * so a profile or link still open on them goes there. `None` when they are here, were
   * deleted, or never existed.
   */
  mergedInto: (args: { id: string }) => call<string | null>("merged_into", args),
  /** The profile as it was right after one history entry. */
  profileAsOf: (args: { id: string; entry: number }) => call<Profile>("profile_as_of", args),
  /** The pipelines the signed-in user may see, with their member counts. */
  pipelines: () => call<Array<PipelineSummary>>("pipelines"),
  /** One page of a pipeline's Unreviewed (`reviewed` false) or In Pipeline tab. */
  pipelineMembers: (args: { pipeline: string; reviewed: boolean; offset: number; limit: number }) => call<Array<PipelineMemberRow>>("pipeline_members", args),
  /** A pipeline's board: each workflow status's count and its first `per_column` cards. */
  pipelineBoard: (args: { pipeline: string; perColumn: number }) => call<PipelineBoard>("pipeline_board", args),
  /** The next cards of one column of a pipeline's board. */
  pipelineColumn: (args: { pipeline: string; status: string; offset: number; limit: number }) => call<Array<PipelineMemberRow>>("pipeline_column", args),
  /** Every job with its number of applicants. */
  jobs: () => call<Array<JobSummary>>("jobs"),
  /** The job with every applicant and where their application stands. */
  job: (args: { id: string }) => call<JobView>("job", args),
  /** The hiring statuses and bins an application can be moved to. */
  hiringWorkflow: () => call<HiringWorkflow>("hiring_workflow"),
  /**
   * What the job asks for (its skills and those its title and description name, the years its
   * description asks for, its place): what its Candidates tab ranks on.
   */
  jobWanted: (args: { id: string }) => call<JobWanted>("job_wanted", args),
  /**
   * What a pasted job description asks for ("Find candidates…"); an empty one, or one over
   * 100 kB, is refused saying so.
   */
  readJobDescription: (args: { text: string }) => call<JobWanted>("read_job_description", args),
  /**
   * The organisation's candidates for what a job wants, best first, each with why; those
   * rejected for the job apart (see the store's search/for_job.rs).
   */
  candidatesForJob: (args: { wanted: JobWanted; options: MatchOptions }) => call<JobMatches>("candidates_for_job", args),
  /** Every event, archived ones too, with its counts. */
  events: () => call<Array<EventSummary>>("events"),
  /** The counts of the event page's tabs. */
  eventTabCounts: (args: { event: string }) => call<EventTabCounts>("event_tab_counts", args),
  /** One page of an event's list, as its tab and search box ask, with how many match in all. */
  eventMembers: (args: { event: string; query: MemberQuery; offset: number; limit: number }) => call<EventMembersPage>("event_members", args),
  /** The event's summary: counts, check-ins over time, ratings, top areas of interest. */
  eventReport: (args: { event: string }) => call<EventReport>("event_report", args),
  /**
   * Who came to the event (rated `min_rating` or more by someone, when given): the selection
   * the bulk actions then work on.
   */
  eventAttendeeIds: (args: { event: string; minRating: number | null }) => call<Array<string>>("event_attendee_ids", args),
  /** The organisation's areas of interest. */
  areasOfInterest: () => call<Array<string>>("areas_of_interest"),
  erasureRequests: () => call<Array<OpenErasureRequest>>("erasure_requests"),
  /**
   * Saves the list as `query` filters it as CSV (check-in times, who checked in, ratings) where
   * the user chose; returns how many people it holds.
   */
  exportEventAttendees: (args: { event: string; query: MemberQuery; path: string }) => call<number>("export_event_attendees", args),
  /**
   * Saves a PDF of badges (name, employer or school, QR of the check-in code) for everyone on
   * the list as `query` filters it, where the user chose; returns how many badges it holds.
   */
  eventBadges: (args: { event: string; query: MemberQuery; paper: BadgePaper; path: string }) => call<number>("event_badges", args),
  /** Every chart of `request`, each with its `top` values (10 unless given, at most 50). */
  insights: (args: { request: SearchRequest; top: number | null }) => call<Insights>("insights", args),
  /**
   * Saves the charts of `request` as XLSX where the user chose (the Save dialog, or a new file
   * in the exports folder), each with up to 50 values; `described` says in words what was
   * searched, for the summary sheet. Returns how many candidates the charts are of.
   */
  exportInsights: (args: { request: SearchRequest; described: string; path: string }) => call<number>("export_insights", args),
  /**
   * Saves one chart's picture (PNG bytes, as the window's chart library exports it) where the
   * user chose in the Save dialog, whole or not at all. Refuses bytes that are not a PNG.
   */
  saveChartPng: (args: { path: string; png: Array<number> }) => call<void>("save_chart_png", args),
  /** Drops search's cached sets, so the next search is timed as a first one (`--bench` only). */
  clearSearchCache: () => call<void>("clear_search_cache"),
  /** Writes what the window measured of itself to the `--bench` file. */
  benchReport: (args: { report: unknown }) => call<void>("bench_report", args),
  /**
   * The system's Open dialog: the files chosen (none when cancelled), granted for reading.
   * `extensions`, when given, narrows the dialog to those kinds of file.
   */
  chooseFiles: (args: { title: string; multiple: boolean; extensions: Array<string> | null }) => call<Array<string>>("choose_files", args),
  /**
   * The system's dialog for choosing a folder: the folder chosen (none when cancelled), granted
   * for reading as a folder dropped on the window is (a queue of resumes then reads the files
   * it finds there, and only those).
   */
  chooseFolder: (args: { title: string }) => call<string | null>("choose_folder", args),
  /**
   * The system's Save dialog, starting at `suggested` (a folder and a name): the file chosen
   * (none when cancelled), granted for writing.
   */
  chooseSavePath: (args: { title: string; suggested: string; extension: string | null }) => call<string | null>("choose_save_path", args),
  uploadDocuments: (args: { candidate: string; files: Array<Upload> }) => call<Array<UploadOutcome>>("upload_documents", args),
  /** Deletes a document; the candidate's resume text follows their newest remaining resume. */
  deleteDocument: (args: { id: string }) => call<void>("delete_document", args),
  /**
   * Opens a copy of the document in the system's viewer, under its own name so the system
   * picks the right one. Only document types whose viewers run no code are opened (a
   * teammate's `cv.exe` is not run); the copy goes in the app's private folder, removed when
   * the document or candidate is deleted, at sign-out and at the next start.
   */
  openDocument: (args: { id: string }) => call<void>("open_document", args),
  /**
   * Which of these document names "Open" may hand to the system's viewer; the others are
   * offered as "Save a copy" only.
   */
  openableDocuments: (args: { names: Array<string> }) => call<Array<boolean>>("openable_documents", args),
  /**
   * The document's bytes, for the window to show itself (the resume view draws PDFs). They go
   * as a raw buffer, not as JSON.
   */
  documentContent: (args: { id: string }) => call<ArrayBuffer>("document_content", args),
  /** Saves a copy of the document where the user chose in the Save dialog. */
  saveDocument: (args: { id: string; path: string }) => call<void>("save_document", args),
  /** Parse Resume: what one of the candidate's resumes says, and their profile with it put in. */
  readResume: (args: { document: string }) => call<ResumeReading>("read_resume", args),
  /** A new candidate from a resume file: what it says, and who may already be here. */
  readResumeFile: (args: { path: string }) => call<ResumeReading>("read_resume_file", args),
  /**
   * Saves a new Recruiter Generated candidate from a corrected resume reading, with the resume
   * attached, in one step (refused, neither is kept, so trying again makes no duplicate);
   * returns their id.
   */
  createFromResume: (args: { profile: Profile; path: string }) => call<string>("create_from_resume", args),
  /**
   * Makes a queue of the files, folders and .zip archives given (dropped or chosen: granted).
   * Archives are unpacked into the app's cache, replacing the last queue's; every file queued
   * may then be read.
   */
  queueResumes: (args: { paths: Array<string> }) => call<ResumeQueue>("queue_resumes", args),
  /**
   * Reads the queued files, one isolated reader per core, telling the window of each step
   * (`resume-progress`); then who each may already be, against the whole database (numbers
   * without a country code read in the organisation's default phone country).
   */
  readResumes: (args: { files: Array<string> }) => call<Array<ResumeReview>>("read_resumes", args),
  /**
   * Files one reviewed resume: a new candidate with it attached (in one step: refused, neither
   * is kept), or attached to a candidate already here.
   */
  fileResume: (args: { filing: ResumeFiling }) => call<ResumeFiled>("file_resume", args),
  /**
   * Every term of the skills taxonomy (`assets/skills.txt`), in its order, for the Skills field
   * to suggest from as the user types.
   */
  skillTaxonomy: () => call<Array<SkillTerm>>("skill_taxonomy"),
  /**
   * Who may already be the person being typed in: the same email, or the same name with the
   * same phone, LinkedIn or employer, anywhere in the local database. A kiosk shows visitors
   * nobody else's details, so it is refused there.
   */
  possibleDuplicates: (args: { profile: Profile }) => call<Array<CandidateRow>>("possible_duplicates", args),
  /**
   * Looks for duplicates across the whole local database, as only admins may (they merge);
   * numbers without a country code are read in the organisation's default phone country.
   */
  findDuplicates: () => call<DuplicateScan>("find_duplicates"),
  /**
   * `limit` groups of the last scan from `offset`, leaving out the groups in `skip` (each a
   * group's member ids, said to be no duplicates).
   */
  duplicateGroups: (args: { offset: number; limit: number; skip: Array<Array<string>> }) => call<Array<DuplicateGroup>>("duplicate_groups", args),
  /** The documents' size limit, for the window to check before uploading. */
  documentLimit: () => call<number>("document_limit"),
  /**
   * Download Resumes: the newest resume of each chosen candidate, in one zip at `path` (chosen
   * in the Save dialog, or a new file in the exports folder).
   */
  downloadResumes: (args: { selection: Selection; path: string }) => call<ResumesZip>("download_resumes", args),
  /** The bulk actions and their limits, from the domain's rules (the store checks them again). */
  bulkActions: () => call<Array<BulkActionInfo>>("bulk_actions"),
  talentMatches: (args: { id: string }) => call<Array<TalentMatch>>("talent_matches", args),
  hiredActions: () => call<HiredActions>("hired_actions"),
  /**
   * The saved searches here, by name, with their new matches and the filter values they name
   * that are gone.
   */
  savedSearches: () => call<Array<SavedSearchEntry>>("saved_searches"),
  /** Opens a saved search: its new matches are read, and the search to run is returned. */
  openSavedSearch: (args: { id: string }) => call<OpenedSearch>("open_saved_search", args),
  /** The templates by kind and name, with the merge fields each kind may use. */
  templates: () => call<Templates>("templates"),
  /**
   * `template` as typed (checked as saving it would be) filled for the candidate, from the
   * signed-in user; an invitation names `job_id`'s job, or else the first open job.
   */
  fillTemplate: (args: { template: Template; candidateId: string; jobId: string | null }) => call<FilledTemplate>("fill_template", args),
  customFields: () => call<Array<CustomFieldDef>>("custom_fields"),
  tags: () => call<Array<TagInfo>>("tags"),
  /** Where exports are saved unless the user chooses another file in the Save dialog. */
  exportFolder: () => call<string>("export_folder"),
  /**
   * Runs a bulk mutation in batches (see talentdesk_store::bulk), reporting `run-progress`.
   * The limit and the role are checked on the whole selection before the first batch.
   */
  runBulk: (args: { run: string; mutation: Mutation }) => call<BulkProgress>("run_bulk", args),
  /**
   * Exports candidates to a file in batches, reporting `run-progress`; the file appears only
   * when complete.
   */
  runExport: (args: { run: string; request: ExportRequest }) => call<BulkProgress>("run_export", args),
  /** Stops a bulk run or export before its next batch. */
  cancelRun: (args: { run: string }) => call<void>("cancel_run", args),
  /** Opens a file chosen or dropped (granted) for import. */
  importOpen: (args: { path: string; sheet: string | null }) => call<ImportFile>("import_open", args),
  /**
   * Plans the import of the file with `mapping` and `options`: nothing is written. The plan
   * waits for import_write (a new plan replaces it).
   */
  importPlan: (args: { path: string; sheet: string | null; mapping: ImportMapping; options: ImportOptions }) => call<ImportPreview>("import_plan", args),
  /**
   * Overrides the import's choice for one duplicate row of the plan; the counts as they now are.
   * Off the window's thread: a merge choice reads the database, through the reader, which a
   * duplicates scan may hold for a while.
   */
  importChoose: (args: { line: number; choice: ImportRowChoice }) => call<ImportCounts>("import_choose", args),
  /**
   * Writes the plan in batches (each one transaction through the mutation path, queued for the
   * server), reporting `import-progress`; cancel_run(run) stops it between batches. Called again
   * after a cancel, it writes the rest of the plan.
   */
  importWrite: (args: { run: string }) => call<ImportReport>("import_write", args),
  /**
   * Writes the rows not imported (rejected, skipped, refused at the write) as CSV with a Reason
   * column to `path` (chosen in the Save dialog); how many rows it holds.
   */
  importSaveErrors: (args: { path: string }) => call<number>("import_save_errors", args),
  /** Forgets the import (its plan can be large). */
  importClose: () => call<void>("import_close"),
  /** The column mappings saved for imports, by name (saved and deleted with `apply`). */
  importMappings: () => call<Array<SavedMapping>>("import_mappings"),
  /**
   * The organisation's default phone country (an admin sets it with
   * settings.set_phone_country) and the countries it may be: an import's options start with it.
   */
  phoneCountry: () => call<PhoneCountry>("phone_country"),
  /** What the sign-up page's consent box says; none while the page words its own. */
  consentText: () => call<string | null>("consent_text"),
  /**
   * People matching what is typed so far (name, email or phone): the event's registrants
   * first, then everyone else on this computer.
   */
  checkInLookup: (args: { event: string; query: string }) => call<Array<CheckInMatch>>("check_in_lookup", args),
  /**
   * Whom a scanned (or typed) check-in code belongs to; `None` when the input is no code at
   * all (a name, an email, a phone number), so the screen checks in the highlighted match.
   */
  checkInCode: (args: { event: string; input: string }) => call<CodeLookup | null>("check_in_code", args),
  /** Checks the person in at the event now; someone already checked in stays as they were. */
  checkIn: (args: { event: string; candidate: string }) => call<CheckIn>("check_in", args),
  /** The event's last check-ins, newest first, teammates' synced ones too. */
  lastCheckIns: (args: { event: string }) => call<Array<EventMemberRow>>("last_check_ins", args),
  /**
   * Saves a walk-in at the event: a new Event Attendee, registered and checked in now, with
   * the dropped resume attached (one transaction: refused, nothing is kept). A resume whose
   * text cannot be read is attached all the same, and a note on the profile says so.
   */
  walkIn: (args: { event: string; walkIn: WalkIn }) => call<WalkedIn>("walk_in", args),
  /** The kiosk's event, when the window is one (a reloaded window finds its way back). */
  kioskEvent: () => call<KioskEvent | null>("kiosk_event"),
  /** Makes the window a full-screen kiosk for the event, until `leave_kiosk` with this PIN. */
  enterKiosk: (args: { event: string; pin: string }) => call<KioskEvent>("enter_kiosk", args),
  /** Ends kiosk mode with the recruiter's PIN. After a few wrong ones, each try waits a while. */
  leaveKiosk: (args: { pin: string }) => call<void>("leave_kiosk", args),
  /**
   * The visitor who typed this email (exactly) or scanned this code, if they are here: only
   * their first name, and whether they already checked in.
   */
  kioskLookup: (args: { input: string }) => call<Visitor | null>("kiosk_lookup", args),
  /** Checks in the visitor the last lookup found (they confirmed their name). */
  kioskCheckIn: () => call<Visitor>("kiosk_check_in"),
  /**
   * A visitor signs up: registered and checked in as a walk-in — unless their email is known
   * here, when they are asked to confirm it is them instead (no duplicate made).
   */
  kioskSignUp: (args: { signUp: SignUp }) => call<SignedUp>("kiosk_sign_up", args),
  /** The next visitor: whoever was found is forgotten (idle, or "Start over"). */
  kioskForget: () => call<void>("kiosk_forget"),
};
