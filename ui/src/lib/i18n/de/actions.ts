// German: Actions on candidates (menus, bulk bar, their dialogs) and how long runs end.
import type { Translation } from "..";
import type { actions as english } from "../en/actions";

export const actions: Translation<typeof english> = {};
