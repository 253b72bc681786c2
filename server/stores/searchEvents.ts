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
  db.all<ContactSearchRow>(
    `SELECT query, result_count AS resultCount, updated_at AS at FROM search_events
     WHERE contact_id = ? ORDER BY created_at, id`,
    [contactId],
  );

export interface SearchEventRow extends SearchEventData {
  id: number;
  openedId: number | null;
}

/** For tests and reports: a user's events, newest first. */
export async function searchEventsOf(db: Queryable, userId: number): Promise<SearchEventRow[]> {
  const rows = await db.all<
    Omit<SearchEventRow, 'filters' | 'shownIds'> & { filters: string; shownIds: string }
  >(
    `SELECT id, user_id AS userId, contact_id AS contactId, query,
       normalized_query AS normalizedQuery, filters, result_count AS resultCount,
       shown_ids AS shownIds, opened_id AS openedId, took_ms AS tookMs, updated_at AS at
     FROM search_events WHERE user_id = ? ORDER BY id DESC`,
    [userId],
  );
  return rows.map((r) => ({
    ...r,
    filters: JSON.parse(r.filters) as Record<string, string>,
    shownIds: JSON.parse(r.shownIds) as number[],
  }));
}
