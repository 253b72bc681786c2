import { generate } from 'otplib';
import {
  loginResponse,
  meResponse,
  mfaEnrolmentResponse,
  mfaRecoveryCodesResponse,
  mfaStatusResponse,
} from '../../server/contract/auth';
import {
  client,
  makeTestApp,
  signedIn,
  USERS,
  type Client,
  type TestContext,
} from '../helpers/app';
import { contractData, contractError } from '../helpers/contract';

/** A code of the 30-second step `steps` ahead: a code is accepted once, so each use takes a new step. */
const codeAt = (secret: string, steps: number) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

function fails(res: { status: number; body: unknown }, status: number, id: string) {
  expect(res.status).toBe(status);
  expect(contractError(res).id).toBe(id);
}

async function enrol(c: Client) {
  const started = contractData(
    mfaEnrolmentResponse,
    await c.post('/api/auth/mfa/enrol').expect(200),
  );
  const res = await c
    .post('/api/auth/mfa/confirm', { code: await codeAt(started.secret, 0) })
    .expect(200);
  return {
    secret: started.secret,
    codes: contractData(mfaRecoveryCodesResponse, res).recoveryCodes,
  };
}

describe('two-step sign-in (TOTP)', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await makeTestApp();
  });
  afterEach(() => ctx.close());

  const audit = (action: string) =>
    ctx.db.all('SELECT * FROM audit_log WHERE action = ?', [action]);

  it('enrols with a QR code and one confirmation code; ten recovery codes are shown once', async () => {
    const engineer = await signedIn(ctx, 'engineer');
    const status = contractData(mfaStatusResponse, await engineer.get('/api/auth/mfa').expect(200));
    expect(status).toEqual({ enrolled: false, required: false, recoveryCodesLeft: 0 });
    const started = contractData(
      mfaEnrolmentResponse,
      await engineer.post('/api/auth/mfa/enrol').expect(200),
    );
    expect(started.otpauthUrl).toMatch(
      /^otpauth:\/\/totp\/Firstcall:engineer%40test\.example\?secret=/,
    );
    expect(started.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    fails(
      await engineer.post('/api/auth/mfa/confirm', { code: '000000' }),
      400,
      'mfa_code_invalid',
    );
    const res = await engineer
      .post('/api/auth/mfa/confirm', { code: await codeAt(started.secret, 0) })
      .expect(200);
    const { recoveryCodes } = contractData(mfaRecoveryCodesResponse, res);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    // stored hashed, never as written
    const stored = await ctx.db.all<{ code_hash: string }>(
      'SELECT code_hash FROM mfa_recovery_codes',
    );
    expect(stored.map((r) => r.code_hash)).not.toContain(recoveryCodes[0]);
    expect(await audit('mfa.enrol')).toHaveLength(1);
    fails(await engineer.post('/api/auth/mfa/enrol'), 409, 'mfa_already_enrolled');
    expect(
      contractData(mfaStatusResponse, await engineer.get('/api/auth/mfa').expect(200)),
    ).toEqual({ enrolled: true, required: false, recoveryCodesLeft: 10 });
  });

  it('asks for a code after the password; a code works once; a recovery code works once', async () => {
    const { secret, codes } = await enrol(await signedIn(ctx, 'engineer'));
    const c = client(ctx);
    const login = await c.login(USERS.engineer.email);
    expect(contractData(loginResponse, login)).toEqual({
      mfaRequired: true,
      csrfToken: expect.any(String),
    });
    await c.get('/api/auth/me').expect(401); // not signed in yet
    fails(await c.post('/api/auth/mfa/verify', { code: '123456' }), 400, 'mfa_code_invalid');
    const code = await codeAt(secret, 1);
    const ok = await c.post('/api/auth/mfa/verify', { code }).expect(200);
    const data = contractData(loginResponse, ok);
    expect(data).toMatchObject({
      user: { email: USERS.engineer.email },
      mfaEnrolmentRequired: false,
      signInMethod: 'password',
    });
    c.token = (data as { csrfToken: string }).csrfToken;
    contractData(meResponse, await c.get('/api/auth/me').expect(200));

    // the same code again (a replay, even within its 30 seconds) is refused
    const again = client(ctx);
    await again.login(USERS.engineer.email);
    fails(await again.post('/api/auth/mfa/verify', { code }), 400, 'mfa_code_invalid');
    // a recovery code, in any case and without its dash, once
    await again
      .post('/api/auth/mfa/verify', { code: codes[0]!.toLowerCase().replace('-', '') })
      .expect(200);
    const third = client(ctx);
    await third.login(USERS.engineer.email);
    fails(await third.post('/api/auth/mfa/verify', { code: codes[0]! }), 400, 'mfa_code_invalid');
    expect(await audit('mfa.recovery_code_used')).toHaveLength(1);
  });

  it('throttles wrong codes: after five, even the right one waits (429 with Retry-After)', async () => {
    const { secret } = await enrol(await signedIn(ctx, 'engineer'));
    const c = client(ctx);
    await c.login(USERS.engineer.email);
    for (let i = 0; i < 5; i++)
      fails(await c.post('/api/auth/mfa/verify', { code: '000000' }), 400, 'mfa_code_invalid');
    const limited = await c.post('/api/auth/mfa/verify', { code: await codeAt(secret, 1) });
    fails(limited, 429, 'too_many_attempts');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // the counter is in the database: another session of the same user is limited too
    const other = client(ctx);
    await other.login(USERS.engineer.email);
    fails(
      await other.post('/api/auth/mfa/verify', { code: await codeAt(secret, 1) }),
      429,
      'too_many_attempts',
    );
  });

  it('refuses a code without a password step first', async () => {
    const c = client(ctx);
    await c.refreshToken();
    fails(await c.post('/api/auth/mfa/verify', { code: '123456' }), 400, 'mfa_not_pending');
    fails(await c.post('/api/auth/mfa/verify', { code: 'x' }), 400, 'validation_failed');
  });

  it('an admin resets a lost second factor (audited); others may not', async () => {
    await enrol(await signedIn(ctx, 'engineer'));
    const id = (await ctx.db.get<{ id: number }>('SELECT id FROM users WHERE email = ?', [
      USERS.engineer.email,
    ]))!.id;
    const manager = await signedIn(ctx, 'manager');
    fails(await manager.post(`/api/users/${id}/mfa-reset`), 403, 'forbidden');
    const admin = await signedIn(ctx, 'admin');
    fails(await admin.post('/api/users/999999/mfa-reset'), 404, 'not_found');
    await admin.post(`/api/users/${id}/mfa-reset`).expect(204);
    expect(await audit('mfa.reset')).toHaveLength(1);
    const c = client(ctx);
    const login = await c.login(USERS.engineer.email);
    expect(contractData(loginResponse, login)).toMatchObject({
      user: { email: USERS.engineer.email },
    });
  });
});

