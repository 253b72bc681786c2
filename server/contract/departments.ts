import { z } from 'zod';
import { isoDay } from './articles';
import { CONFIDENCES } from './enums';
import { id, slugRef, timestamp } from './refs';

export const departmentSlugParam = z.object({ slug: z.string().min(1).max(64) });
/** inclusive UTC days; without them, the last 90 days */
export const impactQuery = z.object({ from: isoDay.optional(), to: isoDay.optional() }).strict();

export const departmentResponse = z.strictObject({
  id,
  slug: z.string(),
  name: z.string(),
  kind: z.string(),
});

/** What one article did for callers in a period (a department's impact, the stats' articles). */
export const impactArticleResponse = z.strictObject({
  id,
  slug: z.string(),
  title: z.string(),
  departmentSlug: z.string(),
  confidence: z.enum(CONFIDENCES),
  verifyBy: z.string().nullable(),
  lastVerified: timestamp.nullable(),
  uses: z.number().int(),
  solves: z.number().int(),
  failedTries: z.number().int(),
  escalationsAvoided: z.number().int(),
  openFlags: z.number().int(),
  /** solves / uses; null when unused */
  solveRate: z.number().nullable(),
});

export const impactResponse = z.strictObject({
  department: slugRef,
  /** ISO instants, [from, to) */
  period: z.strictObject({ from: timestamp, to: timestamp }),
  articles: z.array(impactArticleResponse),
});

export type Department = z.infer<typeof departmentResponse>;
export type ImpactArticle = z.infer<typeof impactArticleResponse>;
export type ImpactData = z.infer<typeof impactResponse>;
