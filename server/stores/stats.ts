import {
  CONTACT_FACTS,
  DRILLS,
  type ContactFact,
  type Counts,
  type DrillMetric,
  type WindowFact,
} from '../contract/metrics';
import type { Param, Queryable } from '../db/connection';

/**
 * The SQL behind DESIGN §3 (content gaps: statsGaps.ts). Every number counts contacts *closed*
 * in [from, to) (whole UTC days) that pass the filters. Numbers are sums over the daily
 * roll-ups of migration 005 (a fact of contract/metrics.ts is a column of them); only the
 * drill-down's page of contacts and FCR verified's edge day read the contacts themselves,
 * through `contactScope`, the same filter written over rows.
 */
export interface StatsFilter {
  from: string;
  to: string;
  agentDepartmentId?: number;
  channel?: string;
  articleDepartmentId?: number;
}

/** WHERE clause and parameters shared by every contact-based number. */
export function contactScope(f: StatsFilter, alias = 'c'): { where: string; params: Param[] } {
  const where = [`${alias}.closed_at >= ?`, `${alias}.closed_at < ?`];
  const params: Param[] = [f.from, f.to];
  if (f.agentDepartmentId !== undefined) {
    where.push(`${alias}.agent_department_id = ?`);
    params.push(f.agentDepartmentId);
  }
  if (f.channel !== undefined) {
    where.push(`${alias}.channel = ?`);
    params.push(f.channel);
  }
  if (f.articleDepartmentId !== undefined) {
    // contacts that solved with, or tried, an article of that department (as it was then)
    where.push(`(${alias}.article_department_id = ? OR EXISTS (
      SELECT 1 FROM contact_articles ca WHERE ca.contact_id = ${alias}.id AND ca.kind = 'tried'
        AND ca.article_department_id = ?))`);
    params.push(f.articleDepartmentId, f.articleDepartmentId);
  }
  return { where: where.join(' AND '), params };
}

/** sqlite3 binds named parameters from an object, positional ones from an array: not both. */
function named(sql: string, params: Param[], extra: Record<string, Param>) {
  let i = 0;
  const bound: Record<string, Param> = {};
  const text = sql.replace(/\?/g, () => {
    const key = `@p${i}`;
    bound[key] = params[i++]!;
    return key;
  });
  // only names the statement uses: sqlite3 refuses values for parameters it does not have
  for (const [k, v] of Object.entries(extra)) if (text.includes(`@${k}`)) bound[`@${k}`] = v;
  return { text, bound };
}

export type { Counts };

/** A fact's column in stats_contact_facts and contact_days (migrations 005, 006). */
const column = (fact: ContactFact) => fact.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The window facts over solve_repeat_days' `repeat_days` (whole days from a solve with a
 * customer reference to that customer's next contact): a repeat within `@windowDays` days
 * undoes the solve. Eligibility (verifiedEligible) depends on the hour instead: dailyCounts.
 */
const REPEAT: Record<Exclude<WindowFact, 'verifiedEligible'>, string> = {
  verified: 'repeat_days > @windowDays',
  repeated: 'repeat_days <= @windowDays',
};

export interface Window {
  /** a repeat within this many days undoes a solve */
  days: number;
  /** the latest close whose window has ended (now − days) */
  end: string;
}

export const DAY = 86_400_000;
/** A filter's whole UTC days: the first and the last (`to` is the exclusive midnight after). */
export const days = (f: StatsFilter) => ({
  first: f.from.slice(0, 10),
  last: new Date(Date.parse(f.to) - DAY).toISOString().slice(0, 10),
});

/**
 * WHERE clause over a roll-up (migration 005) for the filter's days and values. Contact
 * roll-ups carry a scope (0: every contact, d: contacts that linked an article of department
 * d); article and search roll-ups have none (`scoped` false).
 */
function rollupScope(f: StatsFilter, scoped: boolean) {
  const where = ['r.day >= @first', 'r.day <= @last'];
  const { first, last } = days(f);
  const params: Record<string, Param> = { '@first': first, '@last': last };
  if (scoped) {
    where.push('r.scope_department_id = @scope');
    params['@scope'] = f.articleDepartmentId ?? 0;
  }
  if (f.agentDepartmentId !== undefined) {
    where.push('r.agent_department_id = @agentDepartment');
    params['@agentDepartment'] = f.agentDepartmentId;
  }
  if (f.channel !== undefined) {
    where.push('r.channel = @channel');
    params['@channel'] = f.channel;
  }
  return { where: where.join(' AND '), params };
}

