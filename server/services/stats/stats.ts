import {
  CONTACT_FACTS,
  DRILLS,
  METRICS,
  WINDOW_FACTS,
  type DrillMetric,
  type Metric,
  type MetricValues,
} from '../../contract/metrics';
import { MAX_RANGE_DAYS } from '../../contract/statsRange';
import type { Database } from '../../db/connection';
import { badRequest, validationFailed } from '../../errors';
import { findContact } from '../../stores/contacts';
import { findDepartmentBySlug } from '../../stores/departments';
import { articleImpact } from '../../stores/impact';
import * as stats from '../../stores/stats';
import { gaps } from '../../stores/statsGaps';
import { getSettings } from '../settings/settings';

const DAY = 86_400_000;

export interface StatsQuery {
  from: string;
  to: string;
  agentDepartment?: string;
  channel?: 'phone' | 'chat' | 'email';
  articleDepartment?: string;
}

/** The API's inclusive day range and department slugs → instants and ids; 400 when invalid. */
export async function resolveFilter(db: Database, q: StatsQuery): Promise<stats.StatsFilter> {
  const from = Date.parse(`${q.from}T00:00:00Z`);
  const to = Date.parse(`${q.to}T00:00:00Z`) + DAY;
  if (from >= to) throw validationFailed('`from` must be on or before `to`.', 'from');
  if ((to - from) / DAY > MAX_RANGE_DAYS)
    throw validationFailed(`A range covers at most ${MAX_RANGE_DAYS} days.`, 'to');
  const department = async (slug: string | undefined, field: string) => {
    if (slug === undefined) return undefined;
    const d = await findDepartmentBySlug(db, slug);
    if (!d) throw validationFailed(`Unknown department "${slug}".`, field);
    return d.id;
  };
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    agentDepartmentId: await department(q.agentDepartment, 'agentDepartment'),
    channel: q.channel,
    articleDepartmentId: await department(q.articleDepartment, 'articleDepartment'),
  };
}

/** Division that says "nothing to divide by" instead of NaN. */
const rate = (n: number, d: number) => (d === 0 ? null : n / d);

interface Costs {
  costEscalated: number;
  costFirstContact: number;
}

/** One metric of the catalogue from the counts (contract/metrics.ts says what each kind is). */
function value(m: Metric, c: stats.Counts, costs: Costs): number | null {
  const n = c[m.numerator];
  if (m.kind === 'money') return n * (costs.costEscalated - costs.costFirstContact);
  return m.denominator === undefined ? n : rate(n, c[m.denominator]);
}

/** DESIGN §3 numbers from the counts, exactly as GET /api/stats/summary returns them. */
function summarize(c: stats.Counts, costs: Costs): MetricValues {
  return Object.fromEntries(
    METRICS.map((m: Metric) => [m.key, value(m, c, costs)]),
  ) as MetricValues;
}

const ZERO = Object.fromEntries(
  [...CONTACT_FACTS, ...WINDOW_FACTS].map((fact) => [fact, 0]),
) as stats.Counts;

function add(a: stats.Counts, b: stats.Counts): stats.Counts {
  const sum = { ...a };
  for (const k of Object.keys(ZERO) as (keyof stats.Counts)[]) sum[k] += b[k];
  return sum;
}

/** The repeat window now: closes later than `end` have a window that has not ended yet. */
function windowOf(settings: { fcrWindowDays: number }): stats.Window {
  const days = settings.fcrWindowDays;
  return { days, end: new Date(Date.now() - days * DAY).toISOString() };
}

async function totals(db: Database, filter: stats.StatsFilter, window: stats.Window) {
  return (await stats.dailyCounts(db, filter, window)).reduce(add, ZERO);
}

export async function summary(db: Database, q: StatsQuery) {
  const filter = await resolveFilter(db, q);
  const settings = await getSettings(db);
  return summarize(await totals(db, filter, windowOf(settings)), settings);
}

/** The ISO week (starting Monday) a day belongs to, as its Monday. */
function weekOf(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  const monday = t - ((new Date(t).getUTCDay() + 6) % 7) * DAY;
  return new Date(monday).toISOString().slice(0, 10);
}

