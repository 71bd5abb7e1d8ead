// Who is signed in and what their role may do, as the domain says once when the session loads
// (AppInfo.capabilities). The window leaves out what the role may not do; the store and the
// server refuse it anyway, with the domain's reason.
import type { AppInfo } from "./bindings/AppInfo";
import type { Capability } from "./bindings/Capability";
import type { User } from "./bindings/User";

class Me {
  user = $state<User | null>(null);
  capabilities = $state<Capability[]>([]);

  /** Whether the signed-in user's role may do this (nothing before the session loads). */
  may = (capability: Capability): boolean => this.capabilities.includes(capability);

  /** The session loaded (or changed hands): its user and what they may do. */
  signedIn(info: AppInfo) {
    this.user = info.user;
    this.capabilities = info.capabilities;
  }
}

export const me = new Me();
