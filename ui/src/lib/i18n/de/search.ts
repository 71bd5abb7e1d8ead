// German: The Candidates page — the search, its filters, the results, one resume at a time,
// the preview, a bulk action's question, and the keyboard's cheat sheet.
import type { Translation } from "..";
import type { search as english } from "../en/search";

export const search: Translation<typeof english> = {};
