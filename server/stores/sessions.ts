import type { Queryable } from '../db/connection';

export interface SessionRow {
  sid: string;
  sess: string;
  expiresAt: number;
  lastSeenAt: number | null;
}

export const getSession = async (db: Queryable, sid: string, now: number) =>
  (await db.get<{ sess: string; expiresAt: number }>(
    'SELECT sess, expires_at AS expiresAt FROM sessions WHERE sid = ? AND expires_at > ?',
    [sid, now],
  )) ?? null;

export const setSession = (
  db: Queryable,
  s: { sid: string; sess: string; expiresAt: number; userId: number | null; now: number },
) =>
  db.run(
    `INSERT INTO sessions (sid, sess, expires_at, user_id, last_seen_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (sid) DO UPDATE SET sess = excluded.sess, expires_at = excluded.expires_at,
       user_id = excluded.user_id, last_seen_at = excluded.last_seen_at`,
    [s.sid, s.sess, s.expiresAt, s.userId, s.now],
  );

export const touchSession = (db: Queryable, sid: string, expiresAt: number, now: number) =>
  db.run('UPDATE sessions SET expires_at = ?, last_seen_at = ? WHERE sid = ?', [
    expiresAt,
    now,
    sid,
  ]);

export const deleteSession = (db: Queryable, sid: string) =>
  db.run('DELETE FROM sessions WHERE sid = ?', [sid]);

export const deleteExpiredSessions = (db: Queryable, now: number) =>
  db.run('DELETE FROM sessions WHERE expires_at <= ?', [now]);

export const countSessions = async (db: Queryable) =>
  (await db.get<{ n: number }>('SELECT count(*) AS n FROM sessions'))!.n;

/** Signed-in sessions not yet expired. */
export const countActiveSessions = async (db: Queryable, now: number) =>
  (await db.get<{ n: number }>(
    'SELECT count(*) AS n FROM sessions WHERE expires_at > ? AND user_id IS NOT NULL',
    [now],
  ))!.n;

/** A person's live sessions, most recently used first. */
export const listUserSessions = (db: Queryable, userId: number, now: number) =>
  db.all<SessionRow>(
    `SELECT sid, sess, expires_at AS expiresAt, last_seen_at AS lastSeenAt FROM sessions
     WHERE user_id = ? AND expires_at > ? ORDER BY last_seen_at DESC, sid`,
    [userId, now],
  );

/** Ends every session of a person, but `keep` (their current one) when given. */
export async function deleteUserSessions(db: Queryable, userId: number, keep?: string) {
  const { changes } = await db.run('DELETE FROM sessions WHERE user_id = ? AND sid IS NOT ?', [
    userId,
    keep ?? null,
  ]);
  return changes;
}
