import type { Database } from '../db/connection';
import { validationFailed } from '../errors';
import { findContact } from '../stores/contacts';
import { findDepartmentBySlug } from '../stores/departments';
import { articleImpact } from '../stores/impact';
import * as stats from '../stores/stats';
import { getSettings } from './settings';

const DAY = 86_400_000;
/** The longest range a request may cover: a dashboard over years is an export, not a view. */
const MAX_DAYS = 731;

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
  if ((to - from) / DAY > MAX_DAYS)
    throw validationFailed(`A range covers at most ${MAX_DAYS} days.`, 'to');
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

/** DESIGN §3 numbers from the counts, exactly as GET /api/stats/summary returns them. */
function summarize(c: stats.Counts, costs: { costEscalated: number; costFirstContact: number }) {
  return {
    contacts: c.contacts,
    solved: c.solved,
    escalated: c.escalated,
    followUp: c.followUp,
    fcrClaimed: rate(c.solved, c.contacts),
    fcrVerified: rate(c.verified, c.verifiedEligible),
    fcrVerifiedEligible: c.verifiedEligible,
    escalationRate: rate(c.escalated, c.contacts),
    escalationsAvoided: c.avoided,
    escalationsAvoidedValue: c.avoided * (costs.costEscalated - costs.costFirstContact),
    linkRate: rate(c.linked, c.contacts),
    reuseRate: rate(c.reused, c.solvedWithArticle),
  };
}

/** Closes later than this have a repeat window that has not ended yet. */
const windowEnd = (days: number) => new Date(Date.now() - days * DAY).toISOString();

export async function summary(db: Database, q: StatsQuery) {
  const filter = await resolveFilter(db, q);
  const settings = await getSettings(db);
  const c = await stats.counts(
    db,
    filter,
    settings.fcrWindowDays,
    windowEnd(settings.fcrWindowDays),
  );
  return summarize(c, settings);
}

export async function series(db: Database, q: StatsQuery, bucket: 'day' | 'week') {
  const filter = await resolveFilter(db, q);
  const settings = await getSettings(db);
  const rows = await stats.countsBy(
    db,
    filter,
    settings.fcrWindowDays,
    windowEnd(settings.fcrWindowDays),
    bucket,
  );
  return rows.map((r) => ({ [bucket]: r.bucket, ...summarize(r, settings) }));
}

export async function matrix(db: Database, q: StatsQuery) {
  return stats.crossSilo(db, await resolveFilter(db, q));
}

export async function contentGaps(db: Database, q: StatsQuery, limit: number) {
  const filter = await resolveFilter(db, q);
  const [zeroResults, nothingOpened, escalatedWithoutArticle] = await Promise.all([
    stats.gaps(db, filter, 'zeroResults', limit),
    stats.gaps(db, filter, 'nothingOpened', limit),
    stats.gaps(db, filter, 'escalatedWithoutArticle', limit),
  ]);
  return { zeroResults, nothingOpened, escalatedWithoutArticle };
}

/** Median and 90th percentile (nearest rank) in hours; null when nothing was published. */
function spread(hours: number[]) {
  if (hours.length === 0) return { count: 0, medianHours: null, p90Hours: null };
  const sorted = [...hours].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
  return { count: sorted.length, medianHours: at(0.5), p90Hours: at(0.9) };
}

export async function timeToPublish(db: Database, q: StatsQuery) {
  const rows = await stats.publishTimes(db, await resolveFilter(db, q));
  const hours = (from: string, to: string | null) =>
    to === null ? [] : [(Date.parse(to) - Date.parse(from)) / 3_600_000];
  return {
    toNotValidated: spread(rows.flatMap((r) => hours(r.requestedAt, r.submittedAt))),
    toValidated: spread(rows.flatMap((r) => hours(r.requestedAt, r.validatedAt))),
  };
}

export async function articles(db: Database, q: StatsQuery) {
  const filter = await resolveFilter(db, q);
  const rows = await articleImpact(db, {
    from: filter.from,
    to: filter.to,
    departmentId: filter.articleDepartmentId,
  });
  return rows.map((r) => ({ ...r, solveRate: rate(r.solves, r.uses) }));
}

/** The contacts behind a number, for drill-down. */
export async function drillDown(
  db: Database,
  q: StatsQuery,
  metric: stats.DrillMetric,
  page: { limit: number; offset: number },
) {
  const filter = await resolveFilter(db, q);
  const { fcrWindowDays } = await getSettings(db);
  const { ids, total } = await stats.drillIds(
    db,
    filter,
    metric,
    { days: fcrWindowDays, end: windowEnd(fcrWindowDays) },
    page,
  );
  const rows = await Promise.all(ids.map((id) => findContact(db, id)));
  return { rows: rows.filter((r) => r !== undefined), total };
}
