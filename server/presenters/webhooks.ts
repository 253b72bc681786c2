import type { Webhook, WebhookDelivery } from '../contract/webhooks';
import type { DeliveryRow, WebhookRow } from '../stores/webhooks';

export const presentWebhook = (w: WebhookRow): Webhook => ({
  id: w.id,
  url: w.url,
  events: w.events,
  createdAt: w.createdAt,
  createdBy: w.createdById === null ? null : { id: w.createdById, name: w.createdByName },
  pending: w.pending,
  failed: w.failed,
  lastDelivery:
    w.lastAt === null
      ? null
      : { at: w.lastAt, status: w.lastStatus!, responseStatus: w.lastResponseStatus },
});

export const presentDelivery = (d: DeliveryRow): WebhookDelivery => ({
  id: d.id,
  event: d.event,
  eventId: d.eventId,
  status: d.status,
  attempts: d.attempts,
  createdAt: d.createdAt,
  lastAttemptAt: d.lastAttemptAt,
  nextAttemptAt: d.nextAttemptAt,
  responseStatus: d.responseStatus,
  lastError: d.lastError,
  deliveredAt: d.deliveredAt,
});
