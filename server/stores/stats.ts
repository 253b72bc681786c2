import type { Param, Queryable } from '../db/connection';

/**
 * The SQL behind DESIGN §3. Every number counts contacts *closed* in [from, to) that pass the
 * filters; departments are those copied onto the contact when it happened.
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
    // contacts that solved with, or tried, an article of that department
    where.push(`(${alias}.article_department_id = ? OR EXISTS (
      SELECT 1 FROM contact_articles ca JOIN articles ta ON ta.id = ca.article_id
      WHERE ca.contact_id = ${alias}.id AND ca.kind = 'tried' AND ta.department_id = ?))`);
    params.push(f.articleDepartmentId, f.articleDepartmentId);
  }
  return { where: where.join(' AND '), params };
}

export interface Counts {
  contacts: number;
  solved: number;
  escalated: number;
  followUp: number;
  verifiedEligible: number;
  verified: number;
  avoided: number;
  linked: number;
  solvedWithArticle: number;
  reused: number;
}

/**
 * One pass over the scope. `windowEnd` is the latest close whose repeat window has ended
 * (now − window); `windowDays` how long a repeat undoes a solve.
 */
const COUNTS = (windowDays: number) => `
  count(*) AS contacts,
  coalesce(sum(c.outcome = 'solved'), 0) AS solved,
  coalesce(sum(c.outcome = 'escalated'), 0) AS escalated,
  coalesce(sum(c.outcome = 'follow_up'), 0) AS followUp,
  coalesce(sum(c.customer_ref IS NOT NULL AND c.closed_at <= @windowEnd), 0) AS verifiedEligible,
  coalesce(sum(c.outcome = 'solved' AND c.customer_ref IS NOT NULL AND c.closed_at <= @windowEnd
    AND (c.next_contact_at IS NULL
      OR c.next_contact_at > strftime('%Y-%m-%dT%H:%M:%fZ', c.closed_at, '+${windowDays} days'))), 0) AS verified,
  coalesce(sum(c.outcome = 'solved' AND c.article_id IS NOT NULL
    AND c.article_department_id <> c.agent_department_id), 0) AS avoided,
  coalesce(sum(c.article_id IS NOT NULL OR EXISTS (
    SELECT 1 FROM contact_articles ca WHERE ca.contact_id = c.id AND ca.kind = 'tried')), 0) AS linked,
  coalesce(sum(c.outcome = 'solved' AND c.article_id IS NOT NULL), 0) AS solvedWithArticle,
  coalesce(sum(c.outcome = 'solved' AND c.article_id IS NOT NULL AND
    (SELECT a.created_at FROM articles a WHERE a.id = c.article_id) < c.started_at), 0) AS reused`;

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

export async function counts(
  db: Queryable,
  f: StatsFilter,
  windowDays: number,
  windowEnd: string,
): Promise<Counts> {
  const scope = contactScope(f);
  const { text, bound } = named(
    `SELECT ${COUNTS(windowDays)} FROM contacts c WHERE ${scope.where}`,
    scope.params,
    { windowEnd },
  );
  return (await db.get<Counts>(text, bound))!;
}

export async function countsBy(
  db: Queryable,
  f: StatsFilter,
  windowDays: number,
  windowEnd: string,
  bucket: 'day' | 'week',
): Promise<(Counts & { bucket: string })[]> {
  const scope = contactScope(f);
  // weeks start on Monday (ISO)
  const key =
    bucket === 'day' ? 'substr(c.closed_at, 1, 10)' : "date(c.closed_at, '-6 days', 'weekday 1')";
  const { text, bound } = named(
    `SELECT ${key} AS bucket, ${COUNTS(windowDays)} FROM contacts c WHERE ${scope.where}
     GROUP BY bucket ORDER BY bucket`,
    scope.params,
    { windowEnd },
  );
  return db.all(text, bound);
}

/** Solved-with-article contacts by (article's department × agent's department). */
export function crossSilo(db: Queryable, f: StatsFilter) {
  const scope = contactScope(f);
  return db.all<{ articleDepartment: string; agentDepartment: string; solves: number }>(
    `SELECT ad.slug AS articleDepartment, gd.slug AS agentDepartment, count(*) AS solves
     FROM contacts c
     JOIN departments ad ON ad.id = c.article_department_id
     JOIN departments gd ON gd.id = c.agent_department_id
     WHERE ${scope.where} AND c.outcome = 'solved' AND c.article_id IS NOT NULL
     GROUP BY ad.slug, gd.slug ORDER BY ad.slug, gd.slug`,
    scope.params,
  );
}

export interface GapRow {
  query: string;
  count: number;
  lastAt: string;
}

/**
 * Content gaps, grouped by normalized query. Searches are in the period by their time; those
 * made during a contact follow the contact filters (agent department, channel).
 */
