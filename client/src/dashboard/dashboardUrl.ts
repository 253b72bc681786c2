// The dashboard's state lives in the URL, so a view can be bookmarked, shared and reached with
// Back: /dashboard?from=&to=&agentDepartment=&channel=&articleDepartment=&bucket=
// and, for a drill-down, &drill=<metric>&offset= with the drill's own narrower filters
// (&drillFrom=&drillTo= for one day or week of a chart, &drillAgent=&drillArticle= for a heat-map
// cell), so closing the drill-down comes back to the same overview.
import { DRILL_METRICS, type Bucket, type DrillMetric, type StatsQuery } from './statsApi';

export const DASHBOARD_PATH = '/dashboard';
const DAY = 86_400_000;
/** Without a range in the URL the dashboard shows the last 30 days (so a bookmark stays fresh). */
export const DEFAULT_DAYS = 30;
export const PRESETS = [7, 30, 90] as const;

/** Ranges longer than this are charted per week unless the URL says otherwise. */
const DAILY_UP_TO = 45;

/** Today as the server counts days: UTC. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** Inclusive number of days from `from` to `to` (0 or less when the range is reversed). */
export function spanDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY) + 1;
}

/** The last `days` days, today included. */
export function presetRange(days: number): { from: string; to: string } {
  const to = today();
  return { from: addDays(to, -(days - 1)), to };
}

/** Narrower filters for one drill-down only. */
export interface Narrow {
  from?: string;
  to?: string;
  agentDepartment?: string;
  articleDepartment?: string;
}

export interface Drill extends Narrow {
  metric: DrillMetric;
  offset: number;
}

export interface DashboardState {
  query: StatsQuery;
  bucket: Bucket;
  drill: Drill | null;
}

export function readDashboardUrl(search: string): DashboardState {
  const p = new URLSearchParams(search);
  const get = (name: string) => p.get(name) || undefined;
  const fallback = presetRange(DEFAULT_DAYS);
  // Malformed days are passed on: the server's 400 explains them better than a silent reset.
  const query: StatsQuery = {
    from: get('from') ?? fallback.from,
    to: get('to') ?? fallback.to,
    agentDepartment: get('agentDepartment'),
    channel: get('channel'),
    articleDepartment: get('articleDepartment'),
  };
  const b = get('bucket');
  const daily =
    !isDay(query.from) || !isDay(query.to) || spanDays(query.from, query.to) <= DAILY_UP_TO;
  const bucket: Bucket = b === 'day' || b === 'week' ? b : daily ? 'day' : 'week';
  const m = get('drill');
  const offset = Number(get('offset') ?? 0);
  const drill: Drill | null =
    m === undefined
      ? null
      : {
          metric: (DRILL_METRICS as readonly string[]).includes(m) ? (m as DrillMetric) : 'all',
          from: get('drillFrom'),
          to: get('drillTo'),
          agentDepartment: get('drillAgent'),
          articleDepartment: get('drillArticle'),
          offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
        };
  return { query, bucket, drill };
}

/** The query a drill-down asks for: the page's filters, narrowed by the drill's own. */
export function drillQuery(state: DashboardState): StatsQuery {
  const d = state.drill;
  return {
    ...state.query,
    from: d?.from ?? state.query.from,
    to: d?.to ?? state.query.to,
    agentDepartment: d?.agentDepartment ?? state.query.agentDepartment,
    articleDepartment: d?.articleDepartment ?? state.query.articleDepartment,
  };
}

export type Changes = Record<string, string | number | undefined>;

/** The dashboard URL with some parameters set (or removed, with undefined); the rest kept. */
export function dashboardHref(search: string, changes: Changes): string {
  const p = new URLSearchParams(search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === '') p.delete(k);
    else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `${DASHBOARD_PATH}?${s}` : DASHBOARD_PATH;
}

/** Leaving a drill-down: every drill parameter goes. */
export const CLOSE_DRILL: Changes = {
  drill: undefined,
  drillFrom: undefined,
  drillTo: undefined,
  drillAgent: undefined,
  drillArticle: undefined,
  offset: undefined,
};

/** A link to the contacts behind a number, from the overview. */
export function drillHref(search: string, metric: DrillMetric, narrow: Narrow = {}): string {
  return dashboardHref(search, {
    ...CLOSE_DRILL,
    drill: metric,
    drillFrom: narrow.from,
    drillTo: narrow.to,
    drillAgent: narrow.agentDepartment,
    drillArticle: narrow.articleDepartment,
  });
}
