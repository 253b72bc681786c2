import type { Confidence } from '../contract/enums';
import type { Param, Queryable } from '../db/connection';

export interface ImpactRow {
  id: number;
  slug: string;
  title: string;
  departmentSlug: string;
  confidence: Confidence;
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

export interface ImpactFilter {
  /** whole UTC days: [from, to) are midnights */
  from: string;
  to: string;
  /** the article's department */
  departmentId?: number;
  /** the contact's agent department and channel */
  agentDepartmentId?: number;
  channel?: string;
}

/**
 * DESIGN §3 "article impact" over contacts closed in [from, to): one row per article,
 * optionally only one department's, from the daily roll-up `article_days` (migration 005).
 */
export function articleImpact(db: Queryable, f: ImpactFilter): Promise<ImpactRow[]> {
  const params: Record<string, Param> = {
    '@first': f.from.slice(0, 10),
    '@last': new Date(Date.parse(f.to) - 86_400_000).toISOString().slice(0, 10),
  };
  const used = ['r.day >= @first', 'r.day <= @last'];
  if (f.agentDepartmentId !== undefined) {
    used.push('r.agent_department_id = @agentDepartment');
    params['@agentDepartment'] = f.agentDepartmentId;
  }
  if (f.channel !== undefined) {
    used.push('r.channel = @channel');
    params['@channel'] = f.channel;
  }
  let where = '';
  if (f.departmentId !== undefined) {
    where = 'WHERE a.department_id = @department';
    params['@department'] = f.departmentId;
  }
  return db.all<ImpactRow>(
    `WITH per_article AS (
       SELECT r.article_id, sum(r.uses) AS uses, sum(r.solves) AS solves,
         sum(r.failed_tries) AS failedTries, sum(r.avoided) AS avoided
       FROM article_days r WHERE ${used.join(' AND ')} GROUP BY r.article_id
     ),
     flagged AS (SELECT article_id, count(*) AS n FROM flags WHERE status = 'open' GROUP BY article_id)
     SELECT a.id, a.slug, a.title, d.slug AS departmentSlug, a.confidence, a.verify_by AS verifyBy,
       a.verified_at AS lastVerified,
       coalesce(p.uses, 0) AS uses, coalesce(p.solves, 0) AS solves,
       coalesce(p.failedTries, 0) AS failedTries, coalesce(p.avoided, 0) AS escalationsAvoided,
       coalesce(fl.n, 0) AS openFlags
     FROM articles a JOIN departments d ON d.id = a.department_id
     LEFT JOIN per_article p ON p.article_id = a.id
     LEFT JOIN flagged fl ON fl.article_id = a.id
     ${where}
     ORDER BY uses DESC, a.id`,
    params,
  );
}
