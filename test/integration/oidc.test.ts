import { logoutResponse, meResponse, providersResponse } from '../../server/contract/auth';
import {
  client,
  makeTestApp,
  signedIn,
  USERS,
  type Client,
  type TestContext,
} from '../helpers/app';
import { contractData, contractError } from '../helpers/contract';
import { startProvider, type TestProvider } from '../helpers/oidc';

/** Where the provider sends browsers back; the tests replay that against the app in-process. */
const REDIRECT_URI = 'http://127.0.0.1:3999/api/auth/oidc/callback';
const ROLE_MAP = 'kb-agents=agent,kb-engineers=engineer,kb-managers=manager,kb-admins=admin';

describe('company sign-in (OpenID Connect against a real oidc-provider)', () => {
  let provider: TestProvider;
  let ctx: TestContext;

  beforeAll(async () => {
    provider = await startProvider(REDIRECT_URI, 'http://127.0.0.1:3999/login');
  }, 30_000);
  afterAll(() => provider.stop());

  const env = (extra: Record<string, string> = {}) => ({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_REDIRECT_URI: REDIRECT_URI,
    OIDC_DISPLAY_NAME: 'Acme SSO',
    OIDC_ROLE_MAP: ROLE_MAP,
    OIDC_DEPARTMENT_CLAIM: 'department',
    MFA_REQUIRED: 'true',
    ...extra,
  });
  beforeEach(async () => {
    ctx = await makeTestApp(env());
    await provider.forgeIdToken({});
    await provider.setAccount('u-100', {
      email: 'casey@acme.example',
      email_verified: true,
      name: 'Casey Caller',
      groups: ['staff', 'kb-agents'],
      department: 'frontline',
    });
  });
  afterEach(() => ctx.close());

  /** Starts at our app, signs in at the provider, and returns the callback path to replay. */
  async function toCallback(c: Client, sub = 'u-100', next = '/search') {
    const start = await c.get(`/api/auth/oidc/start?next=${encodeURIComponent(next)}`).expect(303);
    const authorize = new URL(start.headers.location!);
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    const back = await provider.signIn(authorize.href, sub);
    expect(back.origin + back.pathname).toBe(REDIRECT_URI);
    return back.pathname + back.search;
  }

  async function signInVia(c: Client, sub = 'u-100', next = '/search') {
    return c.get(await toCallback(c, sub, next)).expect(303);
  }

  const failures = async () =>
    (
      await ctx.db.all<{ detail: string }>(
        "SELECT detail FROM audit_log WHERE action = 'auth.login_failed' ORDER BY id",
      )
    ).map((r) => JSON.parse(r.detail) as { step: string; reason: string });
  const ssoUser = () =>
    ctx.db.get<{ id: number; role: string; active: number; oidc_subject: string }>(
      "SELECT id, role, active, oidc_subject FROM users WHERE email = 'casey@acme.example'",
    );

  it('signs in, provisioning the account from the mapped group, keyed by issuer and subject', async () => {
    const c = client(ctx);
    const providers = contractData(
      providersResponse,
      await c.get('/api/auth/providers').expect(200),
    );
    expect(providers).toEqual({
      password: true,
      sso: { name: 'Acme SSO', startUrl: '/api/auth/oidc/start' },
    });
    const done = await signInVia(c);
    expect(done.headers.location).toBe('/search');
    const me = contractData(meResponse, await c.get('/api/auth/me').expect(200));
    expect(me).toEqual({
      user: expect.objectContaining({
        email: 'casey@acme.example',
        name: 'Casey Caller',
        role: 'agent',
        department: expect.objectContaining({ slug: 'frontline' }),
      }),
      mfaEnrolmentRequired: false,
      signInMethod: 'sso',
    });
    const row = await ctx.db.get<{
      oidc_issuer: string;
      oidc_subject: string;
      password_hash: string;
    }>(
      "SELECT oidc_issuer, oidc_subject, password_hash FROM users WHERE email = 'casey@acme.example'",
    );
    expect(row).toEqual({ oidc_issuer: provider.issuer, oidc_subject: 'u-100', password_hash: '' });
    const logins = await ctx.db.all<{ detail: string }>(
      "SELECT detail FROM audit_log WHERE action IN ('auth.login', 'user.create') ORDER BY id",
    );
    expect(logins.map((l) => JSON.parse(l.detail))).toEqual([
      { email: 'casey@acme.example', role: 'agent', department: 'frontline', via: 'sso' },
      { method: 'sso', address: expect.any(String) },
    ]);
    // the account has no password: the sign-in form cannot be used for it
    expect((await client(ctx).login('casey@acme.example', '')).status).toBe(401);
    // the next sign-in finds the same account
    await signInVia(client(ctx));
    expect((await ctx.db.all("SELECT id FROM users WHERE oidc_subject = 'u-100'")).length).toBe(1);
  });

  it('an admin cannot give an account of the company sign-in a password here', async () => {
    const plain = await makeTestApp(env({ MFA_REQUIRED: 'false' }));
    try {
      const c = client(plain);
      await c.get(await toCallback(c)).expect(303);
      const { id } = (await plain.db.get<{ id: number }>(
        "SELECT id FROM users WHERE email = 'casey@acme.example'",
      ))!;
      const admin = await signedIn(plain, 'admin');
      const reset = await admin.post(`/api/users/${id}/password-reset`);
      expect(reset.status).toBe(400);
      expect(contractError(reset).message).toMatch(
        /company sign-in: their password is managed there/,
      );
    } finally {
      await plain.close();
    }
  });

  it('a manager or admin signed in through the provider is not asked for our second factor', async () => {
    await provider.setAccount('u-200', {
      email: 'mo@acme.example',
      name: 'Mo Manager',
      groups: ['kb-managers'],
    });
    const c = client(ctx);
    await signInVia(c, 'u-200');
    const me = contractData(meResponse, await c.get('/api/auth/me'));
    expect(me.user.role).toBe('manager');
    expect(me.mfaEnrolmentRequired).toBe(false);
    await c.get('/api/stats/summary?from=2026-01-01&to=2026-01-31').expect(200);
    // no department claim: the first frontline department, an admin moves them later
    expect(me.user.department.slug).toBe('frontline');
  });

  it('refuses a callback whose state is not the one it sent', async () => {
    const c = client(ctx);
    const back = new URL(await toCallback(c), 'http://x');
    back.searchParams.set('state', 'not-the-state');
    const res = await c.get(back.pathname + back.search).expect(303);
    expect(res.headers.location).toBe('/no-access?reason=failed');
    await c.get('/api/auth/me').expect(401);
    expect(await failures()).toEqual([
      expect.objectContaining({ step: 'sso', reason: 'OAUTH_INVALID_RESPONSE' }),
    ]);
  });

  it('refuses a replayed code', async () => {
    const first = client(ctx);
    const used = new URL(await toCallback(first), 'http://x');
    await first.get(used.pathname + used.search).expect(303);
    await first.get('/api/auth/me').expect(200);
    // an attacker with the code starts their own sign-in and pushes the spent code through it
    const attacker = client(ctx);
    const start = await attacker.get('/api/auth/oidc/start').expect(303);
    const state = new URL(start.headers.location!).searchParams.get('state')!;
    used.searchParams.set('state', state);
    const res = await attacker.get(used.pathname + used.search).expect(303);
    expect(res.headers.location).toBe('/no-access?reason=failed');
    await attacker.get('/api/auth/me').expect(401);
    expect((await failures())[0]!.reason).toMatch(/invalid_grant/);
  });

  it.each([
    [
      'a nonce that is not ours',
      { nonce: 'somebody-elses-nonce' },
      'OAUTH_JWT_CLAIM_COMPARISON_FAILED:nonce',
    ],
    ['another audience', { audience: 'some-other-app' }, 'OAUTH_JWT_CLAIM_COMPARISON_FAILED:aud'],
    ['an expiry in the past', { expired: true }, 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED:exp'],
  ])('refuses an ID token with %s', async (_what, forge, reason) => {
    await provider.forgeIdToken(forge);
    const c = client(ctx);
    const res = await c.get(await toCallback(c)).expect(303);
    expect(res.headers.location).toBe('/no-access?reason=failed');
    await c.get('/api/auth/me').expect(401);
    expect(await ssoUser()).toBeUndefined();
    expect(await failures()).toEqual([expect.objectContaining({ step: 'sso', reason })]);
  });

  it('no mapped group: the no-access page, and no account', async () => {
    await provider.setAccount('u-300', {
      email: 'vis@acme.example',
      name: 'Vi Visitor',
      groups: ['staff'],
    });
    const c = client(ctx);
    const res = await signInVia(c, 'u-300');
    expect(res.headers.location).toBe('/no-access?reason=no_access');
    await c.get('/api/auth/me').expect(401);
    expect(
      await ctx.db.get("SELECT id FROM users WHERE email = 'vis@acme.example'"),
    ).toBeUndefined();
    expect(await failures()).toEqual([
      expect.objectContaining({ step: 'sso', reason: 'no_access' }),
    ]);
  });

  it('a locally disabled person cannot sign in through the provider', async () => {
    await signInVia(client(ctx));
    await ctx.db.run("UPDATE users SET active = 0 WHERE email = 'casey@acme.example'");
    const c = client(ctx);
    expect((await signInVia(c)).headers.location).toBe('/no-access?reason=disabled');
    await c.get('/api/auth/me').expect(401);
  });

  it('picks up a role change at the provider at the next sign-in', async () => {
    await signInVia(client(ctx));
    expect((await ssoUser())!.role).toBe('agent');
    await provider.setAccount('u-100', {
      email: 'casey@acme.example',
      name: 'Casey Caller',
      groups: ['kb-agents', 'kb-engineers'],
      department: 'network',
    });
    const c = client(ctx);
    await signInVia(c);
    const me = contractData(meResponse, await c.get('/api/auth/me'));
    expect(me.user).toMatchObject({ role: 'engineer', department: { slug: 'network' } });
    const [changed] = await ctx.db.all<{ detail: string }>(
      "SELECT detail FROM audit_log WHERE action = 'user.update'",
    );
    expect(JSON.parse(changed!.detail)).toEqual({
      changes: {
        role: { from: 'agent', to: 'engineer' },
        department: { from: 'frontline', to: 'network' },
      },
      via: 'sso',
    });
    // removed from every mapped group: no access any more
    await provider.setAccount('u-100', { email: 'casey@acme.example', groups: [] });
    expect((await signInVia(client(ctx))).headers.location).toBe('/no-access?reason=no_access');
  });

  it('never links to a local account by email alone', async () => {
    await provider.setAccount('u-400', {
      email: USERS.agent.email,
      name: 'Same Email',
      groups: ['kb-admins'],
    });
    const c = client(ctx);
    expect((await signInVia(c, 'u-400')).headers.location).toBe('/no-access?reason=email_in_use');
    await c.get('/api/auth/me').expect(401);
    const local = await ctx.db.get<{ role: string; oidc_subject: string | null }>(
      'SELECT role, oidc_subject FROM users WHERE email = ?',
      [USERS.agent.email],
    );
    expect(local).toEqual({ role: 'agent', oidc_subject: null });
  });

  it('signs out here and hands the provider’s sign-out address to the browser', async () => {
    const c = client(ctx);
    await signInVia(c);
    await c.refreshToken();
    const out = contractData(logoutResponse, await c.post('/api/auth/logout').expect(200));
    const end = new URL(out.endSessionUrl!);
    expect(end.origin).toBe(provider.issuer);
    expect(end.searchParams.get('id_token_hint')).toBeTruthy();
    expect(end.searchParams.get('post_logout_redirect_uri')).toMatch(/\/login$/);
    await c.get('/api/auth/me').expect(401);
  });

  it('goes only to paths of ours after signing in (no open redirect), and refuses a callback it did not start', async () => {
    const c = client(ctx);
    expect((await signInVia(c, 'u-100', '//evil.example/x')).headers.location).toBe('/');
    const stranger = client(ctx);
    const res = await stranger.get('/api/auth/oidc/callback?code=abc&state=def').expect(303);
    expect(res.headers.location).toBe('/no-access?reason=failed');
  });

  it('LOCAL_LOGIN=false turns password sign-in off; the provider still works', async () => {
    const ssoOnly = await makeTestApp(env({ LOCAL_LOGIN: 'false' }));
    try {
      const c = client(ssoOnly);
      expect(contractData(providersResponse, await c.get('/api/auth/providers')).password).toBe(
        false,
      );
      const res = await c.login(USERS.admin.email);
      expect(res.status).toBe(403);
      expect(contractError(res).id).toBe('local_login_disabled');
      expect(contractError(res).message).toMatch(/sign in with Acme SSO/);
      await c.get((await signInVia(c)).headers.location!); // the client app's page
      await c.get('/api/auth/me').expect(200);
    } finally {
      await ssoOnly.close();
    }
  });
});
