import { z } from 'zod';

/**
 * The small shapes responses share. Timestamps are ISO strings as the database keeps them; ids
 * are numbers.
 */
export const id = z.number().int().positive();
export const timestamp = z.string();

export const personRef = z.strictObject({ id, name: z.string() });
/** a user joined from a nullable column: the name comes with the id */
export const userRef = z.strictObject({ id, name: z.string().nullable() });
export const departmentRef = z.strictObject({ id, slug: z.string(), name: z.string() });
export const slugRef = z.strictObject({ slug: z.string(), name: z.string() });
export const articleRef = z.strictObject({ id, slug: z.string(), title: z.string() });

/** `meta` of a paged list. */
export const pageMeta = z.strictObject({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

/** Every list query: a page of at most `max` rows. */
export const paging = (max: number, limit: number) => ({
  limit: z.coerce.number().int().min(1).max(max).default(limit),
  offset: z.coerce.number().int().min(0).default(0),
});

export type PersonRef = z.infer<typeof personRef>;
export type DepartmentRef = z.infer<typeof departmentRef>;
export type SlugRef = z.infer<typeof slugRef>;
export type ArticleRef = z.infer<typeof articleRef>;
export type PageMeta = z.infer<typeof pageMeta>;
