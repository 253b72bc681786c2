import type { Queryable } from '../db/connection';

export type ContactActionKind = 'close' | 'tried';

export interface ContactActionRow {
  id: number;
  kind: ContactActionKind;
  articleId: number | null;
  at: string;
}

/** Records what an agent just did to a contact, so that it can be taken back (undo.ts). */
export const insertContactAction = (
  db: Queryable,
  a: { contactId: number; userId: number; kind: ContactActionKind; articleId: number | null },
) =>
  db.run(
    `INSERT INTO contact_actions (contact_id, user_id, kind, article_id, at) VALUES (?, ?, ?, ?, ?)`,
    [a.contactId, a.userId, a.kind, a.articleId, new Date().toISOString()],
  );

/** The contact's latest action that was not taken back. */
export const latestContactAction = (db: Queryable, contactId: number) =>
  db.get<ContactActionRow>(
    `SELECT id, kind, article_id AS articleId, at FROM contact_actions
     WHERE contact_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1`,
    [contactId],
  );

export const markContactActionUndone = (db: Queryable, id: number, at: string) =>
  db.run('UPDATE contact_actions SET undone_at = ? WHERE id = ?', [at, id]);
