import { afterEach, describe, expect, it } from "vitest";
import type { ImportProblem } from "../../bindings/ImportProblem";
import type { ImportRowProblem } from "../../bindings/ImportRowProblem";
import { setLocale } from "../../i18n";
import { asAppError, CommandError, describeImport } from "../../ipc";
import { readAsText, repeatedText } from "./file";
import { fateText, reasonText } from "./rows";

// One of each kind Rust sends: a new kind without one here fails `npm run check`.
const everyProblem: { [K in ImportProblem["kind"]]: Extract<ImportProblem, { kind: K }> } = {
  unreadable: { kind: "unreadable", file: "ats.csv", reason: "Permission denied (os error 13)" },
  not_a_spreadsheet: { kind: "not_a_spreadsheet", file: "photo.csv" },
  empty: { kind: "empty", file: "empty.csv" },
  header_only: { kind: "header_only", file: "header.csv" },
  too_large: { kind: "too_large", file: "huge.csv", limit: "2 GB", unpacked: false },
  too_many_rows: { kind: "too_many_rows", file: "big.csv", limit: 1000000 },
  no_such_sheet: { kind: "no_such_sheet", file: "workable.xlsx", sheet: "People", sheets: ["Summary", "Candidates"] },
  no_such_column: { kind: "no_such_column", column: "E-mail" },
  one_field_twice: { kind: "one_field_twice", first: "Email", second: "Work Email", field: "email" },
  full_name_beside_parts: { kind: "full_name_beside_parts" },
  not_a_custom_field: { kind: "not_a_custom_field", key: "visa" },
  unknown_country: { kind: "unknown_country", country: "ZZ" },
  not_a_duplicate: { kind: "not_a_duplicate", line: 7 },
  no_import: { kind: "no_import" },
  written: { kind: "written" },
  partly_written: { kind: "partly_written" },
  error_file_unwritten: { kind: "error_file_unwritten", path: "/home/ana/x.errors.csv", reason: "Read-only file system" },
};

const everyReason: { [K in ImportRowProblem["kind"]]: Extract<ImportRowProblem, { kind: K }> } = {
  cell_count: { kind: "cell_count", cells: 3, header: 8 },
  rule: { kind: "rule", rule: { kind: "required", field: "first_name" } },
  not_a_date: { kind: "not_a_date", column: "Created Date" },
  not_yes_no: { kind: "not_yes_no", column: "Relocate" },
  not_a_status: { kind: "not_a_status", column: "Pipeline", value: "Maybe" },
  unlisted_tag: { kind: "unlisted_tag", tag: "blockchain" },
};

const said = (language: string, say: () => string) => {
  setLocale(language);
  return say();
};

describe("an import's problems in the window's language", () => {
  afterEach(() => setLocale("en"));

  it("says every kind in English and in German, every value filled in", () => {
    for (const problem of Object.values(everyProblem)) {
      const [english, german] = ["en", "de"].map((l) => said(l, () => describeImport(problem)));
      for (const text of [english, german]) expect(text, problem.kind).not.toMatch(/[{}]|undefined|Refused|Abgelehnt/);
      expect(german, problem.kind).not.toBe(english);
      if ("file" in problem) expect(german, problem.kind).toContain(problem.file);
    }
  });

  it("arrives from a command as its kind and reads as a sentence", () => {
    const rejection = { type: "import", error: everyProblem.header_only };
    expect(asAppError(rejection)).toEqual(rejection);
    setLocale("de");
    expect(new CommandError(asAppError(rejection)).message).toBe("header.csv hat eine Kopfzeile, aber keine Zeilen zum Importieren.");
    expect(describeImport(everyProblem.no_such_sheet)).toBe("workable.xlsx hat kein Tabellenblatt namens „People“. Ihre Blätter: Summary und Candidates.");
    expect(describeImport(everyProblem.one_field_twice)).toContain("gehen beide in E-Mail");
    setLocale("en");
    expect(describeImport(everyProblem.too_large)).toBe("huge.csv is larger than 2 GB and cannot be imported; split it into smaller files.");
    expect(describeImport({ ...everyProblem.too_large, limit: "1 GB", unpacked: true })).toContain("unpacks to more than 1 GB");
  });

  it("says every reason a row is rejected in both languages", () => {
    for (const reason of Object.values(everyReason)) {
      const [english, german] = ["en", "de"].map((l) => said(l, () => reasonText(reason)));
      for (const text of [english, german]) expect(text, reason.kind).not.toMatch(/[{}]|undefined/);
      expect(german, reason.kind).not.toBe(english);
    }
  });

  it("lists a rejected row's reasons in the preview", () => {
    const row = {
      planned: { line: 4, action: { kind: "reject" as const, reasons: [everyReason.rule, everyReason.not_a_date] }, row: null, cells: [] },
      matched: null,
    };
    expect(fateText(row)).toBe("Reject: First name is required; Created Date: not a date");
    setLocale("de");
    expect(fateText(row)).toBe("Ablehnen: Vorname muss ausgefüllt sein; Created Date: kein Datum");
  });
});

describe("a file as it was read", () => {
  afterEach(() => setLocale("en"));

  it("says how it was read and which header it repeats, in English and German", () => {
    const csv = { kind: "csv", encoding: "windows-1252", delimiter: "semicolon" } as const;
    const sheet = { kind: "sheet", workbook: "XLSX", sheet: "Candidates" } as const;
    const repeated = { header: "Email", column: 3, name: "Email (2)" };
    expect([readAsText(csv), readAsText(sheet), repeatedText(repeated)]).toEqual([
      "CSV, windows-1252, semicolon separated",
      "XLSX, sheet Candidates",
      "The header “Email” appears more than once; column 3 is “Email (2)”.",
    ]);
    setLocale("de");
    expect([readAsText(csv), readAsText(sheet), repeatedText(repeated)]).toEqual([
      "CSV, windows-1252, Semikolon als Trennzeichen",
      "XLSX, Tabellenblatt Candidates",
      "Die Überschrift „Email“ kommt mehrfach vor; Spalte 3 heißt „Email (2)“.",
    ]);
  });
});
