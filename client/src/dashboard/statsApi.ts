// The managers' statistics endpoints (GET /api/stats/*, DESIGN §3): the URLs of their JSON and
// CSV forms. Their shapes are the server's contract; same transport and error shape as api.ts.
import { request, requestEnvelope, type Page } from '../api';
import type {
  Bucket,
  DrillContact,
  DrillMetric,
  Gaps,
  ImpactArticle,
  MatrixCell,
  SeriesPoint,
  Settings,
  StatsRange,
  Summary,
  TimeToPublish,
} from '../../../server/contract/types';

export { CHANNELS } from '../../../server/contract/enums';
export { DRILL_METRICS } from '../../../server/contract/metrics';
export type {
  Bucket,
  Channel,
  DrillContact,
  DrillMetric,
  GapKind,
  GapRow,
  Gaps,
  MatrixCell,
  PublishSpread,
  SeriesPoint,
  Summary,
  TimeToPublish,
} from '../../../server/contract/types';

/**
 * Every stats request: inclusive UTC days and optional filters (department slugs). `channel` is
 * kept a string so a hand-edited URL reaches the server and gets its 400.
 */
export type StatsQuery = Pick<
  StatsRange,
  'from' | 'to' | 'agentDepartment' | 'articleDepartment'
> & {
  channel?: string;
};

/** GET /api/stats/articles: the same rows as a department's impact page. */
export type ArticleImpactRow = ImpactArticle;

export type DrillPage = Page<DrillContact>;

/** The settings that explain the numbers (everyone may read them). */
export type StatsSettings = Pick<
  Settings,
  'fcrWindowDays' | 'costEscalated' | 'costFirstContact' | 'currency'
>;

/** The API's largest page of drill-down contacts (and so of one CSV file). */
export const DRILL_MAX = 1000;

type Extra = Record<string, string | number | undefined>;

function params(q: StatsQuery, extra: Extra = {}): URLSearchParams {
  const p = new URLSearchParams({ from: q.from, to: q.to });
  if (q.agentDepartment) p.set('agentDepartment', q.agentDepartment);
  if (q.channel) p.set('channel', q.channel);
  if (q.articleDepartment) p.set('articleDepartment', q.articleDepartment);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) p.set(k, String(v));
  return p;
}

/** The JSON endpoint's URL; it also names the request (a change of URL is a change of answer). */
export function statsUrl(name: string, q: StatsQuery, extra?: Extra): string {
  return `/api/stats/${name}?${params(q, extra)}`;
}
const path = statsUrl;

/** A link that downloads the same rows as CSV (the server answers with an attachment). */
export function csvUrl(name: string, q: StatsQuery, extra?: Extra): string {
  return path(name, q, { ...extra, format: 'csv' });
}

export const statsApi = {
  summary: (q: StatsQuery, signal?: AbortSignal) =>
    request<Summary>(path('summary', q), { signal }),

  series: (q: StatsQuery, bucket: Bucket, signal?: AbortSignal) =>
    request<SeriesPoint[]>(path('series', q, { bucket }), { signal }),

  matrix: (q: StatsQuery, signal?: AbortSignal) =>
    request<MatrixCell[]>(path('matrix', q), { signal }),

  gaps: (q: StatsQuery, limit: number, signal?: AbortSignal) =>
    request<Gaps>(path('gaps', q, { limit }), { signal }),

  timeToPublish: (q: StatsQuery, signal?: AbortSignal) =>
    request<TimeToPublish>(path('time-to-publish', q), { signal }),

  articles: (q: StatsQuery, signal?: AbortSignal) =>
    request<ArticleImpactRow[]>(path('articles', q), { signal }),

  async contacts(
    q: StatsQuery,
    metric: DrillMetric,
    page: { limit: number; offset: number },
    signal?: AbortSignal,
  ): Promise<DrillPage> {
    const env = await requestEnvelope<DrillContact[]>(path('contacts', q, { metric, ...page }), {
      signal,
    });
    return { rows: env.data, total: env.meta?.total ?? env.data.length };
  },

  settings: (signal?: AbortSignal) => request<StatsSettings>('/api/settings', { signal }),
};
