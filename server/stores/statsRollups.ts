import type { Queryable } from '../db/connection';

/** The roll-ups of migration 005 that are each refilled from their view (migration 006). */
const REBUILT = ['contact_days', 'solve_repeat_days', 'article_days', 'search_gap_days'] as const;

/**
 * Recomputes every statistics roll-up from the rows they sum: each is what its view
 * `stats_rebuild_<table>` says, the one place those sums are written. Triggers keep them exact
 * for the application's writes; a bulk loader that inserts closed contacts directly (`cli
 * generate`) calls this afterwards, in one transaction with its last writes.
 */
export async function rebuildStatsRollups(db: Queryable): Promise<void> {
  // search_gap_months follows search_gap_days by trigger: emptied first, refilled with it
  await db.run('DELETE FROM search_gap_months');
  for (const table of REBUILT) {
    await db.run(`DELETE FROM ${table}`);
    await db.run(`INSERT INTO ${table} SELECT * FROM stats_rebuild_${table}`);
  }
}
