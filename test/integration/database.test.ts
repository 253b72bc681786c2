import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../../server/db/connection';
import { migrate, readMigrations } from '../../server/db/migrate';

describe('database', () => {
  let dir: string;
  let db: Database;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstcall-db-'));
    db = await Database.open(path.join(dir, 'test.db'));
  });
  afterEach(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('migrates an empty database, and a second run applies nothing', async () => {
    const first = await migrate(db);
    expect(first).toEqual(readMigrations().map((m) => m.name));
    expect(first.length).toBeGreaterThan(0);
    expect(await migrate(db)).toEqual([]);
    const tables = (
      await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
    ).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'departments',
        'users',
        'articles',
        'article_versions',
        'sessions',
        'schema_migrations',
      ]),
    );
  });

  it('has every article field of the domain model', async () => {
    await migrate(db);
    const columns = (await db.all<{ name: string }>('PRAGMA table_info(articles)')).map(
      (c) => c.name,
    );
    for (const c of [
      'title',
      'issue',
      'environment',
      'resolution',
      'cause',
      'error_codes',
      'products',
      'tags',
      'department_id',
      'owner_id',
      'audience',
      'confidence',
      'verify_by',
      'version',
    ]) {
      expect(columns).toContain(c);
    }
  });

  it('runs with WAL, foreign keys, a busy timeout and synchronous=NORMAL', async () => {
    expect(await db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
    expect(await db.get('PRAGMA busy_timeout')).toEqual({ timeout: 5000 });
    expect(await db.get('PRAGMA synchronous')).toEqual({ synchronous: 1 });
  });

  it('enforces foreign keys', async () => {
    await migrate(db);
    await expect(
      db.run(
        "INSERT INTO users (email, name, role, department_id, password_hash) VALUES ('a@b.c', 'A', 'agent', 999, 'x')",
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it('serializes concurrent transactions so they never interleave', async () => {
    await db.exec('CREATE TABLE counter (n INTEGER NOT NULL); INSERT INTO counter VALUES (0);');
    // read-modify-write with an await in between: interleaving would lose increments
    const increment = () =>
      db.transaction(async (tx) => {
        const { n } = (await tx.get<{ n: number }>('SELECT n FROM counter'))!;
        await new Promise((r) => setImmediate(r));
        await tx.run('UPDATE counter SET n = ?', [n + 1]);
      });
    await Promise.all(Array.from({ length: 25 }, increment));
    expect(await db.get('SELECT n FROM counter')).toEqual({ n: 25 });
  });

  it('rolls back a failed transaction and keeps serving', async () => {
    await db.exec('CREATE TABLE t (v TEXT)');
    await expect(
      db.transaction(async (tx) => {
        await tx.run("INSERT INTO t VALUES ('lost')");
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await db.run("INSERT INTO t VALUES ('kept')");
    expect(await db.all('SELECT v FROM t')).toEqual([{ v: 'kept' }]);
  });

  it('lets code inside a transaction call the database without deadlocking', async () => {
    await db.exec('CREATE TABLE t (v INTEGER)');
    await db.transaction(async () => {
      await db.run('INSERT INTO t VALUES (1)'); // joins the open transaction
      await db.transaction(async (tx) => tx.run('INSERT INTO t VALUES (2)'));
    });
    expect(await db.all('SELECT v FROM t ORDER BY v')).toEqual([{ v: 1 }, { v: 2 }]);
  });
});
