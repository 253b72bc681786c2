import type { Param, Queryable } from '../db/connection';

export interface ImpactRow {
  id: number;
  slug: string;
  title: string;
  departmentSlug: string;
  confidence: string;
  verifyBy: string | null;
  lastVerified: string | null;
  /** contacts that opened, tried or solved with the article */
  uses: number;
  solves: number;
  /** "tried, didn't solve" on contacts the article did not end up solving */
  failedTries: number;
  /** solves by agents of another department than the article's (DESIGN §3) */
  escalationsAvoided: number;
  openFlags: number;
}

/**
 * DESIGN §3 "article impact" over contacts closed in [from, to) (ISO instants): one row per
 * article, optionally only one department's. Activity is counted by the contact's close time.
 */
export function articleImpact(
  db: Queryable,
  f: { from: string; to: string; departmentId?: number },
): Promise<ImpactRow[]> {
  const params: Param[] = [f.from, f.to];
  let where = '';
  if (f.departmentId !== undefined) {
    where = 'WHERE a.department_id = ?';
    params.push(f.departmentId);
  }
  return db.all<ImpactRow>(
    `WITH closed AS (
       SELECT id, article_id, agent_department_id, article_department_id FROM contacts
       WHERE closed_at >= ?1 AND closed_at < ?2
     ),
     touched AS (
       SELECT ca.article_id, ca.contact_id, ca.kind FROM contact_articles ca
       JOIN closed c ON c.id = ca.contact_id
       UNION ALL
       SELECT article_id, id, 'solved' FROM closed WHERE article_id IS NOT NULL
     ),
     per_article AS (
       SELECT t.article_id,
         count(DISTINCT t.contact_id) AS uses,
         sum(t.kind = 'solved') AS solves,
         sum(t.kind = 'tried' AND NOT EXISTS (
           SELECT 1 FROM closed c WHERE c.id = t.contact_id AND c.article_id = t.article_id)) AS failedTries
       FROM touched t GROUP BY t.article_id
     ),
     avoided AS (
       SELECT article_id, count(*) AS n FROM closed
       WHERE article_id IS NOT NULL AND article_department_id <> agent_department_id
       GROUP BY article_id
     ),
     flagged AS (SELECT article_id, count(*) AS n FROM flags WHERE status = 'open' GROUP BY article_id)
     SELECT a.id, a.slug, a.title, d.slug AS departmentSlug, a.confidence, a.verify_by AS verifyBy,
       a.verified_at AS lastVerified,
       coalesce(p.uses, 0) AS uses, coalesce(p.solves, 0) AS solves,
       coalesce(p.failedTries, 0) AS failedTries, coalesce(v.n, 0) AS escalationsAvoided,
       coalesce(fl.n, 0) AS openFlags
     FROM articles a JOIN departments d ON d.id = a.department_id
     LEFT JOIN per_article p ON p.article_id = a.id
     LEFT JOIN avoided v ON v.article_id = a.id
     LEFT JOIN flagged fl ON fl.article_id = a.id
     ${where.replace('?', '?3')}
     ORDER BY uses DESC, a.id`,
    params,
  );
}
