// The skills taxonomy for the Skills field, read once per window: it is part of the app and
// does not change while it runs.
import { api } from "../../api";
import type { Option } from "./chips";

let terms: Promise<Option[]> | null = null;

export function skillOptions(): Promise<Option[]> {
  terms ??= api.skillTaxonomy().then((list) => list.map((s) => ({ value: s.name, detail: s.category })));
  // A failed read is tried again next time rather than kept.
  terms.catch(() => (terms = null));
  return terms;
}
