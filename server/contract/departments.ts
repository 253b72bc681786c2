import { z } from 'zod';
import { isoDay } from './articles';
import { CONFIDENCES, DEPARTMENT_KINDS } from './enums';
import { id, slugRef, timestamp } from './refs';

export const departmentSlugParam = z.object({ slug: z.string().min(1).max(64) });
/** inclusive UTC days; without them, the last 90 days */
export const impactQuery = z.object({ from: isoDay.optional(), to: isoDay.optional() }).strict();

/** A department's slug: its folder in the content files and its part of URLs. */
export const departmentSlug = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}[a-z0-9]$/, 'Use 2–64 lowercase letters, digits and dashes.');
const departmentName = z.string().trim().min(1).max(100);

export const departmentCreateSchema = z.strictObject({
  slug: departmentSlug,
  name: departmentName,
  kind: z.enum(DEPARTMENT_KINDS),
});

export const departmentUpdateSchema = z
  .strictObject({
    name: departmentName.optional(),
    kind: z.enum(DEPARTMENT_KINDS).optional(),
    archived: z.boolean().optional(),
  })
  .refine((o) => Object.keys(o).length > 0, 'Send at least one of name, kind, archived.');

export const departmentResponse = z.strictObject({
  id,
  slug: z.string(),
  name: z.string(),
  kind: z.enum(DEPARTMENT_KINDS),
  /** archived departments keep their articles and history; they take no new users or escalations */
  archived: z.boolean(),
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
export type DepartmentCreate = z.infer<typeof departmentCreateSchema>;
export type DepartmentUpdate = z.infer<typeof departmentUpdateSchema>;
export type ImpactArticle = z.infer<typeof impactArticleResponse>;
export type ImpactData = z.infer<typeof impactResponse>;
