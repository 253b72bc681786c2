import session from 'express-session';
import type { Database } from '../db/connection';
import * as sessions from '../stores/sessions';

type Callback = (err?: unknown) => void;

/** A rolling session's expiry (and its "last used") is written at most this often. */
const TOUCH_EVERY_MS = 60_000;
const MAX_TRACKED = 50_000;

/**
 * express-session's store on our own database connection: sessions survive restarts, share the
 * database's serialized queue, and live in a table our migrations own.
 *
 * Every read goes to the database, with no copy in memory: ending a person's sessions (an admin
 * disables them, a password is reset) applies at their very next request, on any process. Only
 * the rolling expiry push is spared: it is written at most once a minute per session.
 * Expired sessions are never returned and are swept periodically.
 */
export class SqliteSessionStore extends session.Store {
  private sweeper: NodeJS.Timeout;
  /** sid → when its expiry was last written */
  private touched = new Map<string, number>();
  /**
   * sid → its write or delete in flight. express-session sends the response before its save
   * has finished, so the browser's next request can arrive first; reads are on the read-only
   * connection, outside the write queue, so they wait for a write in flight to the same sid.
   */
  private writing = new Map<string, Promise<unknown>>();

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
    const pending = this.writing.get(sid) ?? Promise.resolve();
    pending
      .then(() => sessions.getSession(this.db.reads, sid, Date.now()))
      .then((row) => cb(null, row ? (JSON.parse(row.sess) as session.SessionData) : null))
      .catch(cb);
  }

  override set(sid: string, data: session.SessionData, cb?: Callback): void {
    const now = Date.now();
    this.inFlight(
      sid,
      sessions.setSession(this.db, {
        sid,
        sess: JSON.stringify(data),
        expiresAt: this.expiry(data),
        userId: userOf(data),
        now,
      }),
    )
      .then(() => {
        this.track(sid, now);
        cb?.();
      })
      .catch((e) => cb?.(e));
  }

  override touch(sid: string, data: session.SessionData, cb?: Callback): void {
    const now = Date.now();
    const last = this.touched.get(sid);
    if (last !== undefined && now - last < TOUCH_EVERY_MS) return cb?.();
    sessions
      .touchSession(this.db, sid, this.expiry(data), now)
      .then(() => {
        this.track(sid, now);
        cb?.();
      })
      .catch((e) => cb?.(e));
  }

  override destroy(sid: string, cb?: Callback): void {
    this.touched.delete(sid);
    this.inFlight(sid, sessions.deleteSession(this.db, sid))
      .then(() => cb?.())
      .catch((e) => cb?.(e));
  }

  async sweep(): Promise<void> {
    const now = Date.now();
    for (const [sid, at] of this.touched) if (now - at > this.ttlMs) this.touched.delete(sid);
    await sessions.deleteExpiredSessions(this.db, now).catch(() => undefined);
  }

  close(): void {
    clearInterval(this.sweeper);
  }

  private inFlight<T>(sid: string, write: Promise<T>): Promise<T> {
    const settled = write.catch(() => undefined);
    this.writing.set(sid, settled);
    void settled.then(() => {
      if (this.writing.get(sid) === settled) this.writing.delete(sid);
    });
    return write;
  }

  private track(sid: string, at: number): void {
    this.touched.delete(sid);
    this.touched.set(sid, at);
    if (this.touched.size > MAX_TRACKED) this.touched.delete(this.touched.keys().next().value!);
  }

  private expiry(data: session.SessionData): number {
    const expires = data.cookie?.expires;
    return expires ? new Date(expires).getTime() : Date.now() + this.ttlMs;
  }
}

/** passport keeps the signed-in user's id in the session; the row names it for revocation. */
function userOf(data: session.SessionData): number | null {
  const id = (data as { passport?: { user?: unknown } }).passport?.user;
  return typeof id === 'number' ? id : null;
}
