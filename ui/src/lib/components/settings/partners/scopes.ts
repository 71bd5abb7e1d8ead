// The partner scopes in the order the card offers them, and each one's words.
import type { PartnerScope } from "../../../bindings/PartnerScope";
import { t } from "../../../i18n";

export const SCOPES: PartnerScope[] = [
  "candidates:read",
  "notes:write",
  "documents:write",
  "custom_fields:write",
  "workflow:write",
];

export const scopeLabel = (scope: PartnerScope) => t(`partners.scope.${scope}`);
