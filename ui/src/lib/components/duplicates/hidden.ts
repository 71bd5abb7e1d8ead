// "Not duplicates": the groups an admin said are different people, kept in this window's
// storage. Local to this computer: teammates and other computers still see the group.
const KEY = "talentdesk.not-duplicates";

/** A group by its members, whatever order they come in. */
export function groupKey(ids: string[]): string {
  return [...ids].sort().join(" ");
}

/** The groups said to be no duplicates, each as its member ids. */
export function hiddenGroups(): string[][] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? "[]");
    return Array.isArray(stored) ? stored.filter((k): k is string => typeof k === "string").map((k) => k.split(" ")) : [];
  } catch {
    return [];
  }
}

function store(keys: Set<string>) {
  localStorage.setItem(KEY, JSON.stringify([...keys]));
}

export function hideGroup(ids: string[]) {
  store(new Set([...hiddenGroups().map(groupKey), groupKey(ids)]));
}

/** Takes back one group's "Not duplicates": it is listed again. */
export function unhideGroup(ids: string[]) {
  const keys = new Set(hiddenGroups().map(groupKey));
  keys.delete(groupKey(ids));
  store(keys);
}
