import type { Queryable } from '../db/connection';
import type { DeliveryStatus, WebhookEvent } from '../contract/enums';

export interface WebhookRow {
  id: number;
  url: string;
  events: WebhookEvent[];
  secret: string;
  createdAt: string;
  createdById: number | null;
  createdByName: string | null;
  pending: number;
  failed: number;
  lastAt: string | null;
  lastStatus: DeliveryStatus | null;
  lastResponseStatus: number | null;
}

type Raw<T> = Omit<T, 'events'> & { events: string };
const withEvents = <T extends { events: WebhookEvent[] }>(r: Raw<T>): T =>
  ({ ...r, events: r.events.split(' ') as WebhookEvent[] }) as unknown as T;

const SELECT = `SELECT w.id, w.url, w.events, w.secret, w.created_at AS createdAt,
  w.created_by AS createdById, u.name AS createdByName,
  (SELECT count(*) FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.status = 'pending') AS pending,
  (SELECT count(*) FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.status = 'failed') AS failed,
  l.last_attempt_at AS lastAt, l.status AS lastStatus, l.response_status AS lastResponseStatus
  FROM webhooks w
  LEFT JOIN users u ON u.id = w.created_by
  LEFT JOIN webhook_deliveries l ON l.id = (SELECT max(d.id) FROM webhook_deliveries d
    WHERE d.webhook_id = w.id AND d.last_attempt_at IS NOT NULL)
  WHERE w.deleted_at IS NULL`;

export async function insertWebhook(
  db: Queryable,
  w: {
    url: string;
    events: readonly WebhookEvent[];
    secret: string;
    createdBy: number | null;
    at: string;
  },
): Promise<number> {
  const { lastID } = await db.run(
    'INSERT INTO webhooks (url, events, secret, created_by, created_at) VALUES (?, ?, ?, ?, ?)',
    [w.url, w.events.join(' '), w.secret, w.createdBy, w.at],
  );
  return lastID;
}

export async function findWebhook(db: Queryable, id: number): Promise<WebhookRow | undefined> {
  const r = await db.get<Raw<WebhookRow>>(`${SELECT} AND w.id = ?`, [id]);
  return r && withEvents<WebhookRow>(r);
}

export async function listWebhooks(db: Queryable): Promise<WebhookRow[]> {
  const rows = await db.all<Raw<WebhookRow>>(`${SELECT} ORDER BY w.id`);
  return rows.map((r) => withEvents<WebhookRow>(r));
}

/** Removed: its waiting deliveries are dropped with it (their history stays). */
export async function deleteWebhook(db: Queryable, id: number, at: string): Promise<boolean> {
  const { changes } = await db.run(
    'UPDATE webhooks SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL',
    [at, id],
  );
  await db.run(
    `UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL,
       last_error = 'the webhook was removed' WHERE webhook_id = ? AND status = 'pending'`,
    [id],
  );
  return changes === 1;
}

/** Queues one delivery of the event for every live webhook subscribed to it. */
export async function enqueueDeliveries(
  db: Queryable,
  e: { event: WebhookEvent; eventId: string; payload: string; at: string; giveUpAt: string },
): Promise<number> {
  const { changes } = await db.run(
    `INSERT INTO webhook_deliveries (webhook_id, event, event_id, payload, status, created_at,
       next_attempt_at, give_up_at)
     SELECT w.id, ?1, ?2, ?3, 'pending', ?4, ?4, ?5 FROM webhooks w
     WHERE w.deleted_at IS NULL AND (' ' || w.events || ' ') LIKE '% ' || ?1 || ' %'`,
    [e.event, e.eventId, e.payload, e.at, e.giveUpAt],
  );
  return changes;
}

export interface DeliveryRow {
  id: number;
  webhookId: number;
  event: WebhookEvent;
  eventId: string;
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  createdAt: string;
  nextAttemptAt: string | null;
  giveUpAt: string;
  lastAttemptAt: string | null;
  responseStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
}

const DELIVERY = `SELECT id, webhook_id AS webhookId, event, event_id AS eventId, payload, status,
  attempts, created_at AS createdAt, next_attempt_at AS nextAttemptAt, give_up_at AS giveUpAt,
  last_attempt_at AS lastAttemptAt, response_status AS responseStatus, last_error AS lastError,
  delivered_at AS deliveredAt FROM webhook_deliveries`;

