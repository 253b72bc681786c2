import type { Queryable } from '../db/connection';

export type FlagReason = 'outdated' | 'incorrect' | 'unclear' | 'missing_step' | 'failing';

export interface FlagRow {
  id: number;
  articleId: number;
  articleSlug: string;
  articleTitle: string;
  departmentId: number;
  userId: number | null;
  userName: string | null;
  contactId: number | null;
  reason: FlagReason;
  comment: string;
  status: 'open' | 'resolved';
  createdAt: string;
}

const SELECT = `SELECT f.id, f.article_id AS articleId, a.slug AS articleSlug,
  a.title AS articleTitle, f.department_id AS departmentId, f.user_id AS userId,
  u.name AS userName, f.contact_id AS contactId, f.reason, f.comment, f.status,
  f.created_at AS createdAt
  FROM flags f JOIN articles a ON a.id = f.article_id LEFT JOIN users u ON u.id = f.user_id`;

export interface NewFlag {
  articleId: number;
  departmentId: number;
  userId: number | null;
  contactId: number | null;
  reason: FlagReason;
  comment: string;
  at: string;
}

export async function insertFlag(db: Queryable, f: NewFlag): Promise<number> {
  const { lastID } = await db.run(
    `INSERT INTO flags (article_id, department_id, user_id, contact_id, reason, comment, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [f.articleId, f.departmentId, f.userId, f.contactId, f.reason, f.comment, f.at],
  );
  return lastID;
}

export const findFlag = (db: Queryable, id: number) =>
  db.get<FlagRow>(`${SELECT} WHERE f.id = ?`, [id]);

export const openFlagsOf = (db: Queryable, departmentId: number) =>
  db.all<FlagRow>(`${SELECT} WHERE f.department_id = ? AND f.status = 'open' ORDER BY f.id DESC`, [
    departmentId,
  ]);

export const hasOpenFlag = async (db: Queryable, articleId: number, reason: FlagReason) =>
  (await db.get<{ id: number }>(
    `SELECT id FROM flags WHERE article_id = ? AND reason = ? AND status = 'open' LIMIT 1`,
    [articleId, reason],
  )) !== undefined;

export const resolveFlag = (
  db: Queryable,
  id: number,
  by: number | null,
  note: string,
  at: string,
) =>
  db.run(
    `UPDATE flags SET status = 'resolved', resolved_by = ?, resolution_note = ?, resolved_at = ?
     WHERE id = ? AND status = 'open'`,
    [by, note, at, id],
  );
