// What the Insights charts say in words: each facet's name, a value as shown (countries by
// name, statuses and sources in the window's language), and a chart value used as a search
// filter, as a chip. Pure, tested.
import type { ActivityStatus } from "../../bindings/ActivityStatus";
import type { Facet } from "../../bindings/Facet";
import type { FacetFilter } from "../../bindings/FacetFilter";
import type { ProfileType } from "../../bindings/ProfileType";
import type { SearchFilters } from "../../bindings/SearchFilters";
import { activityLabels, countryName, labels } from "../../format";
import { t } from "../../i18n";
import { profileTypeLabels } from "../../profile";

export const facetLabels: Record<Facet, string> = labels({
  country: "insights.facet.country",
  city: "insights.facet.city",
  company: "insights.facet.company",
  title: "insights.facet.title",
  skill: "insights.facet.skill",
  interest: "insights.facet.interest",
  school: "insights.facet.school",
  degree: "insights.facet.degree",
  major: "insights.facet.major",
  activity: "insights.facet.activity",
  source: "insights.facet.source",
  years: "insights.facet.years",
});

/** A facet's value as shown; "" is a value not known. */
export function valueLabel(facet: Facet, value: string, label = value): string {
  if (value === "") return t("insights.unknown");
  if (facet === "country") return countryName(label);
  if (facet === "activity") return activityLabels[value as ActivityStatus] ?? label;
  if (facet === "source") return profileTypeLabels[value as ProfileType] ?? label;
  if (facet === "years") return t("insights.years", { range: value.endsWith("-") ? `${value.slice(0, -1)}+` : value.replace("-", "–") });
  return label;
}

/** Two filters name the same value of the same facet (values compare as the store does). */
function same(a: FacetFilter, b: FacetFilter): boolean {
  return a.facet === b.facet && a.value.trim().toLowerCase() === b.value.trim().toLowerCase();
}

/** The filters with `pick` added: a value picked again changes from shown to left out (or back). */
export function withFacet(f: SearchFilters, pick: FacetFilter): SearchFilters {
  return { ...f, facets: [...f.facets.filter((x) => !same(x, pick)), pick] };
}

/** A chart value in use as a filter, as a chip's words. */
export function facetChip(filter: FacetFilter): string {
  const values = { facet: facetLabels[filter.facet], value: valueLabel(filter.facet, filter.value) };
  return filter.exclude ? t("insights.chip_not", values) : t("insights.chip", values);
}
