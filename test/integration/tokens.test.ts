import request from 'supertest';
import { auditEntryResponse } from '../../server/contract/audit';
import { contactResponse } from '../../server/contract/contacts';
import { tokenResponse } from '../../server/contract/tokens';
import { makeTestApp, signedIn, USERS, type Client, type TestContext } from '../helpers/app';
import { contractData, contractError } from '../helpers/contract';
import { createArticle, userId } from '../helpers/factories';
import { createToken, withToken } from '../helpers/tokens';

describe('API tokens', () => {
  let ctx: TestContext;
  let admin: Client;
  beforeEach(async () => {
    ctx = await makeTestApp();
    admin = await signedIn(ctx, 'admin');
  });
  afterEach(() => ctx.close());

  it('an admin creates one: the fc_ secret is shown once, stored only as a hash, listed without it', async () => {
    const created = await createToken(admin, ['search:read', 'search:read', 'stats:read'], 'PBX');
    expect(created.token).toMatch(/^fc_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({
      name: 'PBX',
      scopes: ['search:read', 'stats:read'],
      hint: created.token.slice(-4),
      status: 'active',
      createdBy: { name: USERS.admin.name },
      lastUsedAt: null,
    });
    const days = (Date.parse(created.expiresAt) - Date.parse(created.createdAt)) / 86_400_000;
    expect(days).toBe(30);
    const rows = await ctx.db.all<Record<string, unknown>>('SELECT * FROM api_tokens');
    expect(JSON.stringify(rows)).not.toContain(created.token);
    expect(JSON.stringify(rows)).not.toContain(created.token.slice(3));

    const list = await admin.get('/api/tokens').expect(200);
    const [listed] = contractData(tokenResponse.array(), list);
    expect(listed).toMatchObject({ id: created.id, hint: created.hint });
    expect(JSON.stringify(list.body)).not.toContain(created.token);
  });

  it('only admins manage tokens, and bad input is a 400 naming the field', async () => {
    for (const who of ['agent', 'manager', 'engineer'] as const) {
      const c = await signedIn(ctx, who);
      expect((await c.get('/api/tokens')).status).toBe(403);
      const res = await c.post('/api/tokens', {
        name: 'x',
        scopes: ['search:read'],
        expiresInDays: 1,
      });
      expect(res.status).toBe(403);
    }
    expect((await request(ctx.app).get('/api/tokens')).status).toBe(401);
    for (const [body, field] of [
      [{ name: '', scopes: ['search:read'], expiresInDays: 1 }, 'name'],
      [{ name: 'x', scopes: [], expiresInDays: 1 }, 'scopes'],
      [{ name: 'x', scopes: ['admin:all'], expiresInDays: 1 }, 'scopes.0'],
      [{ name: 'x', scopes: ['search:read'], expiresInDays: 0 }, 'expiresInDays'],
      [{ name: 'x', scopes: ['search:read'], expiresInDays: 731 }, 'expiresInDays'],
      [{ name: 'x', scopes: ['search:read'] }, 'expiresInDays'],
      [{ name: 'x', scopes: ['search:read'], expiresInDays: 1, token: 'mine' }, 'token'],
    ] as const) {
      const res = await admin.post('/api/tokens', body);
      expect(res.status).toBe(400);
      expect(contractError(res)).toMatchObject({ id: 'validation_failed', field });
    }
  });

  it('a bearer token works without CSRF on the routes its scopes allow, and nowhere else', async () => {
    const engineer = await signedIn(ctx, 'engineer');
    await createArticle(engineer, { title: 'Router reset after firmware update' });
    const { token } = await createToken(admin, ['search:read', 'articles:read']);
    const api = withToken(ctx, token);
    const found = await api.get('/api/search?q=router').expect(200);
    expect(found.body.data.hits.length).toBeGreaterThan(0);
    expect((await api.get('/api/articles')).status).toBe(200);
    // no scope for it
    const noScope = await api.post('/api/contacts', {
      channel: 'phone',
      agentEmail: USERS.agent.email,
    });
    expect(noScope.status).toBe(403);
    expect(contractError(noScope)).toMatchObject({
      id: 'token_scope_missing',
      message: 'This token lacks the contacts:write scope.',
    });
    expect(contractError(await api.get('/api/stats/summary'))).toMatchObject({
      id: 'token_scope_missing',
    });
    // routes that take no tokens at all: people's, admins', the sign-in's
    for (const res of [
      await api.get('/api/users'),
      await api.get('/api/tokens'),
      await api.get('/api/auth/me'),
      await api.get('/api/auth/csrf'),
      await api.post('/api/articles', { title: 'x' }),
      await api.get('/api/contacts/stream'),
    ]) {
      expect(res.status).toBe(403);
      expect(contractError(res)).toMatchObject({
        id: 'forbidden',
        message: 'API tokens cannot use this route.',
      });
    }
    // a token request never gets a session cookie
    expect(found.headers['set-cookie']).toBeUndefined();
  });

  it('a token in the address or a cookie is refused; an unknown, malformed, revoked or expired one is a 401 at once', async () => {
    const { id, token } = await createToken(admin, ['search:read']);
    const misplaced = [
      await request(ctx.app).get(`/api/search?q=router&access_token=${token}`),
      await request(ctx.app).get('/api/search?q=router').set('Cookie', `auth=${token}`),
    ];
    for (const res of misplaced) {
      expect(res.status).toBe(400);
      expect(contractError(res).id).toBe('token_misplaced');
    }
    const unknownToken = `fc_${'A'.repeat(43)}`;
    for (const auth of [
      `Bearer ${unknownToken}`,
      'Bearer nonsense',
      'Basic abc',
      `Bearer ${token} extra`,
    ]) {
      const res = await request(ctx.app).get('/api/search?q=router').set('Authorization', auth);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
      expect(contractError(res).id).toBe('unauthenticated');
    }
    const api = withToken(ctx, token);
    expect((await api.get('/api/search?q=router')).status).toBe(200);
    await admin.delete(`/api/tokens/${id}`).expect(204);
    expect((await api.get('/api/search?q=router')).status).toBe(401);
    // revoking twice is fine; an unknown token is a 404
    await admin.delete(`/api/tokens/${id}`).expect(204);
    expect((await admin.delete('/api/tokens/999')).status).toBe(404);
    const [listed] = contractData(tokenResponse.array(), await admin.get('/api/tokens'));
    expect(listed).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });

    const other = await createToken(admin, ['search:read']);
    await ctx.db.run("UPDATE api_tokens SET expires_at = '2020-01-01T00:00:00.000Z' WHERE id = ?", [
      other.id,
    ]);
    expect((await withToken(ctx, other.token).get('/api/search?q=router')).status).toBe(401);
  });

  it('records when a token was last used', async () => {
    const { id, token } = await createToken(admin, ['search:read']);
    await withToken(ctx, token).get('/api/search?q=router').expect(200);
    const listed = contractData(tokenResponse.array(), await admin.get('/api/tokens'));
    expect(listed.find((t) => t.id === id)!.lastUsedAt).toEqual(expect.any(String));
  });

  it('is rate-limited per token: past the budget a 429, other tokens unaffected', async () => {
    const limited = await makeTestApp({ TOKEN_RATE_LIMIT: '3' });
    try {
      const a = await signedIn(limited, 'admin');
      const one = withToken(limited, (await createToken(a, ['search:read'])).token);
      const two = withToken(limited, (await createToken(a, ['search:read'])).token);
      for (let i = 0; i < 3; i++) expect((await one.get('/api/search?q=x')).status).toBe(200);
      const res = await one.get('/api/search?q=x');
      expect(res.status).toBe(429);
      expect(contractError(res).id).toBe('too_many_requests');
      expect(res.headers['retry-after']).toBe('60');
      expect((await two.get('/api/search?q=x')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('creating and revoking are audited', async () => {
    const { id } = await createToken(admin, ['stats:read'], 'Grafana');
    await admin.delete(`/api/tokens/${id}`).expect(204);
    const res = await admin.get(`/api/audit?entity=token&entityId=${id}`).expect(200);
    const entries = contractData(auditEntryResponse.array(), res);
    expect(entries.map((e) => e.action).sort()).toEqual(['token.created', 'token.revoked']);
    expect(entries[0]!.actorName).toBe(USERS.admin.name);
  });

  describe('the phone system opening contacts for agents', () => {
    let phone: ReturnType<typeof withToken>;
    beforeEach(async () => {
      phone = withToken(
        ctx,
        (await createToken(admin, ['contacts:write', 'contacts:read'], 'PBX')).token,
      );
    });
    const call = (extra: object = {}) => ({
      agentEmail: USERS.agent.email,
      channel: 'phone',
      customerRef: 'ACC-1042',
      reason: 'router blinking red',
      externalId: 'pbx-call-0001',
      ...extra,
    });

    it('opens one for the agent named by email, idempotent on externalId, audited as the token for the agent', async () => {
      const res = await phone.post('/api/contacts', call());
      expect(res.status).toBe(201);
      const contact = contractData(contactResponse, res);
      expect(contact).toMatchObject({
        agent: { name: USERS.agent.name },
        channel: 'phone',
        customerRef: 'ACC-1042',
        openingReason: 'router blinking red',
        externalId: 'pbx-call-0001',
        closedAt: null,
      });
      const again = await phone.post('/api/contacts', call());
      expect(again.status).toBe(200);
      expect(contractData(contactResponse, again).id).toBe(contact.id);
      expect((await ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM contacts'))!.n).toBe(1);

      const audit = contractData(
        auditEntryResponse.array(),
        await admin.get(`/api/audit?entity=contact&entityId=${contact.id}`),
      );
      expect(audit).toEqual([
        expect.objectContaining({
          action: 'contact.opened',
          actorName: USERS.agent.name,
          detail: expect.objectContaining({ via: 'token', token: 'PBX' }),
        }),
      ]);
      // the agent sees it as their own
      const agent = await signedIn(ctx, 'agent');
      const mine = await agent.get(`/api/contacts/${contact.id}`).expect(200);
      expect(contractData(contactResponse, mine).openingReason).toBe('router blinking red');
    });

    it('names the agent by their company sign-in subject too', async () => {
      const agentId = await userId(ctx, USERS.agent.email);
      await ctx.db.run(
        "UPDATE users SET oidc_issuer = 'https://idp', oidc_subject = 'sub-77' WHERE id = ?",
        [agentId],
      );
      const res = await phone.post(
        '/api/contacts',
        call({ agentEmail: undefined, agentExternalId: 'sub-77' }),
      );
      expect(res.status).toBe(201);
      expect(contractData(contactResponse, res).agent.id).toBe(agentId);
    });

    it.each([
      [{ agentEmail: undefined }, 'agentEmail', 'Name the agent: agentEmail or agentExternalId.'],
      [{ agentEmail: 'nobody@test.example' }, 'agentEmail', 'No such active user.'],
      [
        { agentEmail: undefined, agentExternalId: 'nope' },
        'agentExternalId',
        'No such active user.',
      ],
      [{ agentEmail: USERS.manager.email }, 'agentEmail', 'Managers do not take contacts.'],
      [
        { agentId: 1 },
        'agentEmail',
        'Name the agent once: agentId, agentEmail or agentExternalId.',
      ],
      [{ externalId: 'has space' }, 'externalId', 'externalId is printable ASCII without spaces.'],
      [{ channel: 'fax' }, 'channel', 'Channel is one of phone, chat, email.'],
    ])('refuses %j with a 400 on %s', async (extra, field, message) => {
      const res = await phone.post('/api/contacts', call(extra));
      expect(res.status).toBe(400);
      expect(contractError(res)).toEqual({ id: 'validation_failed', field, message });
    });

    it('closes it and reads the outcome with the same token; a person cannot name another agent', async () => {
      const contact = contractData(contactResponse, await phone.post('/api/contacts', call()));
      const closed = await phone.post(`/api/contacts/${contact.id}/close`, {
        outcome: 'escalated',
        department: 'network',
        reason: 'line fault',
      });
      expect(closed.status).toBe(200);
      const read = contractData(
        contactResponse,
        await phone.get(`/api/contacts/${contact.id}`).expect(200),
      );
      expect(read).toMatchObject({ outcome: 'escalated', escalatedTo: { slug: 'network' } });
      expect((await phone.get('/api/contacts')).status).toBe(200);

      const agent = await signedIn(ctx, 'agent');
      const res = await agent.post('/api/contacts', {
        channel: 'phone',
        agentEmail: USERS.agent.email,
      });
      expect(res.status).toBe(403);
      expect(contractError(res).id).toBe('explicit_times_forbidden');
    });

    it('a retried POST with the same Idempotency-Key opens one contact; keys are the token own', async () => {
      const body = call({ externalId: undefined });
      const headers = { Authorization: phone.auth, 'Idempotency-Key': 'pbx-retry-1' };
      const first = await request(ctx.app).post('/api/contacts').set(headers).send(body);
      const again = await request(ctx.app).post('/api/contacts').set(headers).send(body);
      expect([first.status, again.status]).toEqual([201, 201]);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      // the same key from a person is theirs, not the token's
      const agent = await signedIn(ctx, 'agent');
      const mine = await agent.post(
        '/api/contacts',
        { channel: 'chat' },
        { 'Idempotency-Key': 'pbx-retry-1' },
      );
      expect(mine.status).toBe(201);
      expect(mine.body.data.id).not.toBe(first.body.data.id);
    });

    it('a read-only token cannot open or close', async () => {
      const reader = withToken(ctx, (await createToken(admin, ['contacts:read'])).token);
      const res = await reader.post('/api/contacts', call());
      expect(contractError(res)).toMatchObject({ id: 'token_scope_missing' });
    });
  });
});
