import { afterEach, describe, expect, it } from "vitest";
import type { ImportColumn } from "../../bindings/ImportColumn";
import { setLocale } from "../../i18n";
import { choiceOf, evidenceText, mappingProblem, targetOf, targetWords, type Named } from "./targets";

const named: Named = {
  customFields: [{ key: "visa", label: "Visa status", kind: "text" } as Named["customFields"][0]],
  events: [{ id: "e1", name: "Spring fair" }],
  pipelines: [{ id: "p1", name: "Backend hires" }],
};

describe("import targets", () => {
  afterEach(() => setLocale("en"));

  it("turns each choice of the select into the target the import takes, and back", () => {
    for (const target of [
      { to: "email" },
      { to: "tags", separator: ";" },
      { to: "custom_field", key: "visa" },
      { to: "event", event_id: "e1" },
      { to: "pipeline", pipeline_id: "p1" },
    ] as const) {
      expect(targetOf(choiceOf(target), "separator" in target ? target.separator : ",")).toEqual(target);
    }
  });

  it("says plainly when two columns go to one field, in the window's language", () => {
    const columns: ImportColumn[] = [
      { column: "Email", target: { to: "email" } },
      { column: "Tags", target: { to: "tags", separator: "," } },
      { column: "Labels", target: { to: "tags", separator: "," } },
      { column: "Work Email", target: { to: "email" } },
    ];
    expect(mappingProblem(columns, named)).toBe(
      "“Email” and “Work Email” both go to Email, and a field takes one column. Choose another field for one of them.",
    );
    expect(mappingProblem(columns.slice(0, 3), named)).toBeNull();
    const names: ImportColumn[] = [
      { column: "Name", target: { to: "full_name" } },
      { column: "Vorname", target: { to: "first_name" } },
    ];
    expect(mappingProblem(names, named)).toContain("full name");
    setLocale("de");
    expect(mappingProblem(columns, named)).toContain("gehen beide in E-Mail");
  });

  it("names custom fields, events, pipelines and the evidence of a duplicate", () => {
    expect(targetWords({ to: "custom_field", key: "visa" }, named)).toBe("Custom field: Visa status");
    expect(targetWords({ to: "pipeline", pipeline_id: "p1" }, named)).toContain("Backend hires");
    expect(evidenceText("name_employer")).toBe("same name and employer");
    setLocale("de");
    expect(evidenceText("email")).toBe("dieselbe E-Mail");
  });
});
