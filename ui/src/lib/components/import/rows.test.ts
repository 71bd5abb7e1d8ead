import { afterEach, describe, expect, it } from "vitest";
import type { ImportAction } from "../../bindings/ImportAction";
import type { ImportPreviewRow } from "../../bindings/ImportPreviewRow";
import { setLocale } from "../../i18n";
import { fateText, mergeOffered } from "./rows";

const row = (action: ImportAction, matched: string | null): ImportPreviewRow => ({
  planned: { line: 2, action, row: null, cells: ["Ana", "Souza"] },
  matched,
});
const here = "00000000-0000-0000-0000-000000000001";

describe("a duplicate row in the preview", () => {
  afterEach(() => setLocale("en"));

  it("created anyway says whom it is, and offers a merge into them", () => {
    const created = row({ kind: "create", candidate_id: "n", duplicate_of: { candidate_id: here, evidence: "email" } }, "Ana Souza");
    expect(fateText(created)).toBe("Create anyway: Ana Souza is already here (same email)");
    expect(mergeOffered(created)).toBe(true);
    setLocale("de");
    expect(fateText(created)).toBe("Trotzdem anlegen: Ana Souza ist schon da (dieselbe E-Mail)");
  });

  it("offers a merge when skipped, not when merged already or new", () => {
    expect(mergeOffered(row({ kind: "skip_duplicate", candidate_id: here, evidence: "email" }, "Ana Souza"))).toBe(true);
    const merge = { kind: "merge", candidate_id: here, evidence: "email", changes_profile: true, adds_note: false } as const;
    expect(mergeOffered(row(merge, "Ana Souza"))).toBe(false);
    expect(mergeOffered(row({ kind: "create", candidate_id: "n", duplicate_of: null }, null))).toBe(false);
  });
});
