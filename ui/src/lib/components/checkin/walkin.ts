// A walk-in as the short form holds it, what it must have before it is saved, and the profile
// it becomes (on its own, or over what a dropped resume said).
import type { Profile } from "../../bindings/Profile";
import { t } from "../../i18n";

export type Affiliation = "school" | "employer";

export interface WalkInDraft {
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  /** The school or the employer, as `affiliation_kind` says. */
  affiliation: string;
  affiliation_kind: Affiliation;
  interests: string[];
  consent: boolean;
}

export function emptyDraft(): WalkInDraft {
  return {
    first_name: "",
    last_name: "",
    email: "",
    phone: "",
    affiliation: "",
    affiliation_kind: "school",
    interests: [],
    consent: false,
  };
}

export function emptyProfile(): Profile {
  return {
    first_name: "",
    last_name: "",
    email: null,
    phone: null,
    location: { city: "", region: "", country: "" },
    current_title: "",
    current_employer: "",
    employment: [],
    education: [],
    skills: [],
    links: [],
    willing_to_relocate: null,
    desired_level: null,
    employment_type: null,
    languages: [],
    certifications: [],
    interests: [],
    preferred_communication: null,
    custom_fields: {},
  };
}

export type Problems = Partial<Record<"first_name" | "last_name" | "email" | "contact", string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What keeps the walk-in from being saved, by field; empty when it may be. */
export function problems(d: WalkInDraft, hasResume: boolean): Problems {
  const found: Problems = {};
  if (!d.first_name.trim()) found.first_name = t("walk_in.first_needed");
  if (!d.last_name.trim()) found.last_name = t("walk_in.last_needed");
  if (d.email.trim() && !EMAIL.test(d.email.trim())) found.email = t("walk_in.not_email");
  if (!d.email.trim() && !d.phone.trim() && !hasResume) found.contact = t("walk_in.contact_needed");
  return found;
}

/** A walk-in without an email is saved marked for follow-up. */
export function needsFollowUp(d: WalkInDraft): boolean {
  return d.email.trim() === "";
}

/** The profile to save: what the resume said (if one was read) with the form's fields over it. */
export function profileOf(d: WalkInDraft, read: Profile | null): Profile {
  const p = structuredClone(read ?? emptyProfile());
  p.first_name = d.first_name.trim();
  p.last_name = d.last_name.trim();
  p.email = d.email.trim() || null;
  p.phone = d.phone.trim() || null;
  const place = d.affiliation.trim();
  if (place && d.affiliation_kind === "employer") {
    p.current_employer = place;
  } else if (place && !p.education.some((e) => e.school.toLowerCase() === place.toLowerCase())) {
    p.education = [{ school: place, degree: "", major: "", start: null, end: null }, ...p.education];
  }
  return p;
}

/** The form filled from a read resume: each field the resume has replaces what was there. */
export function draftFromResume(d: WalkInDraft, p: Profile): WalkInDraft {
  const school = p.education[0]?.school ?? "";
  const [affiliation, affiliation_kind]: [string, Affiliation] = p.current_employer
    ? [p.current_employer, "employer"]
    : school
      ? [school, "school"]
      : [d.affiliation, d.affiliation_kind];
  return {
    ...d,
    first_name: p.first_name || d.first_name,
    last_name: p.last_name || d.last_name,
    email: p.email || d.email,
    phone: p.phone || d.phone,
    affiliation,
    affiliation_kind,
  };
}
