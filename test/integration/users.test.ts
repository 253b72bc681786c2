import request from 'supertest';
import {
  inviteResponse,
  passwordLinkInfo,
  resetResponse,
  sessionResponse,
  userDetailResponse,
} from '../../server/contract/users';
import { loginResponse, meResponse } from '../../server/contract/auth';
import {
  client,
  makeTestApp,
  PASSWORD,
  signedIn,
  USERS,
  type Client,
  type TestContext,
} from '../helpers/app';
import { contractData, contractError, contractList } from '../helpers/contract';
import { z } from 'zod';

const GOOD = 'a long walk to the harbour';

function fails(res: { status: number; body: unknown }, status: number, id: string) {
  expect({ status: res.status, id: contractError(res).id }).toEqual({ status, id });
}

const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

describe('users administered in the product', () => {
  let ctx: TestContext;
  let admin: Client;
  beforeEach(async () => {
    ctx = await makeTestApp();
    admin = await signedIn(ctx, 'admin');
  });
  afterEach(() => ctx.close());

  const audit = (action: string) =>
    ctx.db.all<{ actor_id: number | null; entity_id: number; detail: string }>(
      'SELECT actor_id, entity_id, detail FROM audit_log WHERE action = ? ORDER BY id',
      [action],
    );
  const idOf = async (key: keyof typeof USERS) =>
    (await ctx.db.get<{ id: number }>('SELECT id FROM users WHERE email = ?', [USERS[key].email]))!
      .id;

  async function invite(body: object = {}) {
    const res = await admin
      .post('/api/users', {
        email: 'new.person@test.example',
        name: 'Robin Newcomer',
        role: 'agent',
        department: 'frontline',
        ...body,
      })
      .expect(201);
    return contractData(inviteResponse, res);
  }

  it('lists people with search, role, department and active filters, paged; admins only', async () => {
    const all = contractList(userDetailResponse, await admin.get('/api/users').expect(200));
    expect(all.data.map((u) => u.email).sort()).toEqual(
      Object.values(USERS)
        .map((u) => u.email)
        .sort(),
    );
    expect(all.meta).toEqual({ total: 5, limit: 50, offset: 0 });
    expect(all.data[0]).toMatchObject({ active: true, password: true, sso: false });
    const engineers = contractList(
      userDetailResponse,
      await admin.get('/api/users?role=engineer&department=billing').expect(200),
    );
    expect(engineers.data.map((u) => u.email)).toEqual([USERS.billingEngineer.email]);
    const byName = contractList(userDetailResponse, await admin.get('/api/users?q=manager'));
    expect(byName.data.map((u) => u.email)).toEqual([USERS.manager.email]);
    // LIKE wildcards typed in the box are literal
    expect(contractList(userDetailResponse, await admin.get('/api/users?q=%25')).data).toEqual([]);
    const page = contractList(userDetailResponse, await admin.get('/api/users?limit=2&offset=2'));
    expect(page.data).toHaveLength(2);
    expect(page.meta.total).toBe(5);
    fails(await admin.get('/api/users?active=maybe'), 400, 'validation_failed');
    fails(await admin.get('/api/users?role=boss'), 400, 'validation_failed');

    const one = contractData(
      userDetailResponse,
      await admin.get(`/api/users/${await idOf('agent')}`),
    );
    expect(one).toMatchObject({ email: USERS.agent.email, department: { slug: 'frontline' } });
    fails(await admin.get('/api/users/99999'), 404, 'not_found');
    fails(await admin.get('/api/users/abc'), 400, 'validation_failed');

    for (const who of ['agent', 'engineer', 'manager'] as const) {
      const c = await signedIn(ctx, who);
      fails(await c.get('/api/users'), 403, 'forbidden');
      fails(await c.patch(`/api/users/${await idOf('agent')}`, { name: 'x' }), 403, 'forbidden');
    }
    fails(await client(ctx).get('/api/users'), 401, 'unauthenticated');
  });

  it('invites a person with a one-time link (256 bits, stored hashed, 72 h); they set a password and are signed in', async () => {
    const before = Date.now();
    const { user, inviteUrl, expiresAt, emailed } = await invite();
    expect(user).toMatchObject({
      email: 'new.person@test.example',
      role: 'agent',
      password: false,
    });
    expect(emailed).toBe(false); // no SMTP_URL: the admin hands the link over
    expect(inviteUrl).toMatch(/^http:\/\/127\.0\.0\.1(:\d+)?\/set-password\?token=[\w-]{43}$/);
    const hours = (Date.parse(expiresAt) - before) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThan(72.1);
    const token = tokenOf(inviteUrl);
    const stored = await ctx.db.all<{ token_hash: string }>(
      'SELECT token_hash FROM password_tokens',
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(token);
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);

    // no password yet: the account cannot be signed in to
    fails(await client(ctx).login('new.person@test.example', ''), 401, 'login_failed');

    const person = client(ctx);
    await person.refreshToken();
    const info = contractData(
      passwordLinkInfo,
      await person.get(`/api/auth/set-password?token=${token}`).expect(200),
    );
    expect(info).toEqual({
      email: 'new.person@test.example',
      name: 'Robin Newcomer',
      purpose: 'invite',
      expiresAt,
    });
    const set = await person.post('/api/auth/set-password', { token, password: GOOD }).expect(200);
    const data = contractData(loginResponse, set);
    expect(data).toMatchObject({ user: { email: 'new.person@test.example' } });
    person.token = data.csrfToken;
    contractData(meResponse, await person.get('/api/auth/me').expect(200));
    // single use
    const again = client(ctx);
    await again.refreshToken();
    fails(
      await again.post('/api/auth/set-password', { token, password: 'another long passphrase' }),
      400,
      'password_link_invalid',
    );
    fails(await again.get(`/api/auth/set-password?token=${token}`), 400, 'password_link_invalid');
    fails(await again.get('/api/auth/set-password?token=made-up'), 400, 'password_link_invalid');
    expect((await client(ctx).login('new.person@test.example', GOOD)).status).toBe(200);

    expect((await audit('user.create')).map((e) => JSON.parse(e.detail))).toEqual([
      { email: 'new.person@test.example', role: 'agent', department: 'frontline', via: 'invite' },
    ]);
    expect(await audit('user.password_link')).toHaveLength(1);
    expect((await audit('user.password_set')).map((e) => JSON.parse(e.detail))).toEqual([
      { purpose: 'invite' },
    ]);
  });

  it('refuses weak passwords with the reason: short, long, common, the email or the name', async () => {
    const { inviteUrl } = await invite();
    const token = tokenOf(inviteUrl);
    const person = client(ctx);
    await person.refreshToken();
    const tries: [string, RegExp][] = [
      ['short-one', /at least 12 characters \(this one has 9\)/],
      ['x'.repeat(129), /at most 128/],
      ['Qwerty123456', /10,000 most common/],
      ['my new.person passphrase', /email/],
      ['hello robin newcomer!', /name/],
      ['the NEWCOMER is here', /name/],
    ];
    for (const [password, reason] of tries) {
      const res = await person.post('/api/auth/set-password', { token, password });
      fails(res, 400, 'password_weak');
      expect(contractError(res).message).toMatch(reason);
    }
    // 12 characters of anything, emoji included, is fine (counted as characters)
    await person
      .post('/api/auth/set-password', { token, password: '🔑🔑🔑🔑🔑🔑 ok ok!' })
      .expect(200);
  });

  it('a link expires after 72 h, and a new link replaces the old one', async () => {
    const first = tokenOf((await invite()).inviteUrl);
    const id = (await ctx.db.get<{ id: number }>(
      "SELECT id FROM users WHERE email = 'new.person@test.example'",
    ))!.id;
    const second = contractData(
      resetResponse,
      await admin.post(`/api/users/${id}/password-reset`).expect(200),
    );
    const person = client(ctx);
    await person.refreshToken();
    fails(await person.get(`/api/auth/set-password?token=${first}`), 400, 'password_link_invalid');
    const token = tokenOf(second.resetUrl);
    // an invitation sent again stays an invitation: they never had a password
    expect(
      contractData(passwordLinkInfo, await person.get(`/api/auth/set-password?token=${token}`))
        .purpose,
    ).toBe('invite');
    await ctx.db.run("UPDATE password_tokens SET expires_at = '2000-01-01T00:00:00.000Z'");
    fails(
      await person.post('/api/auth/set-password', { token, password: GOOD }),
      400,
      'password_link_invalid',
    );
  });

  it('disabling ends every session at once; enabling lets them back in', async () => {
    const agent = await signedIn(ctx, 'agent');
    const phone = await signedIn(ctx, 'agent');
    await agent.get('/api/auth/me').expect(200);
    const id = await idOf('agent');
    const res = await admin.patch(`/api/users/${id}`, { active: false }).expect(200);
    expect(contractData(userDetailResponse, res).active).toBe(false);
    // the very next request, no cache window
    fails(await agent.get('/api/auth/me'), 401, 'unauthenticated');
    fails(await phone.get('/api/search?q=router'), 401, 'unauthenticated');
    expect(await ctx.db.get('SELECT 1 FROM sessions WHERE user_id = ?', [id])).toBeUndefined();
    fails(await client(ctx).login(USERS.agent.email), 401, 'login_failed');
    const [disabled] = await audit('user.disable');
    expect(JSON.parse(disabled!.detail)).toEqual({
      changes: { active: { from: true, to: false } },
      sessionsEnded: 2,
    });
    const listed = contractList(userDetailResponse, await admin.get('/api/users?active=false'));
    expect(listed.data.map((u) => u.email)).toEqual([USERS.agent.email]);

    await admin.patch(`/api/users/${id}`, { active: true }).expect(200);
    expect((await client(ctx).login(USERS.agent.email)).status).toBe(200);
    expect(await audit('user.enable')).toHaveLength(1);
  });

  it('a new role or department applies at the next request', async () => {
    const agent = await signedIn(ctx, 'agent');
    fails(await agent.get('/api/stats/summary?from=2026-01-01&to=2026-01-31'), 403, 'forbidden');
    const id = await idOf('agent');
    const res = await admin
      .patch(`/api/users/${id}`, { role: 'manager', department: 'billing', name: 'Agent Promoted' })
      .expect(200);
    expect(contractData(userDetailResponse, res)).toMatchObject({
      role: 'manager',
      department: { slug: 'billing' },
      name: 'Agent Promoted',
    });
    await agent.get('/api/stats/summary?from=2026-01-01&to=2026-01-31').expect(200);
    const me = contractData(meResponse, await agent.get('/api/auth/me'));
    expect(me.user).toMatchObject({ role: 'manager', department: { slug: 'billing' } });
    const [changed] = await audit('user.update');
    expect(JSON.parse(changed!.detail).changes).toEqual({
      name: { from: 'Agent A', to: 'Agent Promoted' },
      role: { from: 'agent', to: 'manager' },
      department: { from: 'frontline', to: 'billing' },
    });
  });

  it('keeps one active admin: the last cannot be disabled or demoted (409 last_admin)', async () => {
    const me = await idOf('admin');
    fails(await admin.patch(`/api/users/${me}`, { active: false }), 409, 'last_admin');
    fails(await admin.patch(`/api/users/${me}`, { role: 'agent' }), 409, 'last_admin');
    // with a second admin, the first may step down
    await admin.patch(`/api/users/${await idOf('manager')}`, { role: 'admin' }).expect(200);
    await admin.patch(`/api/users/${me}`, { role: 'manager' }).expect(200);
    // a disabled admin does not count as the other one
    const other = await signedIn(ctx, 'manager');
    await other.patch(`/api/users/${me}`, { role: 'admin', active: false }).expect(200);
    fails(
      await other.patch(`/api/users/${await idOf('manager')}`, { role: 'agent' }),
      409,
      'last_admin',
    );
  });

  it('answers bad writes with 4xx: unknown or archived department, taken email, bad fields', async () => {
    fails(
      await admin.post('/api/users', {
        email: 'x@test.example',
        name: 'X',
        role: 'agent',
        department: 'nowhere',
      }),
      400,
      'validation_failed',
    );
    await admin.patch('/api/departments/billing', { archived: true }).expect(200);
    fails(
      await admin.post('/api/users', {
        email: 'x@test.example',
        name: 'X',
        role: 'agent',
        department: 'billing',
      }),
      400,
      'department_archived',
    );
    fails(
      await admin.patch(`/api/users/${await idOf('agent')}`, { department: 'billing' }),
      400,
      'department_archived',
    );
    fails(
      await admin.post('/api/users', {
        email: USERS.agent.email.toUpperCase(),
        name: 'X',
        role: 'agent',
        department: 'frontline',
      }),
      409,
      'email_taken',
    );
    fails(
      await admin.post('/api/users', {
        email: 'nope',
        name: 'X',
        role: 'agent',
        department: 'frontline',
      }),
      400,
      'validation_failed',
    );
    fails(
      await admin.post('/api/users', {
        email: 'y@test.example',
        name: 'Y',
        role: 'agent',
        department: 'frontline',
        password: 'x',
      }),
      400,
      'validation_failed',
    );
    fails(await admin.patch(`/api/users/${await idOf('agent')}`, {}), 400, 'validation_failed');
    fails(
      await admin.patch(`/api/users/${await idOf('agent')}`, { active: 'no' }),
      400,
      'validation_failed',
    );
    fails(await admin.patch('/api/users/99999', { name: 'Ghost' }), 404, 'not_found');
  });

  it('a reset ends their sessions; the old password works until the new one is set', async () => {
    const agent = await signedIn(ctx, 'agent');
    const id = await idOf('agent');
    const reset = contractData(
      resetResponse,
      await admin.post(`/api/users/${id}/password-reset`).expect(200),
    );
    expect(reset.resetUrl).toMatch(/\/set-password\?token=/);
    fails(await agent.get('/api/auth/me'), 401, 'unauthenticated');
    const meanwhile = client(ctx);
    expect((await meanwhile.login(USERS.agent.email)).status).toBe(200);
    const person = client(ctx);
    await person.refreshToken();
    const token = tokenOf(reset.resetUrl);
    expect(
      contractData(passwordLinkInfo, await person.get(`/api/auth/set-password?token=${token}`))
        .purpose,
    ).toBe('reset');
    await person.post('/api/auth/set-password', { token, password: GOOD }).expect(200);
    // setting it ends the sessions opened with the old password, and the old one stops working
    fails(await meanwhile.get('/api/auth/me'), 401, 'unauthenticated');
    fails(await client(ctx).login(USERS.agent.email, PASSWORD), 401, 'login_failed');
    expect((await client(ctx).login(USERS.agent.email, GOOD)).status).toBe(200);
    expect((await audit('user.sessions_end')).map((e) => JSON.parse(e.detail))).toEqual([
      { count: 1, reason: 'password_reset' },
    ]);
    fails(await admin.post('/api/users/99999/password-reset'), 404, 'not_found');
  });

  it('a reset for someone with MFA still asks for their code', async () => {
    const id = await idOf('engineer');
    await ctx.db.run(
      "INSERT INTO user_mfa (user_id, secret, confirmed_at, created_at) VALUES (?, 'JBSWY3DPEHPK3PXP', '2026-01-01', '2026-01-01')",
      [id],
    );
    const { resetUrl } = contractData(
      resetResponse,
      await admin.post(`/api/users/${id}/password-reset`),
    );
    const person = client(ctx);
    await person.refreshToken();
    const res = await person.post('/api/auth/set-password', {
      token: tokenOf(resetUrl),
      password: GOOD,
    });
    expect(contractData(loginResponse, res)).toMatchObject({ mfaRequired: true });
    fails(await person.get('/api/auth/me'), 401, 'unauthenticated');
  });

  it('a person changes their own password: the current one first, other sessions end, this one goes on', async () => {
    const desk = await signedIn(ctx, 'engineer');
    const laptop = await signedIn(ctx, 'engineer');
    fails(
      await desk.post('/api/auth/password', {
        currentPassword: 'wrong one entirely',
        newPassword: GOOD,
      }),
      400,
      'password_wrong',
    );
    fails(
      await desk.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' }),
      400,
      'password_weak',
    );
    fails(
      await desk.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: PASSWORD }),
      400,
      'password_weak',
    );
    const oldCookie = (await desk.get('/api/auth/me')).request.cookies;
    const res = await desk
      .post('/api/auth/password', { currentPassword: PASSWORD, newPassword: GOOD })
      .expect(200);
    desk.token = contractData(loginResponse, res).csrfToken!;
    expect(res.headers['set-cookie']?.[0]).toMatch(/^firstcall\.sid=/);
    await desk.get('/api/auth/me').expect(200);
    fails(await laptop.get('/api/auth/me'), 401, 'unauthenticated');
    // the old session id is dead too (a new id was issued)
    fails(
      await request(ctx.app).get('/api/auth/me').set('Cookie', oldCookie),
      401,
      'unauthenticated',
    );
    fails(await client(ctx).login(USERS.engineer.email), 401, 'login_failed');
    expect((await client(ctx).login(USERS.engineer.email, GOOD)).status).toBe(200);
    expect((await audit('user.password_change')).map((e) => JSON.parse(e.detail))).toEqual([
      { otherSessionsEnded: 1 },
    ]);
  });

  it('lists a person’s own sessions with last use (never their ids) and signs the others out', async () => {
    const desk = await signedIn(ctx, 'agent');
    const other = client(ctx);
    await other.refreshToken();
    await other.agent
      .post('/api/auth/login')
      .set('X-CSRF-Token', other.token)
      .set('User-Agent', 'PhoneBrowser/1.0')
      .send({ email: USERS.agent.email, password: PASSWORD })
      .expect(200);
    const list = contractData(
      z.array(sessionResponse),
      await desk.get('/api/auth/sessions').expect(200),
    );
    expect(list).toHaveLength(2);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    expect(list.map((s) => s.userAgent)).toContain('PhoneBrowser/1.0');
    expect(list[0]).toMatchObject({
      address: expect.any(String),
      signedInAt: expect.any(String),
      lastSeenAt: expect.any(String),
    });
    const sids = await ctx.db.all<{ sid: string }>('SELECT sid FROM sessions');
    const body = JSON.stringify(list);
    for (const { sid } of sids) expect(body).not.toContain(sid);

    // the admin sees them too
    const id = await idOf('agent');
    expect(
      contractData(z.array(sessionResponse), await admin.get(`/api/users/${id}/sessions`)),
    ).toHaveLength(2);

    const ended = await desk.post('/api/auth/sessions/end-others').expect(200);
    expect(ended.body.data).toEqual({ ended: 1 });
    await desk.get('/api/auth/me').expect(200);
    fails(await other.get('/api/auth/me'), 401, 'unauthenticated');

    // and the admin signs someone out everywhere
    expect((await admin.delete(`/api/users/${id}/sessions`).expect(200)).body.data).toEqual({
      ended: 1,
    });
    fails(await desk.get('/api/auth/me'), 401, 'unauthenticated');
  });
});
