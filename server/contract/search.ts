import { z } from 'zod';
import { AUDIENCES, CONFIDENCES } from './enums';
import { id } from './refs';

export const searchQuery = z
  .object({
    q: z.string().max(1000, 'The query is too long.').default(''),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    department: z.string().max(64).optional(),
    product: z.string().max(80).optional(),
    /** records the search in this open contact */
    contactId: z.coerce.number().int().positive().optional(),
  })
  .strict();

/** One result as agents see it: answer first, and why it ranks where it does. */
export const searchHitResponse = z.strictObject({
  id,
  slug: z.string(),
  title: z.string(),
  /** server-escaped HTML containing only <mark> tags */
  titleHtml: z.string(),
  /** server-escaped HTML containing only <mark> tags */
  snippet: z.string(),
  /** plain text: the first sentence of the issue */
  issueLine: z.string(),
  /** plain text: the first (up to 3) resolution steps */
  steps: z.array(z.string()),
  errorCodes: z.array(z.string()),
  products: z.array(z.string()),
  confidence: z.enum(CONFIDENCES),
  audience: z.enum(AUDIENCES),
  department: z.string(),
  departmentName: z.string(),
  stale: z.boolean(),
  /** contacts this article solved in the last 30 days */
  solves30d: z.number().int(),
  /** short reasons for the rank, e.g. "Error code match" */
  why: z.array(z.string()),
  score: z.number(),
  /**
   * share (0–1, 3 decimals) of the query's words, stop words left out, that this hit matched
   * (itself or a prefix completion or typo neighbour of it)
   */
  coverage: z.number().min(0).max(1),
});

const count = z.number().int();

export const searchResponse = z.strictObject({
  query: z.string(),
  total: count,
  tookMs: z.number(),
  hits: z.array(searchHitResponse),
  /** there are hits, but the best covers less than half of the query's words */
  weak: z.boolean(),
  facets: z.strictObject({
    departments: z.array(z.strictObject({ slug: z.string(), name: z.string(), count })),
    products: z.array(z.strictObject({ name: z.string(), count })),
  }),
});

export type SearchOptions = Pick<
  z.infer<typeof searchQuery>,
  'department' | 'product' | 'contactId'
>;
export type SearchHit = z.infer<typeof searchHitResponse>;
export type SearchResult = z.infer<typeof searchResponse>;
export type SearchFacets = SearchResult['facets'];
