import { describe, expect, it } from "vitest";
import type { Confidences } from "../../bindings/Confidences";
import { unsureFields } from "./unsure";

const sure: Confidences = {
  name: "high",
  email: "high",
  phone: "high",
  location: "high",
  skills: "medium",
  employment: "high",
  education: "high",
  languages: "high",
  certifications: "high",
};

describe("the fields a parse asks the recruiter to check", () => {
  it("names nothing when every shown field was found with confidence", () => {
    expect(unsureFields(sure)).toBe("");
    expect(unsureFields(null)).toBe("");
  });

  it("names each low-confidence field as one list, location, languages and certifications too", () => {
    expect(unsureFields({ ...sure, phone: "low", location: "low", languages: "low" })).toBe("Phone, Location, and Languages");
    expect(unsureFields({ ...sure, certifications: "low" })).toBe("Certifications");
  });
});
