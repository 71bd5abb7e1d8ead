// What a saved search named that no longer exists, in words ("tag "Veteran", its pipeline").
import type { Missing } from "../../bindings/Missing";
import { t } from "../../i18n";

/** The gone filter values in words, or "" when none is gone. */
export function goneWords(missing: Missing): string {
  const words = missing.tags.map((name) => t("saved.gone_tag", { name }));
  if (missing.pipeline) words.push(t("saved.gone_pipeline"));
  if (missing.event) words.push(t("saved.gone_event"));
  if (missing.job) words.push(t("saved.gone_job"));
  if (missing.recruiter) words.push(t("saved.gone_recruiter"));
  return words.join(", ");
}
