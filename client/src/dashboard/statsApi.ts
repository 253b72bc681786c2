// The managers' statistics endpoints (GET /api/stats/*, DESIGN §3): their shapes, and the URLs
// of their JSON and CSV forms. Same transport and error shape as api.ts.
import type { DrillMetric } from '../../../server/contract/metrics';
import { request, requestEnvelope } from '../api';
import type { ImpactArticle } from '../types';

export type Bucket = 'day' | 'week';
export type Channel = 'phone' | 'chat' | 'email';
export const CHANNELS: readonly Channel[] = ['phone', 'chat', 'email'];

/** Every stats request: inclusive UTC days and optional filters (department slugs). */
export interface StatsQuery {
  from: string;
  to: string;
  agentDepartment?: string;
  /** A `Channel`; kept a string so a hand-edited URL reaches the server and gets its 400. */
  channel?: string;
  articleDepartment?: string;
}

/** The headline numbers. Rates are fractions 0–1, null when there is nothing to divide by. */
export interface Summary {
  contacts: number;
  solved: number;
  escalated: number;
  followUp: number;
  fcrClaimed: number | null;
  fcrVerified: number | null;
  /** Closed contacts with a customer reference whose repeat window has ended. */
  fcrVerifiedEligible: number;
  escalationRate: number | null;
  escalationsAvoided: number;
  escalationsAvoidedValue: number;
  linkRate: number | null;
  reuseRate: number | null;
}

/** One day or week of the series: `day` or `week` (its Monday) is set, per the bucket asked. */
export interface SeriesPoint extends Summary {
  day?: string;
  week?: string;
}

export interface MatrixCell {
  articleDepartment: string;
  agentDepartment: string;
  solves: number;
}

export interface GapRow {
  query: string;
  count: number;
  /** the latest day (UTC) a search of the group was made */
  lastDay: string;
}

export type GapKind = 'zeroResults' | 'nothingOpened' | 'escalatedWithoutArticle';
export type Gaps = Record<GapKind, GapRow[]>;

export interface PublishSpread {
  count: number;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface TimeToPublish {
  toNotValidated: PublishSpread;
  toValidated: PublishSpread;
}

/** GET /api/stats/articles: the same rows as a department's impact page. */
export type ArticleImpactRow = ImpactArticle;

/** The contacts behind a number (GET /api/stats/contacts?metric=): the metric catalogue's. */
export { DRILL_METRICS, type DrillMetric } from '../../../server/contract/metrics';

export interface DrillContact {
  id: number;
  agent: string;
  agentDepartment: string;
  channel: Channel;
  customerRef: string | null;
  startedAt: string;
  closedAt: string;
  outcome: 'solved' | 'escalated' | 'follow_up';
  articleId: number | null;
  article: string | null;
  articleDepartment: string | null;
  escalatedTo: string | null;
}

export interface DrillPage {
  rows: DrillContact[];
  total: number;
}

/** The settings that explain the numbers (everyone may read them). */
export interface StatsSettings {
  fcrWindowDays: number;
  costEscalated: number;
  costFirstContact: number;
}

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