/**
 * DESIGN §3 counts per close day, from the daily roll-ups. Every number but FCR verified's is
 * a plain sum. A solve's repeat is known as a number of days, so "verified under the window"
 * is a sum too; only eligibility depends on the hour: whole days before the window's end are
 * eligible, later ones are not, and the one day the end falls on is read from its contacts.
 * Days without contacts are absent.
 */
export async function dailyCounts(
  db: Queryable,
  f: StatsFilter,
  window: Window,
): Promise<(Counts & { day: string })[]> {
  const scope = rollupScope(f, true);
  const endDay = window.end.slice(0, 10);
  const sums = CONTACT_FACTS.map((fact) => `sum(r.${column(fact)}) AS ${fact}`).join(', ');
  const [daySums, repeats] = await Promise.all([
    db.all<Record<ContactFact, number> & { day: string; withRef: number }>(
      `SELECT r.day, ${sums}, sum(r.with_ref) AS withRef
       FROM contact_days r WHERE ${scope.where} GROUP BY r.day`,
      scope.params,
    ),
    db.all<{ day: string; verified: number; repeated: number }>(
      `SELECT r.day, coalesce(sum(r.n) FILTER (WHERE r.${REPEAT.verified}), 0) AS verified,
         coalesce(sum(r.n) FILTER (WHERE r.${REPEAT.repeated}), 0) AS repeated
       FROM solve_repeat_days r WHERE ${scope.where} GROUP BY r.day`,
      { ...scope.params, '@windowDays': window.days },
    ),
  ]);
  const repeat = new Map(repeats.map((r) => [r.day, r]));
  const edge = daySums.some((s) => s.day === endDay) ? await edgeDay(db, f, window) : undefined;
  return daySums.map(({ withRef, ...s }) => {
    const r = repeat.get(s.day);
    const ended = s.day < endDay;
    return {
      ...s,
      verifiedEligible: ended ? withRef : s.day === endDay ? edge!.eligible : 0,
      verified: ended ? (r?.verified ?? 0) : s.day === endDay ? edge!.verified : 0,
      repeated: r?.repeated ?? 0,
    };
  });
}

/** FCR verified's numbers on the day the window ends: contacts closed up to that instant. */
async function edgeDay(db: Queryable, f: StatsFilter, window: Window) {
  const scope = contactScope(f, 'f');
  const { text, bound } = named(
    `SELECT coalesce(sum(f.with_ref), 0) AS eligible,
       coalesce(sum(f.${REPEAT.verified}), 0) AS verified
     FROM stats_contact_facts f
     WHERE ${scope.where} AND f.closed_at >= @endDay AND f.closed_at <= @windowEnd`,
    scope.params,
    { endDay: window.end.slice(0, 10), windowEnd: window.end, windowDays: window.days },
  );
  return (await db.get<{ eligible: number; verified: number }>(text, bound))!;
}

/**
 * Solved-with-article contacts by (article's department × agent's department). With an
 * article-department filter: that department's row only.
 */
export function crossSilo(db: Queryable, f: StatsFilter) {
  const scope = rollupScope({ ...f, articleDepartmentId: undefined }, true);
  const params = { ...scope.params };
  let article = 'r.article_department_id <> 0';
  if (f.articleDepartmentId !== undefined) {
    article = 'r.article_department_id = @articleDepartment';
    params['@articleDepartment'] = f.articleDepartmentId;
  }
  return db.all<{ articleDepartment: string; agentDepartment: string; solves: number }>(
    `SELECT ad.slug AS articleDepartment, gd.slug AS agentDepartment,
       sum(r.solved_with_article) AS solves
     FROM contact_days r
     JOIN departments ad ON ad.id = r.article_department_id
     JOIN departments gd ON gd.id = r.agent_department_id
     WHERE ${scope.where} AND ${article}
     GROUP BY ad.slug, gd.slug HAVING solves > 0 ORDER BY ad.slug, gd.slug`,
    params,
  );
}

