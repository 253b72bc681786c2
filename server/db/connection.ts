import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';

export type Param = string | number | bigint | null | Buffer;
export type Params = readonly Param[] | Record<string, Param>;

/** What stores take: the database itself or a transaction, interchangeably. */
export interface Queryable {
  run(sql: string, params?: Params): Promise<{ changes: number; lastID: number }>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  all<T>(sql: string, params?: Params): Promise<T[]>;
}

/**
 * One sqlite3 connection behind promises.
 *
 * A single connection shares one transaction state, so two requests that each ran
 * BEGIN…COMMIT concurrently would interleave their statements. Every statement therefore
 * goes through one queue; a transaction holds the queue from BEGIN to COMMIT. Code running
 * inside a transaction (tracked with AsyncLocalStorage) bypasses the queue instead of
 * waiting on itself, so a store called from a service inside `transaction()` cannot deadlock.
 */
export class Database implements Queryable {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly inTx = new AsyncLocalStorage<boolean>();
  private reader: sqlite3.Database | null = null;
  /** Told how long each statement took, in seconds (the metrics' query histogram). */
  onQuery: ((seconds: number) => void) | null = null;

  /**
   * Point reads on every request's path (the session, the signed-in user) on a second,
   * read-only connection: they never wait in the queue behind writes and transactions, and
   * in WAL mode they do not block them either. They see committed data only, so this is for
   * reads outside a transaction. (The main connection's queue for an in-memory database.)
   */
  readonly reads: Queryable = {
    run: () => Promise.reject(new Error('db.reads is read-only')),
    get: <T>(sql: string, params: Params = []) =>
      this.reader ? this.readerCall<T | undefined>('get', sql, params) : this.get<T>(sql, params),
    all: <T>(sql: string, params: Params = []) =>
      this.reader ? this.readerCall<T[]>('all', sql, params) : this.all<T>(sql, params),
  };

  private constructor(
    private readonly raw: sqlite3.Database,
    readonly file: string,
  ) {}

  static async open(file: string): Promise<Database> {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const connect = (mode?: number) =>
      new Promise<sqlite3.Database>((resolve, reject) => {
        const db: sqlite3.Database = mode
          ? new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(db)))
          : new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(db)));
      });
    const raw = await connect();
    const db = new Database(raw, file);
    // WAL: readers never block the writer. synchronous=NORMAL is durable against process
    // crashes and, in WAL mode, loses at most the last transactions on power loss: the
    // documented trade-off for a knowledge base whose writes are small and frequent.
    await db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = NORMAL;
      PRAGMA foreign_keys = ON;
      PRAGMA busy_timeout = 5000;
    `);
    if (file !== ':memory:') {
      db.reader = await connect(sqlite3.OPEN_READONLY);
      await new Promise<void>((resolve, reject) =>
        db.reader!.exec('PRAGMA busy_timeout = 5000;', (e) => (e ? reject(e) : resolve())),
      );
    }
    return db;
  }

  /** Runs one statement, timing it for `onQuery` (the time it ran, not the time it queued). */
  private timed<T>(start: (done: (err: Error | null, value: T) => void) => void): Promise<T> {
    const began = this.onQuery ? process.hrtime.bigint() : 0n;
    return new Promise<T>((resolve, reject) =>
      start((err, value) => {
        if (this.onQuery) this.onQuery(Number(process.hrtime.bigint() - began) / 1e9);
        if (err) reject(err);
        else resolve(value);
      }),
    );
  }

  private readerCall<T>(kind: 'get' | 'all', sql: string, params: Params): Promise<T> {
    return this.timed<T>((done) =>
      this.reader![kind](sql, params, (err: Error | null, row: unknown) => done(err, row as T)),
    );
  }

  run(sql: string, params: Params = []) {
    return this.queued(() => this.rawRun(sql, params));
  }

  get<T>(sql: string, params: Params = []) {
    return this.queued(() =>
      this.timed<T | undefined>((done) =>
        this.raw.get(sql, params, (err, row) => done(err, row as T)),
      ),
    );
  }

  all<T>(sql: string, params: Params = []) {
    return this.queued(() =>
      this.timed<T[]>((done) => this.raw.all(sql, params, (err, rows) => done(err, rows as T[]))),
    );
  }

  /** Runs several statements (migrations, pragmas). */
  exec(sql: string) {
    return this.queued(
      () =>
        new Promise<void>((resolve, reject) =>
          this.raw.exec(sql, (err) => (err ? reject(err) : resolve())),
        ),
    );
  }

  /** Runs `fn` inside BEGIN IMMEDIATE … COMMIT, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    if (this.inTx.getStore()) return fn(this); // already inside one: join it
    return this.queued(() =>
      this.inTx.run(true, async () => {
        await this.rawRun('BEGIN IMMEDIATE');
        try {
          const result = await fn(this);
          await this.rawRun('COMMIT');
          return result;
        } catch (err) {
          await this.rawRun('ROLLBACK').catch(() => undefined);
          throw err;
        }
      }),
    );
  }

  close(): Promise<void> {
    const reader = this.reader;
    this.reader = null;
    const closeRaw = (c: sqlite3.Database) =>
      new Promise<void>((resolve, reject) => c.close((e) => (e ? reject(e) : resolve())));
    return this.queued(async () => {
      if (reader) await closeRaw(reader);
      await closeRaw(this.raw);
    });
  }

  private queued<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inTx.getStore()) return fn();
    const result = this.tail.then(fn, fn);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private rawRun(sql: string, params: Params = []) {
    return this.timed<{ changes: number; lastID: number }>((done) =>
      this.raw.run(sql, params, function (this: sqlite3.RunResult, err) {
        done(err, err ? { changes: 0, lastID: 0 } : { changes: this.changes, lastID: this.lastID });
      }),
    );
  }
}
