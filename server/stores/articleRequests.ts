import type { Queryable } from '../db/connection';

export interface ArticleRequestRow {
  id: number;
  departmentId: number;
  contactId: number;
  requestedById: number;
  requestedByName: string;
  queries: string[];
  reason: string;
  status: 'open' | 'resolved';
  articleId: number | null;
  createdAt: string;
}

const SELECT = `SELECT r.id, r.department_id AS departmentId, r.contact_id AS contactId,
  r.requested_by AS requestedById, u.name AS requestedByName, r.queries, r.reason, r.status,
  r.article_id AS articleId, r.created_at AS createdAt
  FROM article_requests r JOIN users u ON u.id = r.requested_by`;

type Raw = Omit<ArticleRequestRow, 'queries'> & { queries: string };
const parse = (r: Raw): ArticleRequestRow => ({ ...r, queries: JSON.parse(r.queries) as string[] });

export interface NewArticleRequest {
  departmentId: number;
  contactId: number;
  requestedBy: number;
  queries: string[];
  reason: string;
  at: string;
}

export async function insertArticleRequest(db: Queryable, r: NewArticleRequest): Promise<number> {
  const { lastID } = await db.run(
    `INSERT INTO article_requests (department_id, contact_id, requested_by, queries, reason, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
    [r.departmentId, r.contactId, r.requestedBy, JSON.stringify(r.queries), r.reason, r.at],
  );
  return lastID;
}

export async function openRequestsOf(
  db: Queryable,
  departmentId: number,
): Promise<ArticleRequestRow[]> {
  const rows = await db.all<Raw>(
    `${SELECT} WHERE r.department_id = ? AND r.status = 'open' ORDER BY r.id DESC`,
    [departmentId],
  );
  return rows.map(parse);
}

/** The request produced an article: it leaves the queue (time to publish counts from it). */
export const resolveArticleRequest = (db: Queryable, id: number, articleId: number, at: string) =>
  db.run(
    `UPDATE article_requests SET status = 'resolved', article_id = ?, resolved_at = ? WHERE id = ?`,
    [articleId, at, id],
  );

export async function findArticleRequest(
  db: Queryable,
  id: number,
): Promise<ArticleRequestRow | undefined> {
  const row = await db.get<Raw>(`${SELECT} WHERE r.id = ?`, [id]);
  return row && parse(row);
}

export const linkArticleToRequest = (db: Queryable, id: number, articleId: number) =>
  db.run('UPDATE article_requests SET article_id = ? WHERE id = ?', [articleId, id]);

/** Resolves the article's open requests; returns their ids. */
export async function resolveRequestsForArticle(
  db: Queryable,
  articleId: number,
  by: number | null,
  at: string,
): Promise<number[]> {
  const open = await db.all<{ id: number }>(
    `SELECT id FROM article_requests WHERE article_id = ? AND status = 'open'`,
    [articleId],
  );
  await db.run(
    `UPDATE article_requests SET status = 'resolved', resolved_at = ?, resolved_by = ?,
       resolution_note = 'Article published' WHERE article_id = ? AND status = 'open'`,
    [at, by, articleId],
  );
  return open.map((r) => r.id);
}

export const resolveArticleRequestWithNote = (
  db: Queryable,
  id: number,
  by: number | null,
  note: string,
  at: string,
) =>
  db.run(
    `UPDATE article_requests SET status = 'resolved', resolved_by = ?, resolution_note = ?,
       resolved_at = ? WHERE id = ? AND status = 'open'`,
    [by, note, at, id],
  );

/** The "needs an article" request a contact filed, withdrawn with its undone escalation. */
export const deleteRequestOfContact = (db: Queryable, contactId: number) =>
  db.run('DELETE FROM article_requests WHERE contact_id = ?', [contactId]);
