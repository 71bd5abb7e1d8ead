import { describe, expect, it } from "vitest";
import { fileName, isSpreadsheet, kindFor } from "./drops.svelte";

describe("kindFor", () => {
  it("guesses the kind from the file's name", () => {
    expect(kindFor("/home/ana/Ana Souza CV.pdf")).toBe("resume");
    expect(kindFor("C:\\Users\\ana\\resume_2026.docx")).toBe("resume");
    expect(kindFor("cover-letter.pdf")).toBe("cover_letter");
    expect(kindFor("transcript.pdf")).toBe("additional_document");
    expect(kindFor("cvs_pharmacy_receipt.pdf")).toBe("additional_document");
    expect(fileName("/a/b/c.pdf")).toBe("c.pdf");
  });
});

describe("isSpreadsheet", () => {
  it("sends spreadsheets to the import, resumes and documents elsewhere", () => {
    for (const name of ["/a/fair.csv", "C:\\x\\Export.XLSX", "old.xls", "list.ods", "tabs.tsv"]) {
      expect(isSpreadsheet(name)).toBe(true);
    }
    for (const name of ["/a/cv.pdf", "resume.docx", "notes.txt", "csv"]) expect(isSpreadsheet(name)).toBe(false);
  });
});
