// Why a candidate fits a job, as the short phrases a result row shows.
import type { JobMatch } from "../../bindings/JobMatch";
import { t } from "../../i18n";

export interface Reason {
  text: string;
  /** How the phrase is shown: a plus, a minus, or a warning that must not be missed. */
  tone: "good" | "weak" | "warn";
}

export function reasons(m: JobMatch): Reason[] {
  // Most telling first: a row's cell shows what fits before it is cut short (the whole list is
  // its tooltip). Where the candidate is comes before the skills when it speaks for them
  // ("27 km", "would relocate"): it is short, and what a recruiter who set a radius looks for;
  // how far someone who stays elsewhere lives comes after the years.
  const out: Reason[] = [];
  if (m.opted_out) out.push({ text: t("match.opted_out"), tone: "warn" });
  const place = where(m);
  const placeFirst = m.location !== "elsewhere";
  if (place && placeFirst) out.push(place);
  if (m.matched_skills.length) out.push({ text: m.matched_skills.join(", "), tone: "good" });
  if (m.matched_title) out.push({ text: m.matched_title, tone: "good" });
  out.push({ text: t("match.years", { years: Math.floor(m.experience_months / 12) }), tone: "weak" });
  if (place && !placeFirst) out.push(place);
  if (m.silver_medalist) out.push({ text: t("match.silver"), tone: "good" });
  for (const a of m.applications) {
    const status = a.withdrawn ? t("match.withdrew") : a.hiring_status;
    out.push({ text: t("match.applied", { job: a.job_title, status }), tone: a.hiring_status === "Rejected" ? "warn" : "weak" });
  }
  if (m.education) out.push({ text: m.education, tone: "weak" });
  if (m.related_skills.length) out.push({ text: t("match.related", { skills: m.related_skills.join(", ") }), tone: "weak" });
  if (m.missing_skills.length) out.push({ text: t("match.missing", { skills: m.missing_skills.join(", ") }), tone: "weak" });
  return out;
}

/** Where the candidate is from the job: there, so many km, willing to move; and whether that
 * was judged by the places' names (one of them is not in the gazetteer). Nothing to say when
 * the job names no place, or someone elsewhere is not on the map. */
function where(m: JobMatch): Reason | null {
  const km = m.distance_km;
  let said: Reason | null = null;
  if (m.location === "here") said = { text: t("match.here"), tone: "good" };
  else if (m.location === "near" && km !== null) said = { text: t("match.km", { km }), tone: "good" };
  else if (m.location === "relocates") said = { text: km === null ? t("match.relocates") : t("match.relocates_km", { km }), tone: "weak" };
  else if (m.location === "elsewhere" && km !== null) said = { text: t("match.km", { km }), tone: "weak" };
  if (said && m.place_by_name) said.text = t("match.by_name", { reason: said.text });
  return said;
}
