import type { Queryable } from '../db/connection';

/**
 * Recomputes every statistics roll-up (migration 005) from the rows they sum. Triggers keep
 * them exact for the application's writes; a bulk loader that inserts closed contacts directly
 * (`cli generate`) calls this afterwards, in one transaction with its last writes.
 */
export async function rebuildStatsRollups(db: Queryable): Promise<void> {
  // search_gap_months follows search_gap_days by trigger: emptied first, refilled with it
  for (const table of [
    'contact_days',
    'solve_repeat_days',
    'article_days',
    'search_gap_months',
    'search_gap_days',
  ])
    await db.run(`DELETE FROM ${table}`);
  // the same statements as the end of 005_stats_rollups.sql
  await db.run(`INSERT INTO contact_days
    SELECT s.scope_department_id, f.day, f.agent_department_id, f.channel, f.article_department_id,
      count(*), sum(f.solved), sum(f.escalated), sum(f.follow_up), sum(f.with_ref), sum(f.avoided),
      sum(f.linked), sum(f.solved_with_article), sum(f.reused)
    FROM stats_contact_facts f JOIN stats_contact_scopes s ON s.contact_id = f.id
    GROUP BY 1, 2, 3, 4, 5`);
  await db.run(`INSERT INTO solve_repeat_days
    SELECT s.scope_department_id, f.day, f.agent_department_id, f.channel, f.repeat_days, count(*)
    FROM stats_contact_facts f JOIN stats_contact_scopes s ON s.contact_id = f.id
    WHERE f.repeat_days IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5`);
  await db.run(`INSERT INTO article_days
    SELECT day, article_id, agent_department_id, channel, count(*), sum(solves), sum(failed_tries),
      sum(avoided)
    FROM stats_article_facts GROUP BY 1, 2, 3, 4`);
  await db.run(`INSERT INTO search_gap_days
    SELECT kind, day, normalized_query, agent_department_id, channel, count(*)
    FROM stats_search_gaps GROUP BY 1, 2, 3, 4, 5`);
}
