import { z } from 'zod';
import {
  ARTICLE_FIELDS,
  htmlName,
  type DiffedFieldName,
  type PresentedContent,
} from './articleFields';
import { AUDIENCES, CONFIDENCES, VERSION_KINDS } from './enums';
import { departmentRef, id, timestamp, userRef } from './refs';

/** A schema per presented content key; internal fields (the cause) are optional. */
type ContentShape = {
  [K in keyof PresentedContent]-?: undefined extends PresentedContent[K]
    ? z.ZodOptional<z.ZodType<Exclude<PresentedContent[K], undefined>>>
    : z.ZodType<PresentedContent[K]>;
};
/** The content fields from the field catalogue: sources, and the HTML of Markdown ones. */
const content = Object.fromEntries(
  ARTICLE_FIELDS.flatMap((f): [string, z.ZodType][] => {
    const value = f.kind === 'list' ? z.array(z.string()) : z.string();
    const shown = f.internal ? value.optional() : value;
    return f.kind === 'markdown'
      ? [
          [f.name, shown],
          [htmlName(f.name), shown],
        ]
      : [[f.name, shown]];
  }),
) as unknown as ContentShape;

/** The full article. Internal fields (the cause) only for those who see them. */
export const articleResponse = z.strictObject({
  id,
  slug: z.string(),
  ...content,
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
export type DiffField = DiffedFieldName | 'audience' | 'confidence' | 'verifyBy';
export const DIFF_FIELDS = [
  ...ARTICLE_FIELDS.filter((f) => f.diffed).map((f): DiffField => f.name),
  'audience',
  'confidence',
  'verifyBy',
] as const satisfies readonly DiffField[];

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
export type DiffPart = z.infer<typeof diffPartResponse>;
export type ArticleDiff = z.infer<typeof diffResponse>;
