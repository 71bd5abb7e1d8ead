// The one way into the Tauri commands: `call` invokes one and turns any rejection into a
// CommandError whose message a recruiter can read. The typed calls (bindings/commands.ts,
// generated from the Rust commands) go through it; so nothing here may import them.
import { invoke } from "@tauri-apps/api/core";
import type { AppError } from "./bindings/AppError";
import type { BulkAction } from "./bindings/BulkAction";
import type { Capability } from "./bindings/Capability";
import type { DomainError } from "./bindings/DomainError";
import type { EmailProblem } from "./bindings/EmailProblem";
import type { ImportProblem } from "./bindings/ImportProblem";
import type { KeychainProblem } from "./bindings/KeychainProblem";
import type { KeychainProblemKind } from "./bindings/KeychainProblemKind";
import type { SyncProblem } from "./bindings/SyncProblem";
import type { SyncProblemKind } from "./bindings/SyncProblemKind";
import type { NamedCandidate } from "./bindings/NamedCandidate";
import type { PhoneProblem } from "./bindings/PhoneProblem";
import type { QueryProblem } from "./bindings/QueryProblem";
import type { SessionProblem } from "./bindings/SessionProblem";
import type { Thing } from "./bindings/Thing";
import { t, translate, type MessageKey, type Values } from "./i18n";
import { formatList } from "./format";
import { atsWord } from "./profile";

/** A failed command: the message says what happened in words a recruiter understands. */
export class CommandError extends Error {
  constructor(readonly error: AppError) {
    super(describe(error));
  }
}

/** In the window's language; a storage failure keeps Rust's English (it is for whoever helps). */
export function describe(error: AppError): string {
  if (error.type === "storage") return error.error.message;
  if (error.type === "session") return t(sessionKeys[error.error]);
  if (error.type === "import") return describeImport(error.error);
  return describeRule(error.error);
}

const sessionKeys: Record<SessionProblem, MessageKey> = {
  not_signed_in: "problem.session.not_signed_in",
  no_server: "problem.session.no_server",
};

// Every kind Rust sends has a message here, and every thing, action and capability it names a
// word: a new Rust variant without one fails `npm run check`.
const ruleKeys: Record<DomainError["kind"], MessageKey> = {
  invalid: "problem.invalid",
  forbidden: "problem.forbidden",
  over_bulk_limit: "problem.over_bulk_limit",
  not_found: "problem.not_found",
  query: "problem.query",
  required: "problem.required",
  too_long: "problem.too_long",
  too_many: "problem.too_many",
  control_character: "problem.control_character",
  not_one_line: "problem.not_one_line",
  not_an_email: "problem.not_an_email",
  not_a_phone: "problem.not_a_phone",
  not_a_web_address: "problem.not_a_web_address",
  not_a_year_month: "problem.not_a_year_month",
  ends_before_start: "problem.ends_before_start",
  not_a_rating: "problem.not_a_rating",
  already_exists: "problem.already_exists",
  listed_twice: "problem.listed_twice",
  nothing_selected: "problem.nothing_selected",
  repeated_in_selection: "problem.repeated_in_selection",
  no_address: "problem.no_address",
  deactivated: "problem.deactivated",
  texts_opted_out: "problem.texts_opted_out",
  no_text_provider: "problem.no_text_provider",
  not_among: "problem.not_among",
  admin_only: "problem.admin_only",
  needs_ats_id: "problem.needs_ats_id",
  not_an_ats_id: "problem.not_an_ats_id",
  ats_id_taken: "problem.ats_id_taken",
  not_yours: "problem.not_yours",
  not_one_of: "problem.not_one_of",
  already_hired: "problem.already_hired",
  application_withdrawn: "problem.application_withdrawn",
  job_closed: "problem.job_closed",
  pipeline_archived: "problem.pipeline_archived",
  status_has_members: "problem.status_has_members",
  last_admin: "problem.last_admin",
  changed_since: "problem.changed_since",
  unknown_change: "problem.unknown_change",
};

const queryKeys: Record<QueryProblem["kind"], MessageKey> = {
  query_too_long: "problem.query.query_too_long",
  too_many_terms: "problem.query.too_many_terms",
  quote_not_closed: "problem.query.quote_not_closed",
  empty_quotes: "problem.query.empty_quotes",
  no_letters_or_digits: "problem.query.no_letters_or_digits",
  paren_not_closed: "problem.query.paren_not_closed",
  unmatched_close: "problem.query.unmatched_close",
  empty_parens: "problem.query.empty_parens",
  nothing_after: "problem.query.nothing_after",
  nothing_before: "problem.query.nothing_before",
  ends_early: "problem.query.ends_early",
  unexpected: "problem.query.unexpected",
};

