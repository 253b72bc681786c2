import { z } from 'zod';
import {
  CHANNELS,
  CONFIDENCES,
  DELIVERY_STATUSES,
  FLAG_REASONS,
  OUTCOMES,
  WEBHOOK_EVENTS,
} from './enums';
import { articleRef, id, paging, personRef, slugRef, timestamp, userRef } from './refs';

export const webhookCreateSchema = z
  .object({
    url: z
      .url({ protocol: /^https?$/, message: 'url is an http:// or https:// address.' })
      .max(2000, 'url is at most 2000 characters.'),
    events: z
      .array(
        z.enum(WEBHOOK_EVENTS, { message: `An event is one of ${WEBHOOK_EVENTS.join(', ')}.` }),
      )
      .min(1, 'Subscribe to at least one event.')
      .transform((e) => [...new Set(e)]),
    /** signs every delivery; generated (and shown once) when not given */
    secret: z
      .string()
      .min(16, 'A secret is at least 16 characters.')
      .max(200, 'A secret is at most 200 characters.')
      .optional(),
  })
  .strict();

export const webhookIdParam = z.object({
  id: z.coerce.number().int().positive('Webhook ids are numbers.'),
});
export const deliveryParams = webhookIdParam.extend({
  deliveryId: z.coerce.number().int().positive('Delivery ids are numbers.'),
});
export const deliveryListQuery = z
  .object({ status: z.enum(DELIVERY_STATUSES).optional(), ...paging(200, 50) })
  .strict();

export const webhookResponse = z.strictObject({
  id,
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  createdAt: timestamp,
  createdBy: userRef.nullable(),
  /** deliveries waiting for their next attempt */
  pending: z.number().int(),
  /** deliveries given up on after 24 hours of retries */
  failed: z.number().int(),
  lastDelivery: z
    .strictObject({
      at: timestamp,
      status: z.enum(DELIVERY_STATUSES),
      responseStatus: z.number().int().nullable(),
    })
    .nullable(),
});

/** The answer to registering one: the only time the secret is shown. */
export const webhookCreatedResponse = webhookResponse.extend({ secret: z.string() });

export const deliveryResponse = z.strictObject({
  id,
  event: z.enum(WEBHOOK_EVENTS),
  /** the same for every delivery of one event (redeliveries too): receivers deduplicate on it */
  eventId: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  createdAt: timestamp,
  lastAttemptAt: timestamp.nullable(),
  nextAttemptAt: timestamp.nullable(),
  responseStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: timestamp.nullable(),
});

/** What each event carries in `data`. */
const contactData = z.strictObject({
  contact: z.strictObject({
    id,
    externalId: z.string().nullable(),
    agent: personRef,
    channel: z.enum(CHANNELS),
    customerRef: z.string().nullable(),
    startedAt: timestamp,
    closedAt: timestamp,
    outcome: z.enum(OUTCOMES),
    article: articleRef.nullable(),
    escalatedTo: slugRef.nullable(),
    reason: z.string().nullable(),
  }),
});
const articleData = z.strictObject({
  article: articleRef.extend({
    department: slugRef,
    confidence: z.enum(CONFIDENCES),
    version: z.number().int(),
  }),
});
export const WEBHOOK_DATA = {
  'contact.closed': contactData,
  'contact.escalated': contactData,
  'request.created': z.strictObject({
    request: z.strictObject({
      id,
      contactId: id,
      department: slugRef,
      reason: z.string(),
      queries: z.array(z.string()),
    }),
  }),
  'article.published': articleData,
  'article.validated': articleData,
  'article.flagged': z.strictObject({
    flag: z.strictObject({
      id,
      article: articleRef,
      /** a reason people give, or `failing` when the product flags it itself */
      reason: z.union([z.enum(FLAG_REASONS), z.literal('failing')]),
      comment: z.string(),
    }),
  }),
} as const;

/** The body of every delivery. */
export const webhookEnvelope = <E extends keyof typeof WEBHOOK_DATA>(event: E) =>
  z.strictObject({
    id: z.string(),
    event: z.literal(event),
    at: timestamp,
    data: WEBHOOK_DATA[event],
  });

export type WebhookCreate = z.infer<typeof webhookCreateSchema>;
export type Webhook = z.infer<typeof webhookResponse>;
export type WebhookDelivery = z.infer<typeof deliveryResponse>;
export type WebhookData<E extends keyof typeof WEBHOOK_DATA> = z.infer<(typeof WEBHOOK_DATA)[E]>;
