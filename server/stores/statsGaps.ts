import type { Param, Queryable } from '../db/connection';
import { DAY, days, type StatsFilter } from './stats';

/**
 * Content gaps (DESIGN §3) from the roll-ups of migration 005: searches with no results, with
 * results but nothing opened, and of contacts escalated without any article.
 */
export interface GapRow {
  query: string;
  count: number;
  /** the latest day (UTC) a search of the group was made */
  lastDay: string;
}

const GAP_KIND = {
  zeroResults: 'zero',
  nothingOpened: 'unopened',
  escalatedWithoutArticle: 'escalated',
} as const;

/** The calendar months lying wholly inside [first, last] (days), and the days left over. */
function splitByMonth(first: string, last: string) {
  const monthStart = (d: string) => `${d.slice(0, 7)}-01`;
  const nextMonth = (d: string) => {
    const t = new Date(`${monthStart(d)}T00:00:00Z`);
    t.setUTCMonth(t.getUTCMonth() + 1);
    return t.toISOString().slice(0, 10);
  };
  const dayBefore = (d: string) =>
    new Date(Date.parse(`${d}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
  // the first whole month starts on `first` or at the next month; the last ends on `last`
  const from = first === monthStart(first) ? first : nextMonth(first);
  const to = dayBefore(nextMonth(last)) === last ? nextMonth(last) : monthStart(last);
  if (from >= to) return { months: null, days: [[first, last]] as [string, string][] };
  const days: [string, string][] = [];
  if (first < from) days.push([first, dayBefore(from)]);
  if (to <= last) days.push([to, last]);
  return { months: [from.slice(0, 7), dayBefore(to).slice(0, 7)] as [string, string], days };
}

/**
 * Content gaps, grouped by normalized query, most searched first (then alphabetically).
 * Searches count by the day they were made, with their contact's agent department and channel
 * (see stats_search_gaps). Whole months come from search_gap_months, the days around them from
 * search_gap_days; the latest day is then looked up for the groups shown.
 */
export async function gaps(
  db: Queryable,
  f: StatsFilter,
  kind: keyof typeof GAP_KIND,
  limit: number,
): Promise<GapRow[]> {
  const { first, last } = days(f);
  const split = splitByMonth(first, last);
  const params: Record<string, Param> = { '@kind': GAP_KIND[kind], '@limit': limit };
  const dims = [
    f.agentDepartmentId === undefined ? '' : 'AND r.agent_department_id = @department',
    f.channel === undefined ? '' : 'AND r.channel = @channel',
  ].join(' ');
  const parts: string[] = [];
  // sqlite3 refuses values for parameters a statement does not use: only those it does
  if (split.months || f.agentDepartmentId !== undefined)
    params['@department'] = f.agentDepartmentId ?? 0;
  if (split.months || f.channel !== undefined) params['@channel'] = f.channel ?? '*';
  if (split.months) {
    params['@m1'] = split.months[0];
    params['@m2'] = split.months[1];
    parts.push(`SELECT normalized_query AS query, n FROM search_gap_months
      WHERE kind = @kind AND agent_department_id = @department AND channel = @channel
        AND month >= @m1 AND month <= @m2`);
  }
  split.days.forEach(([a, b], i) => {
    params[`@a${i}`] = a;
    params[`@b${i}`] = b;
    parts.push(`SELECT r.normalized_query AS query, r.n FROM search_gap_days r
      WHERE r.kind = @kind AND r.day >= @a${i} AND r.day <= @b${i} ${dims}`);
  });
  const groups = await db.all<{ query: string; count: number }>(
    `SELECT query, sum(n) AS count FROM (${parts.join(' UNION ALL ')})
     GROUP BY query HAVING count > 0 ORDER BY count DESC, query LIMIT @limit`,
    params,
  );
  if (groups.length === 0) return [];
  // newest first along search_gap_days_query, stopping at the first day that counts
  const latest = await db.all<{ query: string; lastDay: string }>(
    `SELECT q.value AS query, (
       SELECT r.day FROM search_gap_days r
       WHERE r.kind = @kind AND r.normalized_query = q.value AND r.day >= @first
         AND r.day <= @last AND r.n > 0 ${dims}
       ORDER BY r.day DESC LIMIT 1) AS lastDay
     FROM json_each(@queries) q`,
    {
      '@kind': GAP_KIND[kind],
      '@queries': JSON.stringify(groups.map((g) => g.query)),
      '@first': first,
      '@last': last,
      ...(f.agentDepartmentId !== undefined && { '@department': f.agentDepartmentId }),
      ...(f.channel !== undefined && { '@channel': f.channel }),
    },
  );
  const lastDay = new Map(latest.map((l) => [l.query, l.lastDay]));
  return groups.map((g) => ({ ...g, lastDay: lastDay.get(g.query)! }));
}
