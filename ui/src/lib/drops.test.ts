import { describe, expect, it } from "vitest";
import { fileName, kindFor } from "./drops.svelte";

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