const emailKeys: Record<EmailProblem, MessageKey> = {
  no_at: "problem.email.no_at",
  nothing_before_at: "problem.email.nothing_before_at",
  local_part_too_long: "problem.email.local_part_too_long",
  more_than_one_at: "problem.email.more_than_one_at",
  bad_character: "problem.email.bad_character",
  misplaced_dot: "problem.email.misplaced_dot",
  nothing_after_at: "problem.email.nothing_after_at",
  bad_domain_name: "problem.email.bad_domain_name",
  domain_without_dot: "problem.email.domain_without_dot",
  invalid_domain: "problem.email.invalid_domain",
  numeric_top_level: "problem.email.numeric_top_level",
};

const phoneKeys: Record<PhoneProblem["kind"], MessageKey> = {
  bad_extension: "problem.phone.bad_extension",
  bad_character: "problem.phone.bad_character",
  plus_not_at_start: "problem.phone.plus_not_at_start",
  digit_count: "problem.phone.digit_count",
};

const thingKeys: Record<Thing, MessageKey> = {
  candidate: "problem.thing.candidate",
  tag: "problem.thing.tag",
  custom_field: "problem.thing.custom_field",
  history_entry: "problem.thing.history_entry",
  note: "problem.thing.note",
  event: "problem.thing.event",
  pipeline: "problem.thing.pipeline",
  job: "problem.thing.job",
  document: "problem.thing.document",
  user: "problem.thing.user",
  conflict: "problem.thing.conflict",
  send: "problem.thing.send",
  link: "problem.thing.link",
  org: "problem.thing.org",
  route: "problem.thing.route",
  tracking_token: "problem.thing.tracking_token",
  client: "problem.thing.client",
  saved_search: "problem.thing.saved_search",
  record: "problem.thing.record",
};

const actionKeys: Record<BulkAction, MessageKey> = {
  email: "problem.action.email",
  invite_to_apply: "problem.action.invite_to_apply",
  submit_to_job: "problem.action.submit_to_job",
  add_to_event: "problem.action.add_to_event",
  download_resumes: "problem.action.download_resumes",
  bulk_text: "problem.action.bulk_text",
  manage_tags: "problem.action.manage_tags",
  add_to_pipeline: "problem.action.add_to_pipeline",
  remove_from_pipeline: "problem.action.remove_from_pipeline",
  export: "problem.action.export",
  subscribe: "problem.action.subscribe",
  unsubscribe: "problem.action.unsubscribe",
  purge: "problem.action.purge",
};

const capabilityKeys: Record<Capability, MessageKey> = {
  view_candidates: "problem.may.view_candidates",
  create_candidate: "problem.may.create_candidate",
  edit_profile: "problem.may.edit_profile",
  parse_resume: "problem.may.parse_resume",
  mark_eligibility: "problem.may.mark_eligibility",
  email: "problem.may.email",
  invite_to_apply: "problem.may.invite_to_apply",
  bulk_text: "problem.may.bulk_text",
  submit_to_job: "problem.may.submit_to_job",
  manage_pipeline_members: "problem.may.manage_pipeline_members",
  manage_event_members: "problem.may.manage_event_members",
  manage_tags: "problem.may.manage_tags",
  write_notes: "problem.may.write_notes",
  manage_documents: "problem.may.manage_documents",
  manage_applications: "problem.may.manage_applications",
  export: "problem.may.export",
  view_talent_matches: "problem.may.view_talent_matches",
  create_event: "problem.may.create_event",
  subscribe: "problem.may.subscribe",
  deactivate: "problem.may.deactivate",
  delete_candidate: "problem.may.delete_candidate",
  configure_columns: "problem.may.configure_columns",
  manage_tag_list: "problem.may.manage_tag_list",
  manage_custom_fields: "problem.may.manage_custom_fields",
  manage_hired_actions: "problem.may.manage_hired_actions",
  manage_pipelines: "problem.may.manage_pipelines",
  manage_jobs: "problem.may.manage_jobs",
  archive_event: "problem.may.archive_event",
  manage_areas_of_interest: "problem.may.manage_areas_of_interest",
  manage_team: "problem.may.manage_team",
  manage_templates: "problem.may.manage_templates",
  merge_candidates: "problem.may.merge_candidates",
  record_candidate_request: "problem.may.record_candidate_request",
  decide_erasure_requests: "problem.may.decide_erasure_requests",
  manage_webhooks: "problem.may.manage_webhooks",
  manage_phone_country: "problem.may.manage_phone_country",
  manage_sign_up_page: "problem.may.manage_sign_up_page",
};

