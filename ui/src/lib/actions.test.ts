import { describe, expect, it } from "vitest";
import { menuFor } from "./actions";
import type { BulkActionInfo } from "./bindings/BulkActionInfo";
import type { Candidate } from "./bindings/Candidate";

const limits: BulkActionInfo[] = [
  { action: "email", label: "Email", limit: 50, admin_only: false },
  { action: "manage_tags", label: "Manage Tags", limit: 100000, admin_only: false },
  { action: "purge", label: "Purge", limit: 50, admin_only: true },
];

const candidate = (over: Partial<Candidate>) => ({ eligible: true, subscribed: true, active: true, ...over }) as Candidate;

describe("menuFor", () => {
  it("gives the row and resume view their subsets, in the same order", () => {
    expect(menuFor("row", false).map((m) => m.label)).toEqual([
      "Email",
      "Invite to Apply",
      "Add to Pipeline",
      "Add to Event",
      "Manage Tags",
      "View Talent Matches",
    ]);
    expect(menuFor("resume", true).map((m) => m.label)).toEqual([
      "Email",
      "Invite to Apply",
      "Add to Pipeline",
      "Manage Tags",
    ]);
  });

  it("leaves admin-only entries out for recruiters", () => {
    const recruiter = menuFor("profile", false, { candidate: candidate({}) }).map((m) => m.id);
    expect(recruiter).not.toContain("delete");
    expect(recruiter).not.toContain("deactivate");
    expect(recruiter).not.toContain("unsubscribe");
    const admin = menuFor("profile", true, { candidate: candidate({}) }).map((m) => m.id);
    expect(admin).toEqual(expect.arrayContaining(["delete", "deactivate", "unsubscribe"]));
  });

  it("offers one of each pair by the candidate's state", () => {
    const ids = menuFor("profile", true, { candidate: candidate({ eligible: false, subscribed: false, active: false }) }).map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(["mark_eligible", "subscribe", "reactivate"]));
    expect(ids).not.toContain("mark_ineligible");
    expect(ids).not.toContain("unsubscribe");
    expect(ids).not.toContain("deactivate");
  });

  it("disables bulk actions over their limit and says why", () => {
    const menu = menuFor("bulk", true, { count: 51, limits });
    expect(menu.find((m) => m.id === "email")?.disabled).toBe(
      "Email works on at most 50 candidates at once; 51 are selected",
    );
    expect(menu.find((m) => m.id === "manage_tags")?.disabled).toBeNull();
    expect(menu.find((m) => m.id === "delete")?.label).toBe("Purge");
    expect(menuFor("bulk", true, { count: 50, limits }).find((m) => m.id === "email")?.disabled).toBeNull();
  });
});
