import { describe, expect, it } from "vitest";
import { draftFromResume, emptyDraft, emptyProfile, needsFollowUp, problems, profileOf } from "./walkin";

const ana = { ...emptyDraft(), first_name: "Ana", last_name: "Souza" };

describe("a walk-in", () => {
  it("needs both names", () => {
    expect(problems({ ...emptyDraft(), email: "a@b.org" }, false)).toEqual({
      first_name: "The first name is needed",
      last_name: "The last name is needed",
    });
  });

  it("needs an email, a phone or a resume, and marks one without an email for follow-up", () => {
    expect(problems(ana, false).contact).toMatch(/email, a phone number or a resume/);
    expect(problems({ ...ana, phone: "+351 912 345 678" }, false)).toEqual({});
    expect(problems(ana, true)).toEqual({});
    expect(needsFollowUp({ ...ana, phone: "912" })).toBe(true);
    expect(needsFollowUp({ ...ana, email: "ana@example.org" })).toBe(false);
  });

  it("refuses an email that is not one", () => {
    expect(problems({ ...ana, email: "ana at example" }, false).email).toBe("This is not an email address");
  });

  it("puts a school into education and an employer into the current employer", () => {
    const student = profileOf({ ...ana, affiliation: "Universidade de Lisboa", affiliation_kind: "school" }, null);
    expect(student.education.map((e) => e.school)).toEqual(["Universidade de Lisboa"]);
    expect(student.current_employer).toBe("");
    const worker = profileOf({ ...ana, email: " ana@example.org ", affiliation: "Northwind", affiliation_kind: "employer" }, null);
    expect(worker.current_employer).toBe("Northwind");
    expect(worker.email).toBe("ana@example.org");
    expect(worker.phone).toBeNull();
  });

  it("keeps what a resume said beneath the form, without doubling its school", () => {
    const read = {
      ...emptyProfile(),
      first_name: "Ana",
      skills: ["Rust"],
      certifications: ["AWS Certified Cloud Practitioner, 2024"],
      education: [{ school: "Universidade de Lisboa", degree: "BSc", major: "", start: null, end: "2025" }],
    };
    const p = profileOf({ ...ana, affiliation: "universidade de lisboa" }, read);
    expect(p.skills).toEqual(["Rust"]);
    expect(p.certifications).toEqual(["AWS Certified Cloud Practitioner, 2024"]);
    expect(p.education).toHaveLength(1);
    expect(read.first_name).toBe("Ana");
  });

  it("is filled from a resume where the resume has something", () => {
    const read = { ...emptyProfile(), first_name: "Ana", last_name: "Souza", email: "ana@example.org", current_employer: "Northwind" };
    const d = draftFromResume({ ...emptyDraft(), first_name: "an", phone: "912", interests: ["Data"] }, read);
    expect(d).toMatchObject({ first_name: "Ana", last_name: "Souza", email: "ana@example.org", phone: "912" });
    expect(d).toMatchObject({ affiliation: "Northwind", affiliation_kind: "employer", interests: ["Data"] });
  });
});