// Fields are the keys the rules name them by; one without a word here (an admin's custom
// field, "custom:level") is shown by its key.
const fieldKeys: Partial<Record<string, MessageKey>> = {
  first_name: "problem.field.first_name",
  last_name: "problem.field.last_name",
  email: "problem.field.email",
  phone: "problem.field.phone",
  city: "problem.field.city",
  region: "problem.field.region",
  country: "problem.field.country",
  current_title: "problem.field.current_title",
  current_employer: "problem.field.current_employer",
  employment: "problem.field.employment",
  education: "problem.field.education",
  skills: "problem.field.skills",
  links: "problem.field.links",
  languages: "problem.field.languages",
  certifications: "problem.field.certifications",
  tag: "problem.field.tag",
  tags: "problem.field.tags",
  name: "problem.field.name",
  title: "problem.field.title",
  label: "problem.field.label",
  subject: "problem.field.subject",
  body: "problem.field.body",
  note: "problem.field.note",
  description: "problem.field.description",
  location: "problem.field.location",
  capacity: "problem.field.capacity",
  interests: "problem.field.interests",
  columns: "problem.field.columns",
  statuses: "problem.field.statuses",
  rating: "problem.field.rating",
  selection: "problem.field.selection",
  hiring_status: "problem.field.hiring_status",
  bin: "problem.field.bin",
  phone_country: "problem.field.phone_country",
  consent_text: "problem.field.consent_text",
  full_name: "problem.field.full_name",
  linked_in: "problem.field.linked_in",
  website: "problem.field.website",
  event: "problem.field.event",
  pipeline: "problem.field.pipeline",
};

function fieldName(field: string): string {
  const key = fieldKeys[field];
  return key ? translate(key) : field.replace(/^custom:/, "").replaceAll("_", " ");
}

/** A candidate a rule names: by name when they are here, else without one. */
function candidateName(candidate: NamedCandidate): string {
  return candidate.name ?? t("problem.a_candidate");
}

/** The values of a rule's message, each word in the window's language. */
function ruleValues(rule: DomainError): Values {
  switch (rule.kind) {
    case "invalid":
      return { field: fieldName(rule.field), reason: rule.reason };
    case "forbidden":
      return { reason: rule.reason };
    case "over_bulk_limit":
      return { action: translate(actionKeys[rule.action]), limit: rule.limit, requested: rule.requested };
    case "not_found":
    case "already_exists":
      return { what: translate(thingKeys[rule.what]), id: rule.id };
    case "not_yours":
    case "changed_since":
      return { what: translate(thingKeys[rule.what]) };
    case "query":
      return { problem: translate(queryKeys[rule.problem.kind], { ...rule.problem }), position: rule.position };
    case "required":
    case "not_one_line":
    case "not_a_web_address":
    case "not_a_year_month":
    case "ends_before_start":
      return { field: fieldName(rule.field) };
    case "too_long":
      return { field: fieldName(rule.field), length: rule.length, limit: rule.limit };
    case "too_many":
      return { field: fieldName(rule.field), count: rule.count, limit: rule.limit };
    case "control_character":
      return { field: fieldName(rule.field), code: rule.code.toString(16).toUpperCase().padStart(4, "0") };
    case "not_an_email":
      return { field: fieldName(rule.field), problem: translate(emailKeys[rule.problem]) };
    case "not_a_phone":
      return { field: fieldName(rule.field), problem: translate(phoneKeys[rule.problem.kind], { ...rule.problem }) };
    case "not_a_rating":
      return { value: rule.value };
    case "listed_twice":
      return { field: fieldName(rule.field), value: rule.value };
    case "not_one_of":
      // The fixed lists are the applicant tracking system's words (hiring statuses, bins).
      return { field: fieldName(rule.field), value: atsWord(rule.value), allowed: formatList(rule.allowed.map(atsWord)) };
    case "already_hired":
    case "application_withdrawn":
    case "job_closed":
      return { job: rule.job };
    case "pipeline_archived":
      return { pipeline: rule.pipeline };
    case "ats_id_taken":
      return { id: rule.id, user: rule.user };
    case "status_has_members":
      return { status: rule.status, count: rule.count };
    case "no_address":
      return { name: candidateName(rule.candidate), email: rule.email ? "yes" : "no" };
    case "deactivated":
      return { name: candidateName(rule.candidate) };
    case "texts_opted_out":
      return { count: rule.count };
    case "not_among":
      return { what: rule.what, thing: translate(thingKeys[rule.what]) };
    case "admin_only":
      return { doing: translate(capabilityKeys[rule.capability]) };
    case "nothing_selected":
    case "repeated_in_selection":
    case "needs_ats_id":
    case "not_an_ats_id":
    case "last_admin":
    case "unknown_change":
    case "no_text_provider":
      return {};
  }
}

