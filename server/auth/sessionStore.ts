import session from 'express-session';
import type { Database } from '../db/connection';
import * as sessions from '../stores/sessions';

type Callback = (err?: unknown, value?: unknown) => void;

/**
 * express-session's store on our own SQLite connection: sessions survive restarts, share the
 * database's serialized queue, and live in a table our migrations own. Expired rows are
 * never returned and are swept periodically.
 */
export class SqliteSessionStore extends session.Store {
  private sweeper: NodeJS.Timeout;

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
    sessions
      .getSession(this.db, sid, Date.now())
      .then((raw) => cb(null, raw ? (JSON.parse(raw) as session.SessionData) : null))
      .catch(cb);
  }

  override set(sid: string, data: session.SessionData, cb?: Callback): void {
    sessions
      .setSession(this.db, sid, JSON.stringify(data), this.expiry(data))
      .then(() => cb?.())
      .catch((e) => cb?.(e));
  }

  override touch(sid: string, data: session.SessionData, cb?: Callback): void {
    sessions
      .touchSession(this.db, sid, this.expiry(data))
      .then(() => cb?.())
      .catch((e) => cb?.(e));
  }

  override destroy(sid: string, cb?: Callback): void {
    sessions
      .deleteSession(this.db, sid)
      .then(() => cb?.())
      .catch((e) => cb?.(e));
  }

  async sweep(): Promise<void> {
    await sessions.deleteExpiredSessions(this.db, Date.now()).catch(() => undefined);
  }

  close(): void {
    clearInterval(this.sweeper);
  }

  private expiry(data: session.SessionData): number {
    const expires = data.cookie?.expires;
    return expires ? new Date(expires).getTime() : Date.now() + this.ttlMs;
  }
}