export function gaps(
  db: Queryable,
  f: StatsFilter,
  kind: 'zeroResults' | 'nothingOpened' | 'escalatedWithoutArticle',
  limit: number,
): Promise<GapRow[]> {
  const params: Param[] = [f.from, f.to];
  const filters: string[] = [];
  if (f.agentDepartmentId !== undefined) {
    filters.push('coalesce(c.agent_department_id, u.department_id) = ?');
    params.push(f.agentDepartmentId);
  }
  if (f.channel !== undefined) {
    filters.push('c.channel = ?');
    params.push(f.channel);
  }
  const condition = {
    zeroResults: 's.result_count = 0',
    nothingOpened: `s.result_count > 0 AND s.opened_id IS NULL AND NOT EXISTS (
      SELECT 1 FROM contact_articles ca WHERE ca.contact_id = s.contact_id)
      AND (c.id IS NULL OR c.article_id IS NULL)`,
    escalatedWithoutArticle: `c.outcome = 'escalated' AND NOT EXISTS (
      SELECT 1 FROM contact_articles ca WHERE ca.contact_id = c.id)`,
  }[kind];
  params.push(limit);
  return db.all<GapRow>(
    `SELECT s.normalized_query AS query, count(*) AS count, max(s.updated_at) AS lastAt
     FROM search_events s
     JOIN users u ON u.id = s.user_id
     LEFT JOIN contacts c ON c.id = s.contact_id
     WHERE s.created_at >= ? AND s.created_at < ? ${filters.map((x) => `AND ${x}`).join(' ')}
       AND ${condition}
     GROUP BY s.normalized_query ORDER BY count DESC, lastAt DESC LIMIT ?`,
    params,
  );
}

/** Requests made in the period that produced an article, with when it was published. */
export function publishTimes(db: Queryable, f: StatsFilter) {
  const params: Param[] = [f.from, f.to];
  let dept = '';
  if (f.articleDepartmentId !== undefined) {
    dept = 'AND r.department_id = ?';
    params.push(f.articleDepartmentId);
  }
  return db.all<{ requestedAt: string; submittedAt: string | null; validatedAt: string | null }>(
    `SELECT r.created_at AS requestedAt,
       (SELECT min(v.created_at) FROM article_versions v WHERE v.article_id = r.article_id
         AND v.confidence IN ('not_validated', 'validated') AND v.created_at >= r.created_at) AS submittedAt,
       (SELECT min(v.created_at) FROM article_versions v WHERE v.article_id = r.article_id
         AND v.confidence = 'validated' AND v.created_at >= r.created_at) AS validatedAt
     FROM article_requests r
     WHERE r.article_id IS NOT NULL AND r.created_at >= ? AND r.created_at < ? ${dept}`,
    params,
  );
}

/** The contacts behind a number (drill-down), newest first. */
export const DRILL = {
  all: '1',
  solved: "c.outcome = 'solved'",
  escalated: "c.outcome = 'escalated'",
  followUp: "c.outcome = 'follow_up'",
  verified: `c.outcome = 'solved' AND c.customer_ref IS NOT NULL AND c.closed_at <= @windowEnd
    AND (c.next_contact_at IS NULL
      OR c.next_contact_at > strftime('%Y-%m-%dT%H:%M:%fZ', c.closed_at, '+' || @windowDays || ' days'))`,
  repeated: `c.outcome = 'solved' AND c.customer_ref IS NOT NULL
    AND c.next_contact_at <= strftime('%Y-%m-%dT%H:%M:%fZ', c.closed_at, '+' || @windowDays || ' days')`,
  avoided: `c.outcome = 'solved' AND c.article_id IS NOT NULL
    AND c.article_department_id <> c.agent_department_id`,
  linked: `(c.article_id IS NOT NULL OR EXISTS (
    SELECT 1 FROM contact_articles ca WHERE ca.contact_id = c.id AND ca.kind = 'tried'))`,
  reused: `c.outcome = 'solved' AND c.article_id IS NOT NULL
    AND (SELECT a.created_at FROM articles a WHERE a.id = c.article_id) < c.started_at`,
  /** a cross-silo matrix cell: solved with an article of the article-department filter */
  solvedWith: `c.outcome = 'solved' AND c.article_id IS NOT NULL
    AND (@articleDepartmentId IS NULL OR c.article_department_id = @articleDepartmentId)`,
} as const;

export type DrillMetric = keyof typeof DRILL;

export async function drillIds(
  db: Queryable,
  f: StatsFilter,
  metric: DrillMetric,
  window: { days: number; end: string },
  page: { limit: number; offset: number },
): Promise<{ ids: number[]; total: number }> {
  const scope = contactScope(f);
  const where = `${scope.where} AND ${DRILL[metric]}`;
  const extra = {
    windowEnd: window.end,
    windowDays: window.days,
    articleDepartmentId: f.articleDepartmentId ?? null,
  };
  const total = named(`SELECT count(*) AS n FROM contacts c WHERE ${where}`, scope.params, extra);
  const list = named(
    `SELECT c.id FROM contacts c WHERE ${where} ORDER BY c.closed_at DESC, c.id DESC
     LIMIT @limit OFFSET @offset`,
    scope.params,
    { ...extra, limit: page.limit, offset: page.offset },
  );
  const [n, rows] = await Promise.all([
    db.get<{ n: number }>(total.text, total.bound),
    db.all<{ id: number }>(list.text, list.bound),
  ]);
  return { ids: rows.map((r) => r.id), total: n!.n };
}