/** Every day or week of the range, empty ones included, so charts keep a true time axis. */
export async function series(db: Database, q: StatsQuery, bucket: 'day' | 'week') {
  const filter = await resolveFilter(db, q);
  const settings = await getSettings(db);
  const window = windowOf(settings);
  const key = bucket === 'day' ? (d: string) => d : weekOf;
  const buckets = new Map<string, stats.Counts>();
  for (let t = Date.parse(filter.from); t < Date.parse(filter.to); t += DAY)
    buckets.set(key(new Date(t).toISOString().slice(0, 10)), ZERO);
  for (const row of await stats.dailyCounts(db, filter, window)) {
    const k = key(row.day);
    buckets.set(k, add(buckets.get(k)!, row));
  }
  return [...buckets].map(([b, c]) => ({ [bucket]: b, ...summarize(c, settings) }));
}

export async function matrix(db: Database, q: StatsQuery) {
  return stats.crossSilo(db, await resolveFilter(db, q));
}

export async function contentGaps(db: Database, q: StatsQuery, limit: number) {
  const filter = await resolveFilter(db, q);
  if (filter.articleDepartmentId !== undefined)
    throw badRequest(
      'filter_not_applicable',
      'Content gaps are searches that found no article: they have no article department. ' +
        'Leave out `articleDepartment`.',
      'articleDepartment',
    );
  const [zeroResults, nothingOpened, escalatedWithoutArticle] = await Promise.all([
    gaps(db, filter, 'zeroResults', limit),
    gaps(db, filter, 'nothingOpened', limit),
    gaps(db, filter, 'escalatedWithoutArticle', limit),
  ]);
  return { zeroResults, nothingOpened, escalatedWithoutArticle };
}

/**
 * Median (the middle value, or the mean of the two middle ones) and 90th percentile (nearest
 * rank: the ⌈0.9 n⌉-th smallest value) in hours; null when nothing was published.
 */
function spread(ms: number[]) {
  const n = ms.length;
  if (n === 0) return { count: 0, medianHours: null, p90Hours: null };
  const sorted = Float64Array.from(ms).sort();
  const hours = (rank: number) => sorted[rank - 1]! / 3_600_000;
  return {
    count: n,
    medianHours: (hours(Math.floor((n + 1) / 2)) + hours(Math.floor((n + 2) / 2))) / 2,
    p90Hours: hours(Math.ceil((9 * n) / 10)),
  };
}

export async function timeToPublish(db: Database, q: StatsQuery) {
  const times = await stats.publishTimes(db, await resolveFilter(db, q));
  return { toNotValidated: spread(times.published), toValidated: spread(times.validated) };
}

export async function articles(db: Database, q: StatsQuery) {
  const filter = await resolveFilter(db, q);
  const rows = await articleImpact(db, {
    from: filter.from,
    to: filter.to,
    departmentId: filter.articleDepartmentId,
    agentDepartmentId: filter.agentDepartmentId,
    channel: filter.channel,
  });
  return rows.map((r) => ({ ...r, solveRate: rate(r.solves, r.uses) }));
}

/** The totals of the drill-downs that count no fact: their own number. */
const OWN_TOTAL: Record<stats.OwnDrill, (db: Database, f: stats.StatsFilter) => Promise<number>> = {
  solvedWith: async (db, f) =>
    (await stats.crossSilo(db, f)).reduce((n, cell) => n + cell.solves, 0),
  published: async (db, f) => (await stats.publishTimes(db, f)).published.length,
};

/** How many contacts are behind a number: the number itself, from the same roll-ups. */
async function drillTotal(
  db: Database,
  filter: stats.StatsFilter,
  metric: DrillMetric,
  window: stats.Window,
): Promise<number> {
  const fact = DRILLS[metric].fact;
  if (fact !== null) return (await totals(db, filter, window))[fact];
  return OWN_TOTAL[metric as stats.OwnDrill](db, filter);
}

/** The contacts behind a number, for drill-down. */
export async function drillDown(
  db: Database,
  q: StatsQuery,
  metric: DrillMetric,
  page: { limit: number; offset: number },
) {
  const filter = await resolveFilter(db, q);
  const window = windowOf(await getSettings(db));
  const [ids, total] = await Promise.all([
    stats.drillIds(db, filter, metric, window, page),
    drillTotal(db, filter, metric, window),
  ]);
  const rows = await Promise.all(ids.map((id) => findContact(db, id)));
  return { rows: rows.filter((r) => r !== undefined), total };
}
