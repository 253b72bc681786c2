import request from 'supertest';
import { createApp, SESSION_COOKIE } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import { SearchIndex } from '../../server/search/searchIndex';
import { countSessions } from '../../server/stores/sessions';
import { loginResponse, logoutResponse, meResponse } from '../../server/contract/auth';
import {
  Client,
  client,
  makeTestApp,
  PASSWORD,
  signedIn,
  USERS,
  type TestContext,
} from '../helpers/app';
import { contractData, contractError } from '../helpers/contract';

const cookieOf = (res: request.Response): string | undefined => {
  const header = res.headers['set-cookie'] as unknown as string[] | undefined;
  return header?.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
};

describe('auth', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await makeTestApp();
  });
  afterEach(() => ctx.close());

  it('hands out a CSRF token and signs in with it', async () => {
    const c = client(ctx);
    const token = await c.refreshToken();
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const res = await c.login(USERS.agent.email);
    expect(res.status).toBe(200);
    expect(res.body.data.user).toEqual({
      id: expect.any(Number),
      email: USERS.agent.email,
      name: USERS.agent.name,
      role: 'agent',
      department: { id: expect.any(Number), slug: 'frontline', name: 'Contact Center' },
    });
    expect(res.body.data.user).not.toHaveProperty('passwordHash');
    contractData(loginResponse, res);
    const me = await c.get('/api/auth/me').expect(200);
    expect(me.body.data.user.email).toBe(USERS.agent.email);
    contractData(meResponse, me);
  });

  it('rejects login without a CSRF token, or with a wrong one', async () => {
    const agent = request.agent(ctx.app);
    await agent.get('/api/auth/csrf').expect(200);
    const missing = await agent
      .post('/api/auth/login')
      .send({ email: USERS.agent.email, password: PASSWORD });
    expect(missing.status).toBe(403);
    expect(missing.body.error.id).toBe('csrf_invalid');
    const wrong = await agent
      .post('/api/auth/login')
      .set('X-CSRF-Token', 'f'.repeat(64))
      .send({ email: USERS.agent.email, password: PASSWORD });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.id).toBe('csrf_invalid');
  });

  it('rejects state-changing requests of a signed-in user without the token', async () => {
    const c = await signedIn(ctx, 'engineer');
    const res = await c.agent.post('/api/articles').send({ title: 'x' });
    expect(res.status).toBe(403);
    expect(res.body.error.id).toBe('csrf_invalid');
  });

  it('sets an HttpOnly, SameSite=Lax session cookie that is not connect.sid, and a new id at login', async () => {
    const c = client(ctx);
    const before = cookieOf(await c.agent.get('/api/auth/csrf'));
    expect(before).toBeDefined();
    const res = await c.login(USERS.agent.email);
    const after = cookieOf(res)!;
    expect(after).toMatch(/HttpOnly/);
    expect(after).toMatch(/SameSite=Lax/);
    expect(after).not.toMatch(/Secure/); // plain HTTP in this test
    expect(after.split(';')[0]).not.toBe(before!.split(';')[0]);
    expect(JSON.stringify(res.headers)).not.toMatch(/connect\.sid/);
  });

  it('marks the cookie Secure behind an HTTPS proxy when trust proxy is on', async () => {
    const proxied = await makeTestApp({ TRUST_PROXY: '1' });
    try {
      const res = await request(proxied.app)
        .get('/api/auth/csrf')
        .set('X-Forwarded-Proto', 'https');
      expect(cookieOf(res)).toMatch(/; Secure/);
    } finally {
      await proxied.close();
    }
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await client(ctx).login('nobody@test.example', 'whatever-password');
    const wrong = await client(ctx).login(USERS.agent.email, 'wrong-password');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(unknown.body.error.id).toBe('login_failed');
    contractError(unknown);
  });

  it('validates the login body', async () => {
    const c = client(ctx);
    await c.refreshToken();
    const res = await c.post('/api/auth/login', { email: USERS.agent.email });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ id: 'validation_failed', field: 'password' });
  });

  it('logout destroys the session on the server', async () => {
    const c = await signedIn(ctx, 'agent');
    const sessionsBefore = await countSessions(ctx.db);
    const cookie = (await c.get('/api/auth/me')).request.cookies;
    const res = await c.post('/api/auth/logout');
    expect(res.status).toBe(200);
    expect(res.body.data.csrfToken).toMatch(/^[0-9a-f]{64}$/);
    contractData(logoutResponse, res);
    await c.get('/api/auth/me').expect(401);
    // replaying the old cookie does not work either: the row is gone
    const replay = await request(ctx.app).get('/api/auth/me').set('Cookie', cookie);
    expect(replay.status).toBe(401);
    expect(await countSessions(ctx.db)).toBeLessThanOrEqual(sessionsBefore);
  });

  it('stores sessions in SQLite', async () => {
    expect(await countSessions(ctx.db)).toBe(0);
    await signedIn(ctx, 'agent');
    expect(await countSessions(ctx.db)).toBe(1);
    const row = await ctx.db.get<{ sess: string }>('SELECT sess FROM sessions');
    expect(JSON.parse(row!.sess).passport.user).toEqual(expect.any(Number));
  });

  describe('timeouts', () => {
    afterEach(() => jest.restoreAllMocks());
    const later = (ms: number) => {
      const now = Date.now();
      jest.spyOn(Date, 'now').mockReturnValue(now + ms);
    };

    it('ends a session after the idle timeout', async () => {
      const c = await signedIn(ctx, 'agent');
      await c.get('/api/auth/me').expect(200);
      later(ctx.config.sessionIdleMs + 60_000);
      await c.get('/api/auth/me').expect(401);
    });

    it('keeps an active session alive past the idle timeout', async () => {
      const c = await signedIn(ctx, 'agent');
      later(ctx.config.sessionIdleMs - 60_000);
      await c.get('/api/auth/me').expect(200); // activity pushes the expiry
      jest.restoreAllMocks();
      later(ctx.config.sessionIdleMs + 60_000 - 120_000);
      await c.get('/api/auth/me').expect(200);
    });

    it('ends a session SESSION_MAX_HOURS after sign-in, however active', async () => {
      const long = await makeTestApp({
        SESSION_IDLE_MINUTES: String(7 * 24 * 60),
        SESSION_MAX_HOURS: '1',
      });
      try {
        const c = await signedIn(long, 'agent');
        later(30 * 60_000);
        await c.get('/api/auth/me').expect(200);
        jest.restoreAllMocks();
        later(61 * 60_000);
        await c.get('/api/auth/me').expect(401);
      } finally {
        await long.close();
      }
    });
  });

  describe('throttling', () => {
    const fail = (c: ReturnType<typeof client>, email: string = USERS.agent.email) =>
      c.login(email, 'wrong-password');

    it('answers 429 with Retry-After from the 6th failure, even with the right password', async () => {
      const c = client(ctx);
      for (let i = 0; i < 5; i++) expect((await fail(c)).status).toBe(401);
      const blocked = await c.login(USERS.agent.email, PASSWORD);
      expect(blocked.status).toBe(429);
      expect(blocked.body.error.id).toBe('too_many_attempts');
      contractError(blocked);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    });

    it('does not lock out other accounts from the same address', async () => {
      const c = client(ctx);
      for (let i = 0; i < 6; i++) await fail(c);
      expect((await client(ctx).login(USERS.engineer.email)).status).toBe(200);
    });

    it('does not lock the owner out from another address', async () => {
      const proxied = await makeTestApp({ TRUST_PROXY: '1' });
      try {
        const attacker = client(proxied);
        await attacker.refreshToken();
        for (let i = 0; i < 6; i++) {
          await attacker.agent
            .post('/api/auth/login')
            .set('X-CSRF-Token', attacker.token)
            .set('X-Forwarded-For', '203.0.113.9')
            .send({ email: USERS.agent.email, password: 'wrong-password' });
        }
        const owner = client(proxied);
        await owner.refreshToken();
        const res = await owner.agent
          .post('/api/auth/login')
          .set('X-CSRF-Token', owner.token)
          .set('X-Forwarded-For', '198.51.100.7')
          .send({ email: USERS.agent.email, password: PASSWORD });
        expect(res.status).toBe(200);
      } finally {
        await proxied.close();
      }
    });

    it('throttles one address trying many accounts (30 failures across any accounts)', async () => {
      const c = client(ctx);
      for (let i = 0; i < 30; i++)
        expect((await fail(c, `guess${i}@test.example`)).status).toBe(401);
      const blocked = await client(ctx).login(USERS.engineer.email, PASSWORD);
      expect(blocked.status).toBe(429);
      expect(contractError(blocked).id).toBe('too_many_attempts');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(14 * 60);
      // nothing typed is kept: the account is a hash of the email
      const rows = await ctx.db.all<{ account: string }>('SELECT account FROM login_failures');
      expect(rows).toHaveLength(30);
      expect(JSON.stringify(rows)).not.toContain('guess');
    });

    it('keeps counting across a restart and across processes (the counts are in the database)', async () => {
      const c = client(ctx);
      for (let i = 0; i < 5; i++) await fail(c);
      const restarted = createApp({
        config: ctx.config,
        db: ctx.db,
        search: new SearchIndex(),
        logger: createLogger('silent'),
      });
      const again = new Client(request.agent(restarted));
      expect((await again.login(USERS.agent.email, PASSWORD)).status).toBe(429);
    });

    it('with TRUST_PROXY=1 a client-chosen X-Forwarded-For does not escape the throttle', async () => {
      const proxied = await makeTestApp({ TRUST_PROXY: '1' });
      try {
        const attacker = client(proxied);
        await attacker.refreshToken();
        const attempt = (spoofed: string, password: string) =>
          attacker.agent
            .post('/api/auth/login')
            .set('X-CSRF-Token', attacker.token)
            // the client sent the first address; the one proxy in front appended the real one
            .set('X-Forwarded-For', `${spoofed}, 203.0.113.9`)
            .send({ email: USERS.agent.email, password });
        for (let i = 0; i < 5; i++)
          expect((await attempt(`10.9.9.${i}`, 'wrong-password')).status).toBe(401);
        expect((await attempt('10.9.9.99', PASSWORD)).status).toBe(429);
        const logged = await proxied.db.all<{ detail: string }>(
          "SELECT detail FROM audit_log WHERE action = 'auth.login_failed'",
        );
        expect(logged.map((r) => JSON.parse(r.detail).address)).toEqual(
          Array(5).fill('203.0.113.9'),
        );
      } finally {
        await proxied.close();
      }
    });

    it('does not count successful logins', async () => {
      const c = client(ctx);
      for (let i = 0; i < 4; i++) await fail(c);
      for (let i = 0; i < 3; i++)
        expect((await client(ctx).login(USERS.agent.email)).status).toBe(200);
      expect((await fail(c)).status).toBe(401); // 5th failure: still allowed
    });
  });

  describe('restarts without SESSION_SECRET', () => {
    it('keep everyone signed in: the generated secret is kept with the data', async () => {
      const quickStart = await makeTestApp({ SESSION_SECRET: '' });
      try {
        const before = await signedIn(quickStart, 'agent');
        const cookie = cookieOf(await before.get('/api/auth/csrf'))!.split(';')[0]!;
        // a new process: configuration read again, the same database
        const restarted = createApp({
          config: loadConfig({ NODE_ENV: 'test', DATABASE_PATH: quickStart.config.databasePath }),
          db: quickStart.db,
          search: new SearchIndex(),
          logger: createLogger('silent'),
        });
        const me = await request(restarted).get('/api/auth/me').set('Cookie', cookie);
        expect(me.status).toBe(200);
        expect(me.body.data.user.email).toBe(USERS.agent.email);
      } finally {
        await quickStart.close();
      }
    });
  });
});
