import type { Queryable } from '../../db/connection';
import { recentSolves } from '../../stores/contacts';

/** "Solved N contacts in the last 30 days" looks this far back. */
export const SOLVE_WINDOW_DAYS = 30;
/** A recount after this long; solves logged meanwhile are counted in memory. */
const REFRESH_MS = 60_000;

/**
 * Recent solves per article, for ranking and the badge on every hit. Search runs on every
 * keystroke, so it reads this map, never the contacts table: the map is recounted in the
 * background at most once a minute (which also lets old solves age out) and bumped at once
 * when an agent logs a solve.
 */
export class SolveCounts {
  private counts = new Map<number, number>();
  private countedAt = -Infinity;
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly db: Queryable,
    private readonly onError: (err: unknown) => void = () => {},
  ) {
    void this.refresh(); // counted before the first agent searches
  }

  of(articleId: number): number {
    if (Date.now() - this.countedAt > REFRESH_MS) void this.refresh();
    return this.counts.get(articleId) ?? 0;
  }

  /** A solve just logged; history imported with an older close time waits for the recount. */
  recordSolve(articleId: number, closedAt: string): void {
    if (Date.parse(closedAt) < Date.now() - SOLVE_WINDOW_DAYS * 86_400_000) return;
    this.counts.set(articleId, (this.counts.get(articleId) ?? 0) + 1);
  }

  /** A solve taken back (undo): it no longer counts. */
  forgetSolve(articleId: number, closedAt: string): void {
    if (Date.parse(closedAt) < Date.now() - SOLVE_WINDOW_DAYS * 86_400_000) return;
    const n = (this.counts.get(articleId) ?? 0) - 1;
    if (n > 0) this.counts.set(articleId, n);
    else this.counts.delete(articleId);
  }

  /** Recounts from the database; concurrent callers share one recount. */
  refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      const since = new Date(Date.now() - SOLVE_WINDOW_DAYS * 86_400_000).toISOString();
      try {
        const rows = await recentSolves(this.db, since);
        this.counts = new Map(rows.map((r) => [r.articleId, r.solves]));
        this.countedAt = Date.now();
      } catch (err) {
        this.onError(err);
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }
}
