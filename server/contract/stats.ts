import { z } from 'zod';
import { isoDay } from './articles';
import { impactArticleResponse } from './departments';
import { CHANNELS, OUTCOMES } from './enums';
import { DRILL_METRICS, METRICS } from './metrics';
import { id, paging, timestamp } from './refs';

export { MAX_RANGE_DAYS } from './statsRange';

/** Every stats request: inclusive UTC days, optional filters (department slugs), JSON or CSV. */
const range = {
  from: isoDay,
  to: isoDay,
  agentDepartment: z.string().min(1).max(64).optional(),
  channel: z.enum(CHANNELS).optional(),
  articleDepartment: z.string().min(1).max(64).optional(),
  format: z.enum(['json', 'csv']).default('json'),
};
export const BUCKETS = ['day', 'week'] as const;

export const statsRangeQuery = z.object(range).strict();
export const seriesQuery = z.object({ ...range, bucket: z.enum(BUCKETS).default('day') }).strict();
export const gapsQuery = z
  .object({ ...range, limit: z.coerce.number().int().min(1).max(500).default(50) })
  .strict();
export const drillQuery = z
  .object({ ...range, metric: z.enum(DRILL_METRICS).default('all'), ...paging(1000, 100) })
  .strict();

const count = z.number().int();
/** a fraction 0–1; null when there is nothing to divide by */
const rate = z.number().nullable();
const money = z.number();
const VALUE = { count, rate, money } as const;

type Entry = (typeof METRICS)[number];
type SummaryShape = { [K in Entry['key']]: (typeof VALUE)[Extract<Entry, { key: K }>['kind']] };

/** The headline numbers (DESIGN §3): one key per metric of the catalogue, in its order. */
export const summaryResponse = z.strictObject(
  Object.fromEntries(METRICS.map((m) => [m.key, VALUE[m.kind]])) as SummaryShape,
);

/** One day or week of the series: `day` or `week` (its Monday) is set, per the bucket asked. */
export const seriesPointResponse = summaryResponse.extend({
  day: isoDay.optional(),
  week: isoDay.optional(),
});

export const matrixCellResponse = z.strictObject({
  articleDepartment: z.string(),
  agentDepartment: z.string(),
  solves: count,
});

export const GAP_KINDS = ['zeroResults', 'nothingOpened', 'escalatedWithoutArticle'] as const;
export const gapRowResponse = z.strictObject({
  query: z.string(),
  count,
  /** the latest day (UTC) a search of the group was made */
  lastDay: isoDay,
});
export const gapsResponse = z.strictObject({
  zeroResults: z.array(gapRowResponse),
  nothingOpened: z.array(gapRowResponse),
  escalatedWithoutArticle: z.array(gapRowResponse),
});

export const spreadResponse = z.strictObject({
  count,
  medianHours: z.number().nullable(),
  p90Hours: z.number().nullable(),
});
export const timeToPublishResponse = z.strictObject({
  toNotValidated: spreadResponse,
  toValidated: spreadResponse,
});

/** GET /api/stats/articles: the same rows as a department's impact page. */
export const statsArticlesResponse = z.array(impactArticleResponse);

/** A contact behind a number (GET /api/stats/contacts?metric=), flat so it fits a CSV row. */
export const drillContactResponse = z.strictObject({
  id,
  agent: z.string(),
  agentDepartment: z.string(),
  channel: z.enum(CHANNELS),
  customerRef: z.string().nullable(),
  startedAt: timestamp,
  closedAt: timestamp,
  outcome: z.enum(OUTCOMES),
  articleId: id.nullable(),
  article: z.string().nullable(),
  articleDepartment: z.string().nullable(),
  escalatedTo: z.string().nullable(),
});

export type StatsRange = z.infer<typeof statsRangeQuery>;
export type Bucket = (typeof BUCKETS)[number];
export type Summary = z.infer<typeof summaryResponse>;
export type SeriesPoint = z.infer<typeof seriesPointResponse>;
export type MatrixCell = z.infer<typeof matrixCellResponse>;
export type GapKind = (typeof GAP_KINDS)[number];
export type GapRow = z.infer<typeof gapRowResponse>;
export type Gaps = z.infer<typeof gapsResponse>;
export type PublishSpread = z.infer<typeof spreadResponse>;
export type TimeToPublish = z.infer<typeof timeToPublishResponse>;
export type DrillContact = z.infer<typeof drillContactResponse>;

/** Each GET /api/stats/<name> endpoint's `data`. */
export const statsResponses = {
  summary: summaryResponse,
  series: z.array(seriesPointResponse),
  matrix: z.array(matrixCellResponse),
  gaps: gapsResponse,
  'time-to-publish': timeToPublishResponse,
  articles: statsArticlesResponse,
  contacts: z.array(drillContactResponse),
};
export type StatsEndpoint = keyof typeof statsResponses;
