/** The statistics roll-ups (migrations 005, 007, 008) as rows, for comparing with a rebuild. */
import type { TestContext } from './app';

const TABLES = {
  contact_days: 'scope_department_id, day, agent_department_id, channel, article_department_id',
  solve_repeat_days: 'scope_department_id, day, agent_department_id, channel, repeat_days',
  article_days: 'day, article_id, agent_department_id, channel',
  search_gap_days: 'kind, day, normalized_query, agent_department_id, channel',
  search_gap_months: 'kind, agent_department_id, channel, month, normalized_query',
} as const;

/** Every roll-up's rows, without the ones whose counts all went back to zero. */
export async function rollupSnapshot(ctx: TestContext) {
  const out: Record<string, unknown[]> = {};
  for (const [table, key] of Object.entries(TABLES)) {
    const rows = await ctx.db.all<Record<string, unknown>>(
      `SELECT * FROM ${table} ORDER BY ${key}`,
    );
    out[table] = rows.filter((r) =>
      Object.entries(r).some(
        ([k, v]) => !key.split(', ').includes(k) && typeof v === 'number' && v !== 0,
      ),
    );
  }
  return out;
}