export const findDelivery = (db: Queryable, webhookId: number, id: number) =>
  db.get<DeliveryRow>(`${DELIVERY} WHERE webhook_id = ? AND id = ?`, [webhookId, id]);

export async function listDeliveries(
  db: Queryable,
  f: { webhookId: number; status?: DeliveryStatus; limit: number; offset: number },
) {
  const where = f.status ? 'WHERE webhook_id = ? AND status = ?' : 'WHERE webhook_id = ?';
  const params = f.status ? [f.webhookId, f.status] : [f.webhookId];
  const rows = await db.all<DeliveryRow>(`${DELIVERY} ${where} ORDER BY id DESC LIMIT ? OFFSET ?`, [
    ...params,
    f.limit,
    f.offset,
  ]);
  const total = (await db.get<{ n: number }>(
    `SELECT count(*) AS n FROM webhook_deliveries ${where}`,
    params,
  ))!.n;
  return { rows, total };
}

/** A new delivery of an old event (same event id and body), due now. */
export async function copyDelivery(db: Queryable, d: DeliveryRow, at: string, giveUpAt: string) {
  const { lastID } = await db.run(
    `INSERT INTO webhook_deliveries (webhook_id, event, event_id, payload, status, created_at,
       next_attempt_at, give_up_at) VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)`,
    [d.webhookId, d.event, d.eventId, d.payload, at, at, giveUpAt],
  );
  return lastID;
}

export interface ClaimedDelivery extends DeliveryRow {
  url: string;
  secret: string;
}

/**
 * Takes up to `limit` due deliveries for `leaseMs`: one statement, so two nodes never claim
 * the same one; a node that dies mid-send lets its lease run out and another sends it again.
 */
export async function claimDue(db: Queryable, now: string, leaseUntil: string, limit: number) {
  const ids = await db.all<{ id: number }>(
    `UPDATE webhook_deliveries SET locked_until = ?2
     WHERE id IN (SELECT id FROM webhook_deliveries
       WHERE status = 'pending' AND next_attempt_at <= ?1
         AND (locked_until IS NULL OR locked_until <= ?1)
       ORDER BY next_attempt_at LIMIT ?3)
     RETURNING id`,
    [now, leaseUntil, limit],
  );
  if (ids.length === 0) return [];
  return db.all<ClaimedDelivery>(
    `SELECT d.id, d.webhook_id AS webhookId, d.event, d.event_id AS eventId, d.payload, d.status,
       d.attempts, d.created_at AS createdAt, d.next_attempt_at AS nextAttemptAt,
       d.give_up_at AS giveUpAt, d.last_attempt_at AS lastAttemptAt,
       d.response_status AS responseStatus, d.last_error AS lastError,
       d.delivered_at AS deliveredAt, w.url, w.secret
     FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
     WHERE d.id IN (${ids.map(() => '?').join(',')}) ORDER BY d.id`,
    ids.map((r) => r.id),
  );
}

/** The outcome of one attempt: delivered, retried at `nextAttemptAt`, or given up (`failed`). */
export const recordAttempt = (
  db: Queryable,
  id: number,
  a: {
    status: DeliveryStatus;
    at: string;
    nextAttemptAt: string | null;
    responseStatus: number | null;
    error: string | null;
  },
) =>
  db.run(
    `UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, last_attempt_at = ?,
       next_attempt_at = ?, response_status = ?, last_error = ?, locked_until = NULL,
       delivered_at = CASE WHEN ? = 'delivered' THEN ? ELSE delivered_at END
     WHERE id = ?`,
    [a.status, a.at, a.nextAttemptAt, a.responseStatus, a.error, a.status, a.at, id],
  );

/** For the metrics: deliveries waiting, and those given up on. */
export const deliveryCounts = (db: Queryable) =>
  db.get<{ pending: number; failed: number }>(
    `SELECT coalesce(sum(status = 'pending'), 0) AS pending, coalesce(sum(status = 'failed'), 0) AS failed
     FROM webhook_deliveries`,
  ) as Promise<{ pending: number; failed: number }>;
