// The actions a recruiter can take on candidates, and where each is offered: the profile's
// Actions menu, a row's ⋯ menu, the resume view's menu and the bulk bar (DESIGN.md section 4).
// Each names the domain's capability it needs (the one its mutation or command is checked
// against); entries the signed-in role may not use are left out rather than shown disabled.
// Which role may do what is the domain's to say (AppInfo.capabilities, `me.may`), not ours.
import type { BulkAction } from "./bindings/BulkAction";
import type { BulkActionInfo } from "./bindings/BulkActionInfo";
import type { Candidate } from "./bindings/Candidate";
import type { Capability } from "./bindings/Capability";
import { t, translate, type MessageKey } from "./i18n";

export type ActionId =
  | "edit_profile"
  | "email"
  | "invite"
  | "text"
  | "submit_job"
  | "add_pipeline"
  | "remove_pipeline"
  | "add_event"
  | "manage_tags"
  | "talent_matches"
  | "subscribe"
  | "unsubscribe"
  | "export"
  | "parse_resume"
  | "download_resumes"
  | "mark_ineligible"
  | "mark_eligible"
  | "deactivate"
  | "reactivate"
  | "delete";

export type Place = "profile" | "row" | "resume" | "bulk";

interface ActionDef {
  id: ActionId;
  label: MessageKey;
  /** What the bulk bar calls it, when it differs. */
  bulkLabel?: MessageKey;
  places: Place[];
  /** What the user must be allowed: `candidate.delete` is checked against `delete_candidate`. */
  needs: Capability;
  /** The limit that applies when the action runs on a selection. */
  bulk?: BulkAction;
  /** Asks before it runs and cannot be undone. */
  danger?: boolean;
}

export const ACTIONS: ActionDef[] = [
  { id: "edit_profile", label: "action.edit_profile", places: ["profile"], needs: "edit_profile" },
  { id: "email", label: "action.email", places: ["profile", "row", "resume", "bulk"], needs: "email", bulk: "email" },
  { id: "invite", label: "action.invite", places: ["profile", "row", "resume", "bulk"], needs: "invite_to_apply", bulk: "invite_to_apply" },
  { id: "text", label: "action.text", bulkLabel: "action.bulk_text", places: ["bulk"], needs: "bulk_text", bulk: "bulk_text" },
  { id: "submit_job", label: "action.submit_job", places: ["profile", "bulk"], needs: "submit_to_job", bulk: "submit_to_job" },
  { id: "add_pipeline", label: "action.add_pipeline", places: ["profile", "row", "resume", "bulk"], needs: "manage_pipeline_members", bulk: "add_to_pipeline" },
  { id: "remove_pipeline", label: "action.remove_pipeline", places: ["profile", "bulk"], needs: "manage_pipeline_members", bulk: "remove_from_pipeline" },
  { id: "add_event", label: "action.add_event", places: ["profile", "row", "bulk"], needs: "manage_event_members", bulk: "add_to_event" },
  { id: "manage_tags", label: "action.manage_tags", places: ["profile", "row", "resume", "bulk"], needs: "manage_tags", bulk: "manage_tags" },
  { id: "talent_matches", label: "action.talent_matches", places: ["profile", "row"], needs: "view_talent_matches" },
  { id: "subscribe", label: "action.subscribe", places: ["profile", "bulk"], needs: "subscribe", bulk: "subscribe" },
  { id: "unsubscribe", label: "action.unsubscribe", places: ["profile", "bulk"], needs: "subscribe", bulk: "unsubscribe" },
  { id: "export", label: "action.export", bulkLabel: "action.bulk_export", places: ["profile", "bulk"], needs: "export", bulk: "export" },
  { id: "parse_resume", label: "action.parse_resume", places: ["profile"], needs: "parse_resume", danger: true },
  // Reading the candidates' documents is all it takes.
  { id: "download_resumes", label: "action.download_resumes", places: ["bulk"], needs: "view_candidates", bulk: "download_resumes" },
  { id: "mark_ineligible", label: "action.mark_ineligible", places: ["profile"], needs: "mark_eligibility" },
  { id: "mark_eligible", label: "action.mark_eligible", places: ["profile"], needs: "mark_eligibility" },
  { id: "deactivate", label: "action.deactivate", places: ["profile"], needs: "deactivate", danger: true },
  { id: "reactivate", label: "action.reactivate", places: ["profile"], needs: "deactivate" },
  { id: "delete", label: "action.delete", bulkLabel: "action.bulk_delete", places: ["profile", "bulk"], needs: "delete_candidate", bulk: "purge", danger: true },
];

export interface MenuItem {
  id: ActionId;
  label: string;
  danger: boolean;
  /** Why it cannot be used now (over the limit); null when it can. */
  disabled: string | null;
}

/**
 * The entries offered at `place` for a user who `may` use the capabilities it says (`me.may`).
 * On a profile, the candidate's state picks one of each pair (Mark Ineligible or Eligible,
 * Subscribe or Unsubscribe, Deactivate or Reactivate). In the bulk bar, an action over its
 * limit for `count` is disabled with why.
 */
export function menuFor(
  place: Place,
  may: (capability: Capability) => boolean,
  options: { candidate?: Candidate; count?: number; limits?: BulkActionInfo[]; hasResume?: boolean } = {},
): MenuItem[] {
  const c = options.candidate;
  const hidden = (id: ActionId) =>
    c !== undefined &&
    ((id === "mark_ineligible" && !c.eligible) ||
      (id === "mark_eligible" && c.eligible) ||
      (id === "subscribe" && c.subscribed) ||
      (id === "unsubscribe" && !c.subscribed) ||
      (id === "deactivate" && !c.active) ||
      (id === "reactivate" && c.active) ||
      (id === "parse_resume" && !options.hasResume));
  return ACTIONS.filter((a) => a.places.includes(place) && may(a.needs) && !hidden(a.id)).map((a) => {
    const label = translate(place === "bulk" ? (a.bulkLabel ?? a.label) : a.label);
    return { id: a.id, label, danger: a.danger ?? false, disabled: place === "bulk" ? overLimit(a, options) : null };
  });
}

function overLimit(a: ActionDef, options: { count?: number; limits?: BulkActionInfo[] }): string | null {
  const info = options.limits?.find((l) => l.action === a.bulk);
  if (!info || options.count === undefined || options.count <= info.limit) return null;
  return t("actions.over_limit", { action: translate(a.bulkLabel ?? a.label), limit: info.limit, count: options.count });
}

/** The limit of an action on a selection, if it has one. */
export function limitOf(id: ActionId, limits: BulkActionInfo[]): number | null {
  const bulk = ACTIONS.find((a) => a.id === id)?.bulk;
  return limits.find((l) => l.action === bulk)?.limit ?? null;
}
