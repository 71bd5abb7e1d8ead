// Which areas of interest Edit Profile offers: the organisation's list, then any area the
// candidate has that is no longer on it (marked, so that it is kept or unticked knowingly,
// never lost by a save). Pure, tested.

export type Pickable = { area: string; unlisted: boolean };

const key = (s: string) => s.trim().toLowerCase();

export function pickable(listed: string[], had: string[]): Pickable[] {
  const known = new Set(listed.map(key));
  return [
    ...listed.map((area) => ({ area, unlisted: false })),
    ...had.filter((area) => !known.has(key(area))).map((area) => ({ area, unlisted: true })),
  ];
}
