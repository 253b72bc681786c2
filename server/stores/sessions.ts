import type { Queryable } from '../db/connection';

export const getSession = async (db: Queryable, sid: string, now: number) =>
  (await db.get<{ sess: string; expiresAt: number }>(
    'SELECT sess, expires_at AS expiresAt FROM sessions WHERE sid = ? AND expires_at > ?',
    [sid, now],
  )) ?? null;

export const setSession = (db: Queryable, sid: string, sess: string, expiresAt: number) =>
  db.run(
    `INSERT INTO sessions (sid, sess, expires_at) VALUES (?, ?, ?)
     ON CONFLICT (sid) DO UPDATE SET sess = excluded.sess, expires_at = excluded.expires_at`,
    [sid, sess, expiresAt],
  );

export const touchSession = (db: Queryable, sid: string, expiresAt: number) =>
  db.run('UPDATE sessions SET expires_at = ? WHERE sid = ?', [expiresAt, sid]);

export const deleteSession = (db: Queryable, sid: string) =>
  db.run('DELETE FROM sessions WHERE sid = ?', [sid]);

export const deleteExpiredSessions = (db: Queryable, now: number) =>
  db.run('DELETE FROM sessions WHERE expires_at <= ?', [now]);

export const countSessions = async (db: Queryable) =>
  (await db.get<{ n: number }>('SELECT count(*) AS n FROM sessions'))!.n;
