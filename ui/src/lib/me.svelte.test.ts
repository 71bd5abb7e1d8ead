import { describe, expect, it } from "vitest";
import type { AppInfo } from "./bindings/AppInfo";
import { me } from "./me.svelte";

const info = (capabilities: AppInfo["capabilities"]) =>
  ({ user: { id: "u", email: "r@example.com", name: "R", role: "recruiter", ats_id: null }, capabilities }) as AppInfo;

describe("me.may", () => {
  it("allows nothing until the session says what the role may do, then exactly that", () => {
    expect(me.may("email")).toBe(false);
    me.signedIn(info(["email", "manage_tags"]));
    expect(me.may("email")).toBe(true);
    expect(me.may("delete_candidate")).toBe(false);
    // Signed in again as someone else: their list, not the last one's.
    me.signedIn(info(["delete_candidate"]));
    expect(me.may("email")).toBe(false);
    expect(me.may("delete_candidate")).toBe(true);
  });
});
