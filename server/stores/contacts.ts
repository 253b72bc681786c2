import type { Param, Queryable } from '../db/connection';

export type Channel = 'phone' | 'chat' | 'email';
export type Outcome = 'solved' | 'escalated' | 'follow_up';

export interface ContactRow {
  id: number;
  agentId: number;
  agentName: string;
  agentDepartmentId: number;
  agentDepartmentSlug: string;
  agentDepartmentName: string;
  channel: Channel;
  customerRef: string | null;
  externalId: string | null;
  openingReason: string | null;
  startedAt: string;
  closedAt: string | null;
  outcome: Outcome | null;
  articleId: number | null;
  articleSlug: string | null;
  articleTitle: string | null;
  articleDepartmentSlug: string | null;
  articleDepartmentName: string | null;
  escalatedToSlug: string | null;
  escalatedToName: string | null;
  reason: string | null;
  note: string | null;
  needsArticle: 0 | 1;
}

export interface ContactArticleRow {
  kind: 'opened' | 'tried';
  id: number;
  slug: string;
  title: string;
  at: string;
}

const SELECT = `SELECT c.id, c.agent_id AS agentId, u.name AS agentName,
  c.agent_department_id AS agentDepartmentId, ad.slug AS agentDepartmentSlug,
  ad.name AS agentDepartmentName, c.channel, c.customer_ref AS customerRef,
  c.external_id AS externalId, c.opening_reason AS openingReason,
  c.started_at AS startedAt, c.closed_at AS closedAt, c.outcome,
  c.article_id AS articleId, a.slug AS articleSlug, a.title AS articleTitle,
  artd.slug AS articleDepartmentSlug, artd.name AS articleDepartmentName,
  ed.slug AS escalatedToSlug, ed.name AS escalatedToName, c.reason, c.note,
  EXISTS (SELECT 1 FROM article_requests r WHERE r.contact_id = c.id) AS needsArticle
  FROM contacts c
  JOIN users u ON u.id = c.agent_id
  JOIN departments ad ON ad.id = c.agent_department_id
  LEFT JOIN articles a ON a.id = c.article_id
  LEFT JOIN departments artd ON artd.id = c.article_department_id
  LEFT JOIN departments ed ON ed.id = c.escalated_to`;

export const countContacts = async (db: Queryable) =>
  (await db.get<{ n: number }>('SELECT count(*) AS n FROM contacts'))!.n;

export const findContact = (db: Queryable, id: number) =>
  db.get<ContactRow>(`${SELECT} WHERE c.id = ?`, [id]);

export const findContactIdByExternalId = async (db: Queryable, externalId: string) =>
  (await db.get<{ id: number }>('SELECT id FROM contacts WHERE external_id = ?', [externalId]))?.id;

export interface ContactFilter {
  agentId?: number;
  status?: 'open' | 'closed';
  limit: number;
  offset: number;
}

export async function listContacts(
  db: Queryable,
  f: ContactFilter,
): Promise<{ rows: ContactRow[]; total: number }> {
  const where: string[] = [];
  const params: Param[] = [];
  if (f.agentId !== undefined) {
    where.push('c.agent_id = ?');
    params.push(f.agentId);
  }
  if (f.status) where.push(f.status === 'open' ? 'c.closed_at IS NULL' : 'c.closed_at IS NOT NULL');
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (await db.get<{ n: number }>(
    `SELECT count(*) AS n FROM contacts c ${clause}`,
    params,
  ))!.n;
  const rows = await db.all<ContactRow>(
    `${SELECT} ${clause} ORDER BY c.started_at DESC, c.id DESC LIMIT ? OFFSET ?`,
    [...params, f.limit, f.offset],
  );
  return { rows, total };
}

export interface NewContact {
  agentId: number;
  agentDepartmentId: number;
  channel: Channel;
  customerRef: string | null;
  startedAt: string;
  externalId?: string | null;
  openingReason?: string | null;
  openedByToken?: number | null;
}

/**
 * Inserts a contact and keeps `next_contact_at` (the same customer's next contact) exact, in
 * whatever order contacts arrive (imports of history may come out of order).
 */
