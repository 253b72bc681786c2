import type { Queryable } from '../db/connection';

export type ContactEventKind = 'contact.opened' | 'contact.closed';

export interface ContactEventRow {
  id: number;
  agentId: number;
  contactId: number;
  kind: ContactEventKind;
  at: string;
}

export const insertContactEvent = (db: Queryable, e: Omit<ContactEventRow, 'id'>) =>
  db.run('INSERT INTO contact_events (agent_id, contact_id, kind, at) VALUES (?, ?, ?, ?)', [
    e.agentId,
    e.contactId,
    e.kind,
    e.at,
  ]);

const COLUMNS = 'id, agent_id AS agentId, contact_id AS contactId, kind, at';

/** Everyone's events after `afterId`, oldest first: what the hub fans out. */
export const contactEventsAfter = (db: Queryable, afterId: number, limit: number) =>
  db.all<ContactEventRow>(
    `SELECT ${COLUMNS} FROM contact_events WHERE id > ? ORDER BY id LIMIT ?`,
    [afterId, limit],
  );

/** One agent's events after `afterId` and not older than `since`: a reconnect's replay. */
export const agentEventsAfter = (db: Queryable, agentId: number, afterId: number, since: string) =>
  db.all<ContactEventRow>(
    `SELECT ${COLUMNS} FROM contact_events WHERE agent_id = ? AND id > ? AND at >= ?
     ORDER BY id LIMIT 100`,
    [agentId, afterId, since],
  );

export const latestContactEventId = async (db: Queryable) =>
  (await db.get<{ id: number | null }>('SELECT max(id) AS id FROM contact_events'))!.id ?? 0;
