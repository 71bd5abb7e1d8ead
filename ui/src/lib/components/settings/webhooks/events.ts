// The webhook events in the order the card offers them, and each one's words; the words of
// a delivery's status.
import type { DeliveryStatus } from "../../../bindings/DeliveryStatus";
import type { WebhookEvent } from "../../../bindings/WebhookEvent";
import { type MessageKey, t } from "../../../i18n";

const eventKeys: Record<WebhookEvent, MessageKey> = {
  "candidate.created": "webhooks.event.candidate.created",
  "candidate.updated": "webhooks.event.candidate.updated",
  "candidate.deleted": "webhooks.event.candidate.deleted",
  "pipeline.status_changed": "webhooks.event.pipeline.status_changed",
  "application.status_changed": "webhooks.event.application.status_changed",
  "candidate.hired": "webhooks.event.candidate.hired",
  "event.checked_in": "webhooks.event.event.checked_in",
  "note.added": "webhooks.event.note.added",
};

const statusKeys: Record<DeliveryStatus, MessageKey> = {
  pending: "webhooks.log.status.pending",
  delivered: "webhooks.log.status.delivered",
  failed: "webhooks.log.status.failed",
  cancelled: "webhooks.log.status.cancelled",
};

export const EVENTS = Object.keys(eventKeys) as WebhookEvent[];

export const eventLabel = (event: WebhookEvent) => t(eventKeys[event]);

export const statusLabel = (status: DeliveryStatus) => t(statusKeys[status]);
