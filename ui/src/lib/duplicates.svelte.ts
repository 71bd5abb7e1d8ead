// Who may already be the person a form is describing, followed as it is typed: asked a moment
// after the last key, once there is a name (first and last), an email or a phone to go on.
import { api } from "./api";
import type { CandidateRow } from "./bindings/CandidateRow";
import type { Profile } from "./bindings/Profile";

/** In a component: calls `found` with the possible duplicates of `profile()` as it changes. */
export function followDuplicates(profile: () => Profile | null, found: (rows: CandidateRow[]) => void, failed: (e: unknown) => void) {
  $effect(() => {
    const p = profile();
    const enough = p && ((p.first_name.trim() && p.last_name.trim()) || p.email?.trim() || p.phone?.trim());
    if (!p || !enough) return;
    const timer = setTimeout(() => api.possibleDuplicates(p).then(found, failed), 250);
    return () => clearTimeout(timer);
  });
}
