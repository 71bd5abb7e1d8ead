// Who is signed in, for the parts of the window that differ by role (admin-only entries are
// left out for recruiters; the store refuses them anyway).
import type { User } from "./bindings/User";

class Me {
  user = $state<User | null>(null);
  admin = $derived(this.user?.role === "recruiter_admin");
}

export const me = new Me();
