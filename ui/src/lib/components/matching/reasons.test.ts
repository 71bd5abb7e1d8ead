import { describe, expect, it } from "vitest";
import type { JobMatch } from "../../bindings/JobMatch";
import { reasons } from "./reasons";

const base = {
  row: {} as JobMatch["row"],
  fit: 0.8,
  matched_skills: ["Rust", "PostgreSQL"],
  related_skills: ["Go"],
  missing_skills: ["Kubernetes"],
  matched_title: "Backend Engineer",
  experience_months: 75,
  location: "relocates",
  distance_km: null,
  place_by_name: false,
  education: null,
  applications: [{ job_id: "j", job_title: "Platform Engineer", hiring_status: "Offer", withdrawn: false }],
  silver_medalist: true,
  opted_out: false,
} satisfies JobMatch;

describe("why a candidate fits", () => {
  it("names relocation, the matched skills and title, years, the prior application first, related and missing skills last", () => {
    const said = reasons(base).map((r) => r.text);
    expect(said).toEqual([
      "would relocate",
      "Rust, PostgreSQL",
      "Backend Engineer",
      "6 years",
      "silver medalist",
      "applied to Platform Engineer: Offer",
      "related: Go",
      "lacks Kubernetes",
    ]);
  });

  it("says how far someone near is, how far someone willing to move lives, and when the place was only compared by name", () => {
    const place = (m: Partial<JobMatch>) => reasons({ ...base, ...m })[0].text;
    expect(place({ location: "near", distance_km: 27 })).toBe("27 km");
    expect(place({ location: "relocates", distance_km: 1255 })).toBe("would relocate (1,255 km)");
    // Someone who stays 255 km away: said after the years, not before the skills.
    expect(reasons({ ...base, location: "elsewhere", distance_km: 255 }).map((r) => r.text).slice(2, 4)).toEqual(["6 years", "255 km"]);
    expect(place({ location: "here", distance_km: 0 })).toBe("lives there");
    expect(place({ location: "here", place_by_name: true })).toBe("lives there (by name: a place not on the map)");
    // Elsewhere, off the map: nothing to say about the place, the skills come first.
    expect(place({ location: "elsewhere", place_by_name: true })).toBe("Rust, PostgreSQL");
  });

  it("says first, as a warning, that the candidate opted out", () => {
    const first = reasons({ ...base, opted_out: true })[0];
    expect(first).toEqual({ text: "opted out", tone: "warn" });
  });
});
