import type { Param, Queryable } from '../db/connection';

export interface AuditEntry {
  actorId: number | null;
  action: string;
  entity: string;
  entityId: number | null;
  detail?: Record<string, unknown>;
  at?: string;
}

export interface AuditRow {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: number | null;
  entityLabel: string | null;
  detail: Record<string, unknown>;
}

export const insertAudit = (db: Queryable, e: AuditEntry) =>
  db.run(
    `INSERT INTO audit_log (at, actor_id, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)`,
    [
      e.at ?? new Date().toISOString(),
      e.actorId,
      e.action,
      e.entity,
      e.entityId,
      JSON.stringify(e.detail ?? {}),
    ],
  );

export interface AuditFilter {
  entity?: string;
  entityId?: number;
  action?: string;
  actorId?: number;
  /** inclusive UTC days */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/**
 * What a reader calls the thing an entry is about, looked up now (a renamed article shows its
 * current title): articles by title, people and departments by name, flags by their article.
 */
const LABEL = `CASE l.entity
    WHEN 'article' THEN (SELECT a.title FROM articles a WHERE a.id = l.entity_id)
    WHEN 'user' THEN (SELECT p.name FROM users p WHERE p.id = l.entity_id)
    WHEN 'department' THEN (SELECT d.name FROM departments d WHERE d.id = l.entity_id)
    WHEN 'flag' THEN (SELECT a.title FROM flags f JOIN articles a ON a.id = f.article_id
                      WHERE f.id = l.entity_id)
    WHEN 'request' THEN (SELECT 'Contact #' || r.contact_id FROM article_requests r
                         WHERE r.id = l.entity_id)
    WHEN 'contact' THEN 'Contact #' || l.entity_id
  END`;

/** The day after an inclusive UTC day, as the ISO prefix entries are compared with. */
const dayAfter = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function whereOf(f: AuditFilter): { clause: string; params: Param[] } {
  const where: string[] = [];
  const params: Param[] = [];
  const add = (sql: string, value: Param) => {
    where.push(sql);
    params.push(value);
  };
  if (f.entity !== undefined) add('l.entity = ?', f.entity);
  if (f.entityId !== undefined) add('l.entity_id = ?', f.entityId);
  if (f.action !== undefined) add('l.action = ?', f.action);
  if (f.actorId !== undefined) add('l.actor_id = ?', f.actorId);
  if (f.from !== undefined) add('l.at >= ?', f.from);
  if (f.to !== undefined) add('l.at < ?', dayAfter(f.to));
  return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** A page of entries, newest first, and how many match in all. */
export async function listAudit(
  db: Queryable,
  f: AuditFilter,
): Promise<{ rows: AuditRow[]; total: number }> {
  const { clause, params } = whereOf(f);
  const total = (await db.get<{ n: number }>(
    `SELECT count(*) AS n FROM audit_log l ${clause}`,
    params,
  ))!.n;
  const rows = await db.all<Omit<AuditRow, 'detail'> & { detail: string }>(
    `SELECT l.id, l.at, l.actor_id AS actorId, u.name AS actorName, l.action, l.entity,
       l.entity_id AS entityId, ${LABEL} AS entityLabel, l.detail
     FROM audit_log l LEFT JOIN users u ON u.id = l.actor_id ${clause}
     ORDER BY l.id DESC LIMIT ? OFFSET ?`,
    [...params, f.limit, f.offset],
  );
  return {
    rows: rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> })),
    total,
  };
}