/** A domain rule's refusal in the window's language. */
export function describeRule(rule: DomainError): string {
  // A kind from a newer version (a teammate's server, a stored rejection) still says which.
  if (!Object.hasOwn(ruleKeys, rule.kind)) return t("problem.unknown", { kind: rule.kind });
  if (rule.kind === "not_found" && rule.what === "candidate") return t("problem.candidate_gone");
  // An English reason about the selection names whom it is about; the field adds nothing.
  if (rule.kind === "invalid" && rule.field === "selection") return rule.reason;
  return translate(ruleKeys[rule.kind], ruleValues(rule));
}

// Every kind of import problem Rust sends has a message (a mapping's problems say what the
// mapping step itself says before the file is planned).
const importKeys: Record<ImportProblem["kind"], MessageKey> = {
  unreadable: "import.problem.unreadable",
  not_a_spreadsheet: "import.problem.not_a_spreadsheet",
  empty: "import.problem.empty",
  header_only: "import.problem.header_only",
  too_large: "import.problem.too_large",
  too_many_rows: "import.problem.too_many_rows",
  no_such_sheet: "import.problem.no_such_sheet",
  no_such_column: "import.problem.no_such_column",
  one_field_twice: "import.twice",
  full_name_beside_parts: "import.full_and_split",
  not_a_custom_field: "import.problem.not_a_custom_field",
  unknown_country: "import.problem.unknown_country",
  not_a_duplicate: "import.problem.not_a_duplicate",
  no_import: "import.problem.no_import",
  written: "import.problem.written",
  partly_written: "import.problem.partly_written",
  error_file_unwritten: "import.problem.error_file_unwritten",
};

/** Why a file cannot be imported, or an import cannot go on, in the window's language. */
export function describeImport(problem: ImportProblem): string {
  if (!Object.hasOwn(importKeys, problem.kind)) return t("problem.unknown", { kind: problem.kind });
  switch (problem.kind) {
    case "too_large":
      return t("import.problem.too_large", { file: problem.file, limit: problem.limit, unpacked: problem.unpacked ? "yes" : "no" });
    case "no_such_sheet":
      return t("import.problem.no_such_sheet", { file: problem.file, sheet: problem.sheet, sheets: formatList(problem.sheets) });
    case "one_field_twice":
      return t("import.twice", { first: problem.first, second: problem.second, field: fieldName(problem.field) });
    default:
      return translate(importKeys[problem.kind], { ...problem });
  }
}

const syncKeys: Record<SyncProblemKind, MessageKey> = {
  unreachable: "problem.sync.unreachable",
  signed_out: "problem.sync.signed_out",
  unavailable: "problem.sync.unavailable",
  refused: "problem.sync.refused",
  bad_answer: "problem.sync.bad_answer",
  insecure: "problem.sync.insecure",
  bad_address: "problem.sync.bad_address",
  stopped: "problem.sync.stopped",
  out_of_step: "problem.sync.out_of_step",
  local: "problem.sync.local",
};

const keychainKeys: Record<KeychainProblemKind, MessageKey> = {
  unavailable: "problem.keychain.unavailable",
  locked: "problem.keychain.locked",
  failed: "problem.keychain.failed",
};

/** Why sync fails, in the window's language (the English detail only where it names something). */
export function describeSync(problem: SyncProblem): string {
  return translate(syncKeys[problem.kind], { detail: problem.detail });
}

/** Why the sign-in is not remembered, in the window's language. */
export function describeKeychain(problem: KeychainProblem): string {
  return translate(keychainKeys[problem.kind], { detail: problem.detail });
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
  if (type === "session") return typeof error === "string" && Object.hasOwn(sessionKeys, error);
  if (typeof error !== "object" || error === null) return false;
  if (type === "storage") return typeof (error as { message?: unknown }).message === "string";
  return (type === "rule" || type === "import") && typeof (error as { kind?: unknown }).kind === "string";
}

function inWords(rejection: unknown): string {
  if (typeof rejection === "string") return rejection;
  if (rejection instanceof Error) return rejection.message;
  if (rejection === undefined || rejection === null) return t("problem.no_reason");
  try {
    return JSON.stringify(rejection) ?? String(rejection);
  } catch {
    return String(rejection);
  }
}

/** Runs a command by name; only the generated calls use it (their names and keys are checked). */
export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw new CommandError(asAppError(e));
  }
}
