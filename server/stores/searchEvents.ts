import type { Queryable } from '../db/connection';

export interface SearchEventData {
  userId: number;
  contactId: number | null;
  query: string;
  normalizedQuery: string;
  filters: Record<string, string>;
  resultCount: number;
  shownIds: number[];
  tookMs: number;
  at: string;
}

export async function insertSearchEvent(db: Queryable, e: SearchEventData): Promise<number> {
  const { lastID } = await db.run(
    `INSERT INTO search_events (user_id, contact_id, query, normalized_query, filters,
       result_count, shown_ids, took_ms, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      e.userId,
      e.contactId,
      e.query,
      e.normalizedQuery,
      JSON.stringify(e.filters),
      e.resultCount,
      JSON.stringify(e.shownIds),
      e.tookMs,
      e.at,
      e.at,
    ],
  );
  return lastID;
}

/** The next keystroke of a burst replaces what the event says it searched and found. */
export const updateSearchEvent = (db: Queryable, id: number, e: SearchEventData) =>
  db.run(
    `UPDATE search_events SET query = ?, normalized_query = ?, filters = ?, result_count = ?,
       shown_ids = ?, took_ms = ?, updated_at = ? WHERE id = ?`,
    [
      e.query,
      e.normalizedQuery,
      JSON.stringify(e.filters),
      e.resultCount,
      JSON.stringify(e.shownIds),
      e.tookMs,
      e.at,
      id,
    ],
  );

/** Marks the contact's latest search as the one that led to opening `articleId`. */
export const markLatestSearchOpened = (db: Queryable, contactId: number, articleId: number) =>
  db.run(
    `UPDATE search_events SET opened_id = ? WHERE id =
       (SELECT id FROM search_events WHERE contact_id = ? ORDER BY updated_at DESC, id DESC LIMIT 1)`,
    [articleId, contactId],
  );

export const setSearchOpened = (db: Queryable, eventId: number, articleId: number) =>
  db.run('UPDATE search_events SET opened_id = ? WHERE id = ?', [articleId, eventId]);

export interface ContactSearchRow {
  query: string;
  resultCount: number;
  at: string;
}

export const contactSearches = (db: Queryable, contactId: number) =>
  searchesOfContacts(db, [contactId]);

/** The searches of several contacts in one query, each contact's in the order they were made. */
export const searchesOfContacts = (db: Queryable, contactIds: readonly number[]) =>
  db.all<ContactSearchRow & { contactId: number }>(
    `SELECT contact_id AS contactId, query, result_count AS resultCount, updated_at AS at
     FROM search_events WHERE contact_id IN (${contactIds.map(() => '?').join(',') || 'NULL'})
     ORDER BY created_at, id`,
    [...contactIds],
  );
