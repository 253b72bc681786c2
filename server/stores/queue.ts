import type { Queryable } from '../db/connection';

export interface QueueArticleRow {
  id: number;
  slug: string;
  title: string;
  verifyBy: string | null;
  /** failing articles: "tried, didn't solve" marks in the period */
  tries?: number;
}

/** Validated articles of the department past their verify-by date. */
export const staleArticles = (db: Queryable, departmentId: number, today: string) =>
  db.all<QueueArticleRow>(
    `SELECT id, slug, title, verify_by AS verifyBy FROM articles
     WHERE department_id = ? AND confidence = 'validated' AND verify_by IS NOT NULL AND verify_by < ?
     ORDER BY verify_by, id`,
    [departmentId, today],
  );

/**
 * Validated articles of the department tried without solving at least `threshold` times since
 * `since`, or since their last failing flag was resolved (a resolved flag starts a new count).
 */
export const failingArticles = (
  db: Queryable,
  departmentId: number,
  since: string,
  threshold: number,
) =>
  db.all<QueueArticleRow>(
    `SELECT a.id, a.slug, a.title, a.verify_by AS verifyBy, count(*) AS tries
     FROM contact_articles ca JOIN articles a ON a.id = ca.article_id
     WHERE a.department_id = ? AND a.confidence = 'validated' AND ca.kind = 'tried' AND ca.at >= ?
       AND ca.at > coalesce((SELECT max(f.resolved_at) FROM flags f
         WHERE f.article_id = a.id AND f.reason = 'failing' AND f.status = 'resolved'), '')
     GROUP BY a.id HAVING count(*) >= ? ORDER BY tries DESC, a.id`,
    [departmentId, since, threshold],
  );
