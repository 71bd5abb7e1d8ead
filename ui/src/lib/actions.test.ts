import { describe, expect, it } from "vitest";
import { menuFor } from "./actions";
import type { BulkActionInfo } from "./bindings/BulkActionInfo";
import type { Candidate } from "./bindings/Candidate";
import type { Capability } from "./bindings/Capability";

const limits: BulkActionInfo[] = [
  { action: "email", label: "Email", limit: 50 },
  { action: "manage_tags", label: "Manage Tags", limit: 100000 },
  { action: "purge", label: "Purge", limit: 50 },
];

// What the domain tells the window a recruiter may not do, among the candidate actions
// (crates/domain/src/permission.rs); an admin may do everything.
const adminOnly: Capability[] = ["subscribe", "deactivate", "delete_candidate"];
const recruiter = (c: Capability) => !adminOnly.includes(c);
const admin = () => true;

const candidate = (over: Partial<Candidate>) => ({ eligible: true, subscribed: true, active: true, ...over }) as Candidate;

describe("menuFor", () => {
  it("gives the row and resume view their subsets, in the same order", () => {
    expect(menuFor("row", recruiter).map((m) => m.label)).toEqual([
      "Email",
      "Invite to Apply",
      "Add to Pipeline",
      "Add to Event",
      "Manage Tags",
      "View Talent Matches",
    ]);
    expect(menuFor("resume", admin).map((m) => m.label)).toEqual([
      "Email",
      "Invite to Apply",
      "Add to Pipeline",
      "Manage Tags",
    ]);
  });

  it("leaves out what the role may not do, as the domain says", () => {
    const recruiters = menuFor("profile", recruiter, { candidate: candidate({}) }).map((m) => m.id);
    expect(recruiters).not.toContain("delete");
    expect(recruiters).not.toContain("deactivate");
    expect(recruiters).not.toContain("unsubscribe");
    const admins = menuFor("profile", admin, { candidate: candidate({}) }).map((m) => m.id);
    expect(admins).toEqual(expect.arrayContaining(["delete", "deactivate", "unsubscribe"]));
    expect(menuFor("bulk", recruiter).map((m) => m.id)).not.toContain("delete");
  });

  it("asks about the capability each action needs, and only those", () => {
    const asked = new Set<Capability>();
    const may = (c: Capability) => (asked.add(c), c !== "manage_tags");
    const bulk = menuFor("bulk", may).map((m) => m.id);
    expect(bulk).not.toContain("manage_tags");
    expect(bulk).toContain("email");
    expect(asked).toEqual(
      new Set([
        "email",
        "invite_to_apply",
        "bulk_text",
        "submit_to_job",
        "manage_pipeline_members",
        "manage_event_members",
        "manage_tags",
        "subscribe",
        "export",
        "view_candidates",
        "delete_candidate",
      ]),
    );
  });

  it("offers nothing before the domain has said what the role may do", () => {
    expect(menuFor("row", () => false)).toEqual([]);
  });

  it("offers one of each pair by the candidate's state", () => {
    const ids = menuFor("profile", admin, { candidate: candidate({ eligible: false, subscribed: false, active: false }) }).map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(["mark_eligible", "subscribe", "reactivate"]));
    expect(ids).not.toContain("mark_ineligible");
    expect(ids).not.toContain("unsubscribe");
    expect(ids).not.toContain("deactivate");
  });

  it("disables bulk actions over their limit and says why", () => {
    const menu = menuFor("bulk", admin, { count: 51, limits });
    expect(menu.find((m) => m.id === "email")?.disabled).toBe(
      "Email works on at most 50 candidates at once; 51 are selected",
    );
    expect(menu.find((m) => m.id === "manage_tags")?.disabled).toBeNull();
    expect(menu.find((m) => m.id === "delete")?.label).toBe("Purge");
    expect(menuFor("bulk", admin, { count: 50, limits }).find((m) => m.id === "email")?.disabled).toBeNull();
  });
});
