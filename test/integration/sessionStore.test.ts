import type session from 'express-session';
import { SqliteSessionStore } from '../../server/auth/sessionStore';
import { makeTestApp, type TestContext } from '../helpers/app';

const call = <T>(fn: (cb: (err: unknown, value?: T) => void) => void) =>
  new Promise<T | undefined>((resolve, reject) =>
    fn((err, value) => (err ? reject(err) : resolve(value))),
  );

describe('SQLite session store', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await makeTestApp();
  });
  afterEach(() => ctx.close());

  const data = (expires: number) =>
    ({
      cookie: { expires: new Date(expires), originalMaxAge: 1000 },
      signedInAt: 1,
    }) as unknown as session.SessionData;
  const expiry = async (sid: string) =>
    (await ctx.db.get<{ e: number }>('SELECT expires_at AS e FROM sessions WHERE sid = ?', [sid]))
      ?.e;

  it('survives a restart: a new store reads what an old one wrote', async () => {
    const before = new SqliteSessionStore(ctx.db, 60_000);
    await call((cb) => before.set('sid-1', data(Date.now() + 60_000), cb));
    const after = new SqliteSessionStore(ctx.db, 60_000);
    const read = await call<session.SessionData | null>((cb) => after.get('sid-1', cb));
    expect(read).toMatchObject({ signedInAt: 1 });
    before.close();
    after.close();
  });

  it('writes an expiry push at most once a minute, and destroys for good', async () => {
    const store = new SqliteSessionStore(ctx.db, 60_000);
    const first = Date.now() + 60_000;
    await call((cb) => store.set('sid-2', data(first), cb));
    await call((cb) => store.touch('sid-2', data(first + 5_000), cb));
    expect(await expiry('sid-2')).toBe(first); // not written yet
    await call((cb) => store.destroy('sid-2', cb));
    expect(await expiry('sid-2')).toBeUndefined();
    expect(await call((cb) => store.get('sid-2', cb))).toBeNull();
    store.close();
  });

  it('a read right behind a write of the same session sees it (express-session answers before its save ends)', async () => {
    const store = new SqliteSessionStore(ctx.db, 60_000);
    for (let i = 0; i < 20; i++) {
      const sid = `race-${i}`;
      const written = call((cb) => store.set(sid, data(Date.now() + 60_000), cb));
      const read = call<session.SessionData | null>((cb) => store.get(sid, cb));
      expect(await read).toMatchObject({ signedInAt: 1 });
      await written;
      const gone = call((cb) => store.destroy(sid, cb));
      expect(await call((cb) => store.get(sid, cb))).toBeNull();
      await gone;
    }
    store.close();
  });

  it('never returns an expired session', async () => {
    const store = new SqliteSessionStore(ctx.db, 60_000);
    await call((cb) => store.set('sid-3', data(Date.now() - 1), cb));
    expect(await call((cb) => store.get('sid-3', cb))).toBeNull();
    const fresh = new SqliteSessionStore(ctx.db, 60_000);
    expect(await call((cb) => fresh.get('sid-3', cb))).toBeNull();
    store.close();
    fresh.close();
  });
});