/**
 * Time to publish: for requests made in the period that produced an article, the milliseconds
 * from the request to the article first becoming not validated (`published`) and validated.
 * The agent-department and channel filters are the escalated contact's; the article-department
 * filter is the department asked for the article. Each list comes back as one comma-joined
 * string: a year of a large contact center is ~100,000 values, and sqlite3 building one object
 * per row costs more than the query (and window functions to rank them in SQL, more still).
 */
export async function publishTimes(
  db: Queryable,
  f: StatsFilter,
): Promise<{ published: number[]; validated: number[] }> {
  const params: Param[] = [f.from, f.to];
  const where: string[] = [];
  if (f.articleDepartmentId !== undefined) {
    where.push('r.department_id = ?');
    params.push(f.articleDepartmentId);
  }
  if (f.agentDepartmentId !== undefined) {
    where.push('c.agent_department_id = ?');
    params.push(f.agentDepartmentId);
  }
  if (f.channel !== undefined) {
    where.push('c.channel = ?');
    params.push(f.channel);
  }
  // the contact only when its department or channel is asked for
  const contact = f.agentDepartmentId !== undefined || f.channel !== undefined;
  const row = (await db.get<{ published: string | null; validated: string | null }>(
    `SELECT group_concat(r.ms_to_published) AS published,
       group_concat(r.ms_to_validated) AS validated
     FROM article_requests r ${contact ? 'JOIN contacts c ON c.id = r.contact_id' : ''}
     WHERE r.article_id IS NOT NULL AND r.created_at >= ? AND r.created_at < ?
       ${where.map((w) => `AND ${w}`).join(' ')}`,
    params,
  ))!;
  const list = (joined: string | null) => (joined ? joined.split(',').map(Number) : []);
  return { published: list(row.published), validated: list(row.validated) };
}

/** Drill-downs that count no fact of the summary: each has its own condition and total. */
export type OwnDrill = {
  [K in DrillMetric]: (typeof DRILLS)[K]['fact'] extends null ? K : never;
}[DrillMetric];

const OWN_DRILL: Record<OwnDrill, string> = {
  // a cross-silo matrix cell: solved with an article of the article-department filter
  solvedWith: `f.solved_with_article
    AND (@articleDepartmentId IS NULL OR f.article_department_id = @articleDepartmentId)`,
  // time to publish: "needs an article" escalations whose article was published (a request is
  // made when its contact closes); the article-department filter is the department asked
  published: `EXISTS (SELECT 1 FROM article_requests r WHERE r.contact_id = f.id
    AND r.article_id IS NOT NULL AND r.ms_to_published IS NOT NULL
    AND (@articleDepartmentId IS NULL OR r.department_id = @articleDepartmentId))`,
};

/**
 * The contacts behind a number, as a condition on stats_contact_facts `f`: for a contact fact,
 * its column (the one the roll-ups sum), so each metric is defined once (migration 006).
 * Verified solves are those whose window has ended, as in dailyCounts.
 */
function drillCondition(metric: DrillMetric): string {
  const fact = DRILLS[metric].fact;
  if (fact === null) return OWN_DRILL[metric as OwnDrill];
  if (fact === 'verified') return `f.${REPEAT.verified} AND f.closed_at <= @windowEnd`;
  if (fact === 'repeated') return `f.${REPEAT.repeated}`;
  return `f.${column(fact)}`;
}

/** One page of the contacts behind a number, newest first (the total comes from the roll-ups). */
export async function drillIds(
  db: Queryable,
  f: StatsFilter,
  metric: DrillMetric,
  window: Window,
  page: { limit: number; offset: number },
): Promise<number[]> {
  // time to publish reads the article department as the request's, not as the contacts' scope
  const scope = contactScope(
    metric === 'published' ? { ...f, articleDepartmentId: undefined } : f,
    'f',
  );
  const list = named(
    `SELECT f.id FROM stats_contact_facts f WHERE ${scope.where} AND ${drillCondition(metric)}
     ORDER BY f.closed_at DESC, f.id DESC LIMIT @limit OFFSET @offset`,
    scope.params,
    {
      windowEnd: window.end,
      windowDays: window.days,
      articleDepartmentId: f.articleDepartmentId ?? null,
      limit: page.limit,
      offset: page.offset,
    },
  );
  return (await db.all<{ id: number }>(list.text, list.bound)).map((r) => r.id);
}
