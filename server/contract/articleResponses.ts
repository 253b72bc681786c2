import { z } from 'zod';
import { AUDIENCES, CONFIDENCES, VERSION_KINDS } from './enums';
import { departmentRef, id, timestamp, userRef } from './refs';

/** The full article. Internal fields (the cause) only for those who see them. */
export const articleResponse = z.strictObject({
  id,
  slug: z.string(),
  title: z.string(),
  issue: z.string(),
  issueHtml: z.string(),
  environment: z.string(),
  environmentHtml: z.string(),
  resolution: z.string(),
  resolutionHtml: z.string(),
  cause: z.string().optional(),
  causeHtml: z.string().optional(),
  errorCodes: z.array(z.string()),
  products: z.array(z.string()),
  tags: z.array(z.string()),
  department: departmentRef,
  owner: userRef.nullable(),
  audience: z.enum(AUDIENCES),
  confidence: z.enum(CONFIDENCES),
  verifyBy: z.string().nullable(),
  /** days between verifications; null uses the global setting */
  verifyIntervalDays: z.number().int().nullable(),
  verifiedAt: timestamp.nullable(),
  /** the verifier's name */
  verifiedBy: z.string().nullable(),
  stale: z.boolean(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  updatedBy: userRef.nullable(),
});

/** One line of a list: enough to choose, not the whole article. */
export const articleSummaryResponse = articleResponse.pick({
  id: true,
  slug: true,
  title: true,
  department: true,
  audience: true,
  confidence: true,
  errorCodes: true,
  products: true,
  tags: true,
  verifyBy: true,
  stale: true,
  version: true,
  updatedAt: true,
});

export const versionResponse = z.strictObject({
  version: z.number().int(),
  kind: z.enum(VERSION_KINDS),
  /** for kind `restore`: the version whose text came back */
  restoredFrom: z.number().int().nullable(),
  /** null for imports and the system's own changes */
  author: userRef.nullable(),
  note: z.string(),
  confidence: z.enum(CONFIDENCES),
  createdAt: timestamp,
});

/** An article's timeline, newest first: its versions and what the system did to it. */
export const historyEntryResponse = z.discriminatedUnion('type', [
  versionResponse.extend({ type: z.literal('version'), at: timestamp }),
  z.strictObject({
    type: z.literal('event'),
    at: timestamp,
    action: z.string(),
    actor: userRef.nullable(),
    detail: z.record(z.string(), z.unknown()),
  }),
]);

/** The fields a diff compares, in the order it lists them. */
export const DIFF_FIELDS = [
  'title',
  'issue',
  'environment',
  'resolution',
  'cause',
  'errorCodes',
  'products',
  'tags',
  'audience',
  'confidence',
  'verifyBy',
] as const;

/** One piece of a word-level diff: unchanged text, or text added or removed. */
export const diffPartResponse = z.strictObject({
  value: z.string(),
  added: z.boolean().optional(),
  removed: z.boolean().optional(),
});

export const diffResponse = z.strictObject({
  from: z.number().int(),
  to: z.number().int(),
  /** only the fields that changed */
  fields: z.array(z.strictObject({ field: z.enum(DIFF_FIELDS), parts: z.array(diffPartResponse) })),
});

export type Article = z.infer<typeof articleResponse>;
export type ArticleSummary = z.infer<typeof articleSummaryResponse>;
export type ArticleVersion = z.infer<typeof versionResponse>;
export type HistoryEntry = z.infer<typeof historyEntryResponse>;
export type DiffField = (typeof DIFF_FIELDS)[number];
export type DiffPart = z.infer<typeof diffPartResponse>;
export type ArticleDiff = z.infer<typeof diffResponse>;
