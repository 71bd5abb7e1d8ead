// A field of chips (skills, languages, tags): what the box suggests for the text typed so far,
// and a value added once however it is spelled. Pure, tested.

/** A term the box may suggest, with what it belongs to ("Cloud" for Kubernetes), if anything. */
export interface Option {
  value: string;
  detail?: string;
}

/**
 * The options to offer for `typed`, at most `limit`: those starting with it first, then those
 * with a word starting with it, then any containing it, each group in the list's order; the
 * ones already chosen are left out. Nothing typed offers nothing.
 */
export function suggestions(options: Option[], typed: string, chosen: string[], limit = 8): Option[] {
  const text = typed.trim().toLowerCase();
  if (!text) return [];
  const taken = new Set(chosen.map((c) => c.toLowerCase()));
  const rank = (value: string): number => {
    const v = value.toLowerCase();
    if (v.startsWith(text)) return 0;
    if (v.split(/[\s/.-]+/).some((word) => word.startsWith(text))) return 1;
    return v.includes(text) ? 2 : -1;
  };
  return options
    .map((option, at) => ({ option, at, rank: rank(option.value) }))
    .filter((o) => o.rank >= 0 && !taken.has(o.option.value.toLowerCase()))
    .sort((a, b) => a.rank - b.rank || a.at - b.at)
    .slice(0, limit)
    .map((o) => o.option);
}

/**
 * `list` with `value` added (trimmed) at its end, unless it is empty or already there in any
 * spelling; an option's own spelling wins over the typed one ("kubernetes" adds "Kubernetes").
 */
export function withChip(list: string[], value: string, options: Option[] = []): string[] {
  const typed = value.trim();
  if (!typed || list.some((c) => c.toLowerCase() === typed.toLowerCase())) return list;
  const known = options.find((o) => o.value.toLowerCase() === typed.toLowerCase());
  return [...list, known?.value ?? typed];
}
