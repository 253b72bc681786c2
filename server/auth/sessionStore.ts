import session from 'express-session';
import type { Database } from '../db/connection';
import * as sessions from '../stores/sessions';

type Callback = (err?: unknown) => void;
type Cached = { json: string; expiresAt: number; writtenAt: number };

/** A rolling session's expiry is written at most this often (the idle timeout is ± this). */
const TOUCH_EVERY_MS = 60_000;
const MAX_CACHED = 20_000;

/**
 * express-session's store on our own SQLite connection: sessions survive restarts, share the
 * database's serialized queue, and live in a table our migrations own.
 *
 * Every request reads its session and, with rolling cookies, pushes its expiry: two database
 * round trips per search. This process is the only writer, so the store keeps a write-through
 * copy of recent sessions in memory (reads never reach SQLite for an active agent) and writes
 * a mere expiry push at most once a minute. One process only: a cluster would need a shared
 * store. Expired sessions are never returned and are swept periodically.
 */
export class SqliteSessionStore extends session.Store {
  private sweeper: NodeJS.Timeout;
  private cache = new Map<string, Cached>();

  constructor(
    private readonly db: Database,
    private readonly ttlMs: number,
    sweepEveryMs = 15 * 60_000,
  ) {
    super();
    this.sweeper = setInterval(() => void this.sweep(), sweepEveryMs);
    this.sweeper.unref();
  }

  override get(
    sid: string,
    cb: (err: unknown, session?: session.SessionData | null) => void,
  ): void {
    const now = Date.now();
    const cached = this.cache.get(sid);
    if (cached) {
      if (cached.expiresAt > now) return cb(null, JSON.parse(cached.json) as session.SessionData);
      this.cache.delete(sid);
      return cb(null, null);
    }
    sessions
      .getSession(this.db, sid, now)
      .then((row) => {
        if (!row) return cb(null, null);
        this.remember(sid, { json: row.sess, expiresAt: row.expiresAt, writtenAt: now });
        cb(null, JSON.parse(row.sess) as session.SessionData);
      })
      .catch(cb);
  }

  override set(sid: string, data: session.SessionData, cb?: Callback): void {
    const json = JSON.stringify(data);
    const expiresAt = this.expiry(data);
    sessions
      .setSession(this.db, sid, json, expiresAt)
      .then(() => {
        this.remember(sid, { json, expiresAt, writtenAt: Date.now() });
        cb?.();
      })
      .catch((e) => cb?.(e));
  }

  override touch(sid: string, data: session.SessionData, cb?: Callback): void {
    const expiresAt = this.expiry(data);
    const cached = this.cache.get(sid);
    const now = Date.now();
    if (cached && now - cached.writtenAt < TOUCH_EVERY_MS) {
      cached.expiresAt = expiresAt;
      return cb?.();
    }
    sessions
      .touchSession(this.db, sid, expiresAt)
      .then(() => {
        if (cached) Object.assign(cached, { expiresAt, writtenAt: now });
        cb?.();
      })
      .catch((e) => cb?.(e));
  }

  override destroy(sid: string, cb?: Callback): void {
    this.cache.delete(sid);
    sessions
      .deleteSession(this.db, sid)
      .then(() => cb?.())
      .catch((e) => cb?.(e));
  }

  async sweep(): Promise<void> {
    const now = Date.now();
    for (const [sid, c] of this.cache) if (c.expiresAt <= now) this.cache.delete(sid);
    await sessions.deleteExpiredSessions(this.db, now).catch(() => undefined);
  }

  close(): void {
    clearInterval(this.sweeper);
  }

  private remember(sid: string, entry: Cached): void {
    this.cache.delete(sid);
    this.cache.set(sid, entry);
    if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
  }

  private expiry(data: session.SessionData): number {
    const expires = data.cookie?.expires;
    return expires ? new Date(expires).getTime() : Date.now() + this.ttlMs;
  }
}