describe('two-step sign-in required for admins and managers (MFA_REQUIRED)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await makeTestApp({ MFA_REQUIRED: 'true' });
  });
  afterAll(() => ctx.close());

  it('a manager without a second factor may only enrol; then everything works', async () => {
    const manager = client(ctx);
    const login = await manager.login(USERS.manager.email);
    expect(contractData(loginResponse, login)).toMatchObject({ mfaEnrolmentRequired: true });
    const today = new Date().toISOString().slice(0, 10);
    const stats = `/api/stats/summary?from=${today}&to=${today}`;
    fails(await manager.get(stats), 403, 'mfa_enrolment_required');
    fails(await manager.get('/api/search?q=router'), 403, 'mfa_enrolment_required');
    expect((await manager.get('/api/auth/me').expect(200)).body.data.mfaEnrolmentRequired).toBe(
      true,
    );
    await enrol(manager);
    await manager.get(stats).expect(200);
    expect((await manager.get('/api/auth/me').expect(200)).body.data.mfaEnrolmentRequired).toBe(
      false,
    );
  });

  it('agents and engineers are not asked', async () => {
    const agent = await signedIn(ctx, 'agent');
    await agent.get('/api/search?q=router').expect(200);
    expect((await agent.get('/api/auth/me').expect(200)).body.data.mfaEnrolmentRequired).toBe(
      false,
    );
  });
});
