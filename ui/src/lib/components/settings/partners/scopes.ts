// The partner scopes in the order the card offers them, and each one's words.
import type { PartnerScope } from "../../../bindings/PartnerScope";
import { t, type MessageKey } from "../../../i18n";

const LABELS: Record<PartnerScope, MessageKey> = {
  "candidates:read": "partners.scope.candidates:read",
  "notes:write": "partners.scope.notes:write",
  "documents:write": "partners.scope.documents:write",
  "custom_fields:write": "partners.scope.custom_fields:write",
  "workflow:write": "partners.scope.workflow:write",
};

export const SCOPES = Object.keys(LABELS) as PartnerScope[];

export const scopeLabel = (scope: PartnerScope) => t(LABELS[scope]);
