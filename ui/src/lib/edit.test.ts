import { describe, expect, it } from "vitest";
import type { Profile } from "./bindings/Profile";
import { profileChanges } from "./edit";

const ana: Profile = {
  first_name: "Ana",
  last_name: "Souza",
  email: "ana@example.com",
  phone: null,
  location: { city: "Lisbon", region: "", country: "Portugal" },
  current_title: "Nurse",
  current_employer: "",
  employment: [],
  education: [],
  skills: ["Triage"],
  links: [],
  willing_to_relocate: null,
  desired_level: null,
  employment_type: null,
  languages: [],
  certifications: ["PMP"],
  interests: ["Data"],
  preferred_communication: null,
  custom_fields: { visa: "EU" },
};

describe("profileChanges", () => {
  it("saves the areas of interest ticked as one change from those she had", () => {
    expect(profileChanges(ana, { ...ana, interests: ["Data", "Design"] })).toEqual([
      { from: { field: "interests", value: ["Data"] }, to: { field: "interests", value: ["Data", "Design"] } },
    ]);
  });

  it("is empty when nothing changed (blank optional text counts as none)", () => {
    expect(profileChanges(ana, { ...ana, phone: "  ", skills: ["Triage", " "] })).toEqual([]);
  });

  it("gives one change per field, from the value read to the value written", () => {
    const changes = profileChanges(ana, {
      ...ana,
      email: " ana.souza@example.pt ",
      location: { ...ana.location, city: "Porto" },
      custom_fields: { visa: "", shift: "Night" },
    });
    expect(changes).toEqual([
      { from: { field: "email", value: "ana@example.com" }, to: { field: "email", value: "ana.souza@example.pt" } },
      { from: { field: "location", value: ana.location }, to: { field: "location", value: { ...ana.location, city: "Porto" } } },
      { from: { field: "custom_field", value: { key: "shift", value: null } }, to: { field: "custom_field", value: { key: "shift", value: "Night" } } },
      { from: { field: "custom_field", value: { key: "visa", value: "EU" } }, to: { field: "custom_field", value: { key: "visa", value: null } } },
    ]);
  });

  it("saves certifications trimmed, without the boxes left empty", () => {
    const changes = profileChanges(ana, { ...ana, certifications: ["PMP", " CISSP, ISC2, 2022 ", ""] });
    expect(changes).toEqual([
      { from: { field: "certifications", value: ["PMP"] }, to: { field: "certifications", value: ["PMP", "CISSP, ISC2, 2022"] } },
    ]);
    expect(profileChanges(ana, { ...ana, certifications: ["PMP", "  "] })).toEqual([]);
  });
});