export async function insertContact(db: Queryable, c: NewContact): Promise<number> {
  const next =
    c.customerRef === null
      ? undefined
      : await db.get<{ at: string | null }>(
          `SELECT min(started_at) AS at FROM contacts WHERE customer_ref = ? AND started_at > ?`,
          [c.customerRef, c.startedAt],
        );
  const { lastID } = await db.run(
    `INSERT INTO contacts (agent_id, agent_department_id, channel, customer_ref, started_at,
       next_contact_at, external_id, opening_reason, opened_by_token)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      c.agentId,
      c.agentDepartmentId,
      c.channel,
      c.customerRef,
      c.startedAt,
      next?.at ?? null,
      c.externalId ?? null,
      c.openingReason ?? null,
      c.openedByToken ?? null,
    ],
  );
  if (c.customerRef !== null) {
    await db.run(
      `UPDATE contacts SET next_contact_at = ?1
       WHERE customer_ref = ?2 AND started_at < ?1 AND (next_contact_at IS NULL OR next_contact_at > ?1)`,
      [c.startedAt, c.customerRef],
    );
  }
  return lastID;
}

export interface ContactClose {
  outcome: Outcome;
  closedAt: string;
  articleId: number | null;
  articleDepartmentId: number | null;
  escalatedTo: number | null;
  reason: string | null;
  note: string | null;
}

/** Closes an open contact; false when it was already closed (nothing changes then). */
export async function closeContact(db: Queryable, id: number, c: ContactClose): Promise<boolean> {
  const { changes } = await db.run(
    `UPDATE contacts SET outcome = ?, closed_at = ?, article_id = ?, article_department_id = ?,
       escalated_to = ?, reason = ?, note = ?
     WHERE id = ? AND closed_at IS NULL`,
    [
      c.outcome,
      c.closedAt,
      c.articleId,
      c.articleDepartmentId,
      c.escalatedTo,
      c.reason,
      c.note,
      id,
    ],
  );
  return changes === 1;
}

/** Records that an article was opened or tried during a contact (once per kind). */
export const addContactArticle = (
  db: Queryable,
  contactId: number,
  articleId: number,
  kind: 'opened' | 'tried',
  at: string,
) =>
  db.run(
    `INSERT INTO contact_articles (contact_id, article_id, kind, at) VALUES (?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
    [contactId, articleId, kind, at],
  );

/** The articles opened and tried in several contacts, in one query. */
export const articlesOfContacts = (db: Queryable, contactIds: readonly number[]) =>
  db.all<ContactArticleRow & { contactId: number }>(
    `SELECT ca.contact_id AS contactId, ca.kind, a.id, a.slug, a.title, ca.at
     FROM contact_articles ca JOIN articles a ON a.id = ca.article_id
     WHERE ca.contact_id IN (${contactIds.map(() => '?').join(',') || 'NULL'})
     ORDER BY ca.at, a.id`,
    [...contactIds],
  );

/** Solves per article among contacts closed since `since`: the "solved N contacts" badge. */
export const recentSolves = (db: Queryable, since: string) =>
  db.all<{ articleId: number; solves: number }>(
    `SELECT article_id AS articleId, count(*) AS solves FROM contacts
     WHERE article_id IS NOT NULL AND closed_at >= ? GROUP BY article_id`,
    [since],
  );

/**
 * How many different agents solved a contact with the article since it last became
 * not validated (solves from before an engineer's demotion do not count again).
 */
export const distinctSolvers = async (db: Queryable, articleId: number) =>
  (await db.get<{ n: number }>(
    `SELECT count(DISTINCT agent_id) AS n FROM contacts
     WHERE article_id = ?1 AND outcome = 'solved' AND closed_at >= coalesce(
       (SELECT min(created_at) FROM article_versions WHERE article_id = ?1 AND version >
         (SELECT coalesce(max(version), 0) FROM article_versions
          WHERE article_id = ?1 AND confidence <> 'not_validated')), '')`,
    [articleId],
  ))!.n;

/**
 * "Tried, didn't solve" marks on the article since `since`, or since its last failing flag
 * was resolved.
 */
export const recentTries = async (db: Queryable, articleId: number, since: string) =>
  (await db.get<{ n: number }>(
    `SELECT count(*) AS n FROM contact_articles WHERE article_id = ?1 AND kind = 'tried'
       AND at >= ?2 AND at > coalesce((SELECT max(resolved_at) FROM flags
         WHERE article_id = ?1 AND reason = 'failing' AND status = 'resolved'), '')`,
    [articleId, since],
  ))!.n;

/**
 * Opens a closed contact again (an undone outcome): outcome, article link and escalation go;
 * migration 007's trigger takes its share out of the roll-ups. False when it was open.
 */
export async function reopenContact(db: Queryable, id: number): Promise<boolean> {
  const { changes } = await db.run(
    `UPDATE contacts SET closed_at = NULL, outcome = NULL, article_id = NULL,
       article_department_id = NULL, escalated_to = NULL, reason = NULL, note = NULL
     WHERE id = ? AND closed_at IS NOT NULL`,
    [id],
  );
  return changes === 1;
}

/** Takes back a "tried, didn't solve" mark (the article stays opened: the agent did read it). */
export const removeTried = (db: Queryable, contactId: number, articleId: number) =>
  db.run(
    `DELETE FROM contact_articles WHERE contact_id = ? AND article_id = ? AND kind = 'tried'`,
    [contactId, articleId],
  );
