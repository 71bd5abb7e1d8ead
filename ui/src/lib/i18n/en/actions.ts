// English: Actions on candidates (menus, bulk bar, their dialogs) and how long runs end.
export const actions = {} as const;
