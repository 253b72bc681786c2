import { z } from 'zod';
import { CONFIDENCES } from './enums';
import { paging } from './refs';

/** The article endpoints' parameters and bodies besides create and update (articles.ts). */
export const articleListQuery = z
  .object({
    department: z.string().max(64).optional(),
    confidence: z.enum(CONFIDENCES).optional(),
    product: z.string().max(80).optional(),
    tag: z.string().max(80).optional(),
    ...paging(200, 50),
  })
  .strict();

/** an article's id or slug */
export const articleIdParam = z.object({ id: z.string().min(1).max(120) });

/** the version the user is looking at: a change made on top of another is refused */
const version = z
  .number({ message: 'version (the version you are looking at) is required.' })
  .int()
  .min(1);
const note = z.string().trim().max(500).optional();

export const confidenceChangeSchema = z.object({ to: z.enum(CONFIDENCES), version, note }).strict();
export const verifySchema = z.object({ version, note }).strict();
/** the text of version `from`, saved as a new version on top of `version` */
export const restoreSchema = z.object({ from: z.number().int().min(1), version }).strict();
export const diffQuery = z
  .object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) })
  .strict();

export type ConfidenceChange = z.input<typeof confidenceChangeSchema>;
export type VerifyInput = z.input<typeof verifySchema>;
export type RestoreInput = z.input<typeof restoreSchema>;
