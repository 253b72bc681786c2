import crypto from 'node:crypto';
import type { DeliveryStatus } from '../../contract/enums';
import type { WebhookCreate } from '../../contract/webhooks';
import type { Database } from '../../db/connection';
import type { Actor } from '../../domain/roles';
import { badRequest, notFound } from '../../errors';
import { insertAudit } from '../../stores/audit';
import * as hooks from '../../stores/webhooks';
import { RETRY_FOR_MS } from './events';
import { checkHost, RefusedAddressError } from './send';

/**
 * The address must be one the server may call: not its own machine, not the internal network
 * (unless WEBHOOK_ALLOW_PRIVATE), never link-local. Checked here and again on every delivery.
 */
async function allowedUrl(url: string, allowPrivate: boolean): Promise<void> {
  const { hostname, username, password } = new URL(url);
  if (username || password)
    throw badRequest(
      'webhook_url_refused',
      'Put no user name or password in the address: deliveries are signed with the secret instead.',
      'url',
    );
  try {
    await checkHost(hostname, allowPrivate);
  } catch (err) {
    const why = err instanceof RefusedAddressError ? err.message : `${hostname} does not resolve`;
    throw badRequest('webhook_url_refused', `This address cannot receive webhooks: ${why}.`, 'url');
  }
}

/** Registers an endpoint; its secret (given or generated) is returned this once. */
export async function registerWebhook(
  db: Database,
  actor: Actor,
  input: WebhookCreate,
  allowPrivate: boolean,
) {
  await allowedUrl(input.url, allowPrivate);
  const secret = input.secret ?? `whsec_${crypto.randomBytes(32).toString('base64url')}`;
  const id = await db.transaction(async (tx) => {
    const id = await hooks.insertWebhook(tx, {
      url: input.url,
      events: input.events,
      secret,
      createdBy: actor.id,
      at: new Date().toISOString(),
    });
    await insertAudit(tx, {
      actorId: actor.id,
      action: 'webhook.created',
      entity: 'webhook',
      entityId: id,
      detail: { url: input.url, events: input.events },
    });
    return id;
  });
  return { row: (await hooks.findWebhook(db, id))!, secret };
}

export const listWebhooks = (db: Database) => hooks.listWebhooks(db.reads);

async function existing(db: Database, id: number) {
  const hook = await hooks.findWebhook(db.reads, id);
  if (!hook) throw notFound('Webhook');
  return hook;
}

export async function removeWebhook(db: Database, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const hook = await hooks.findWebhook(tx, id);
    if (!hook) throw notFound('Webhook');
    await hooks.deleteWebhook(tx, id, new Date().toISOString());
    await insertAudit(tx, {
      actorId: actor.id,
      action: 'webhook.deleted',
      entity: 'webhook',
      entityId: id,
      detail: { url: hook.url },
    });
  });
}

export async function listDeliveries(
  db: Database,
  id: number,
  f: { status?: DeliveryStatus; limit: number; offset: number },
) {
  await existing(db, id);
  return hooks.listDeliveries(db.reads, { webhookId: id, ...f });
}

/** Sends an event again (a new delivery, same event id and body), due now. */
export async function redeliver(db: Database, actor: Actor, id: number, deliveryId: number) {
  await existing(db, id);
  const delivery = await hooks.findDelivery(db, id, deliveryId);
  if (!delivery) throw notFound('Delivery');
  const now = new Date();
  const copy = await db.transaction(async (tx) => {
    const copy = await hooks.copyDelivery(
      tx,
      delivery,
      now.toISOString(),
      new Date(now.getTime() + RETRY_FOR_MS).toISOString(),
    );
    await insertAudit(tx, {
      actorId: actor.id,
      action: 'webhook.redelivered',
      entity: 'webhook',
      entityId: id,
      detail: { deliveryId, event: delivery.event, eventId: delivery.eventId },
    });
    return copy;
  });
  return (await hooks.findDelivery(db, id, copy))!;
}
