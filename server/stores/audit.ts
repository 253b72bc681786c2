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
  limit: number;
  offset: number;
}

export async function listAudit(
  db: Queryable,
  f: AuditFilter,
): Promise<{ rows: AuditRow[]; total: number }> {
  const where: string[] = [];
  const params: Param[] = [];
  if (f.entity !== undefined) {
    where.push('l.entity = ?');
    params.push(f.entity);
  }
  if (f.entityId !== undefined) {
    where.push('l.entity_id = ?');
    params.push(f.entityId);
  }
  if (f.action !== undefined) {
    where.push('l.action = ?');
    params.push(f.action);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (await db.get<{ n: number }>(
    `SELECT count(*) AS n FROM audit_log l ${clause}`,
    params,
  ))!.n;
  const rows = await db.all<Omit<AuditRow, 'detail'> & { detail: string }>(
    `SELECT l.id, l.at, l.actor_id AS actorId, u.name AS actorName, l.action, l.entity,
       l.entity_id AS entityId, l.detail
     FROM audit_log l LEFT JOIN users u ON u.id = l.actor_id ${clause}
     ORDER BY l.id DESC LIMIT ? OFFSET ?`,
    [...params, f.limit, f.offset],
  );
  return {
    rows: rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> })),
    total,
  };
}
