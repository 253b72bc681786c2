import { z } from 'zod';
import { FLAG_REASONS } from './enums';
import { articleRef, id, personRef, slugRef, timestamp, userRef } from './refs';

export const queueParam = z.object({ department: z.string().min(1).max(64) });
export const queueItemParam = z.object({
  kind: z.enum(['flags', 'requests']),
  id: z.coerce.number().int().positive(),
});
export const resolveSchema = z
  .object({
    note: z
      .string()
      .trim()
      .min(1, 'Say how it was resolved.')
      .max(1000, 'Note is at most 1000 characters.'),
  })
  .strict();

const status = z.enum(['open', 'resolved']);

/** Agents' flags, plus `failing`: raised by the system when a validated article keeps failing. */
export const QUEUE_FLAG_REASONS = [...FLAG_REASONS, 'failing'] as const;

/** A flag as the queue lists it: agents' flags and the system's `failing` flags. */
export const queueFlagResponse = z.strictObject({
  id,
  article: articleRef,
  reason: z.enum(QUEUE_FLAG_REASONS),
  comment: z.string(),
  status,
  /** null for flags the system raised */
  flaggedBy: userRef.nullable(),
  contactId: id.nullable(),
  createdAt: timestamp,
});

/** The answer to an agent's flag (POST /api/articles/:id/flags). */
export const flagResponse = queueFlagResponse.extend({ reason: z.enum(FLAG_REASONS) });

export const articleRequestResponse = z.strictObject({
  id,
  contactId: id,
  queries: z.array(z.string()),
  reason: z.string(),
  status,
  requestedBy: personRef,
  createdAt: timestamp,
});

/** "Needs an article" requests about the same thing (same first search), with how many asked. */
export const requestGroupResponse = z.strictObject({
  /** the normalized query callers started with */
  key: z.string(),
  queries: z.array(z.string()),
  contacts: z.number().int(),
  requestIds: z.array(id),
  firstAt: timestamp,
  lastAt: timestamp,
});

export const queueArticleResponse = z.strictObject({
  id,
  slug: z.string(),
  title: z.string(),
  verifyBy: z.string().nullable(),
  /** failing articles: "tried, didn't solve" marks in the last 30 days */
  tries: z.number().int().optional(),
});

export const queueResponse = z.strictObject({
  department: slugRef,
  flags: z.array(queueFlagResponse),
  requests: z.array(articleRequestResponse),
  requestGroups: z.array(requestGroupResponse),
  stale: z.array(queueArticleResponse),
  failing: z.array(queueArticleResponse),
});

export type QueueFlagReason = (typeof QUEUE_FLAG_REASONS)[number];
export type Flag = z.infer<typeof flagResponse>;
export type QueueFlag = z.infer<typeof queueFlagResponse>;
export type ArticleRequest = z.infer<typeof articleRequestResponse>;
export type RequestGroup = z.infer<typeof requestGroupResponse>;
export type QueueArticle = z.infer<typeof queueArticleResponse>;
export type QueueData = z.infer<typeof queueResponse>;
