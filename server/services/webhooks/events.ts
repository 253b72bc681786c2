import crypto from 'node:crypto';
import type { WebhookEvent } from '../../contract/enums';
import type { WebhookData } from '../../contract/webhooks';
import type { Queryable } from '../../db/connection';
import type { ArticleRow } from '../../stores/articles';
import type { ContactRow } from '../../stores/contacts';
import { enqueueDeliveries } from '../../stores/webhooks';

/** Deliveries are retried for this long, then given up (and shown as failed). */
export const RETRY_FOR_MS = 24 * 3_600_000;

/**
 * Queues `event` for every webhook subscribed to it, inside the caller's transaction: what
 * happened and the news of it are committed together, or neither is.
 */
export async function emitEvent<E extends WebhookEvent>(
  tx: Queryable,
  event: E,
  data: WebhookData<E>,
) {
  const now = new Date();
  const at = now.toISOString();
  const eventId = crypto.randomUUID();
  await enqueueDeliveries(tx, {
    event,
    eventId,
    payload: JSON.stringify({ id: eventId, event, at, data }),
    at,
    giveUpAt: new Date(now.getTime() + RETRY_FOR_MS).toISOString(),
  });
}

/** A closed contact as other systems read it. */
export const contactData = (c: ContactRow): WebhookData<'contact.closed'> => ({
  contact: {
    id: c.id,
    externalId: c.externalId,
    agent: { id: c.agentId, name: c.agentName },
    channel: c.channel,
    customerRef: c.customerRef,
    startedAt: c.startedAt,
    closedAt: c.closedAt!,
    outcome: c.outcome!,
    article:
      c.articleId === null
        ? null
        : { id: c.articleId, slug: c.articleSlug!, title: c.articleTitle! },
    escalatedTo:
      c.escalatedToSlug === null ? null : { slug: c.escalatedToSlug, name: c.escalatedToName! },
    reason: c.reason,
  },
});

export const articleData = (a: ArticleRow): WebhookData<'article.published'> => ({
  article: {
    id: a.id,
    slug: a.slug,
    title: a.title,
    department: { slug: a.departmentSlug, name: a.departmentName },
    confidence: a.confidence,
    version: a.version,
  },
});
