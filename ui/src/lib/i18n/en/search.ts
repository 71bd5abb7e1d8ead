// English: The Candidates page — the search, its filters, the results, one resume at a time,
// the preview, a bulk action's question, and the keyboard's cheat sheet.
export const search = {} as const;
