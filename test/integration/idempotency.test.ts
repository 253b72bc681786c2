import { createHash } from 'node:crypto';
import { makeTestApp, signedInUsers, type Client, type TestContext } from '../helpers/app';
import { createArticle, openContact } from '../helpers/factories';

describe('Idempotency-Key on contact writes', () => {
  let ctx: TestContext;
  let u: Record<'agent' | 'engineer' | 'admin', Client>;
  let articleId: number;

  beforeAll(async () => {
    ctx = await makeTestApp();
    u = await signedInUsers(ctx, ['agent', 'engineer', 'admin']);
    articleId = (await createArticle(u.engineer)).id;
  });
  afterAll(() => ctx.close());

  const key = (() => {
    let n = 0;
    return () => `key-${Date.now()}-${++n}`;
  })();
  const count = async (sql: string, params: (string | number)[] = []) =>
    (await ctx.db.get<{ n: number }>(sql, params))!.n;

  it('opens one contact for a repeated POST /api/contacts, answering the first response again', async () => {
    const k = key();
    const before = await count('SELECT count(*) AS n FROM contacts');
    const first = await u.agent.post(
      '/api/contacts',
      { channel: 'chat' },
      { 'Idempotency-Key': k },
    );
    expect(first.status).toBe(201);
    const again = await u.agent.post(
      '/api/contacts',
      { channel: 'chat' },
      { 'Idempotency-Key': k },
    );
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await count('SELECT count(*) AS n FROM contacts')).toBe(before + 1);
  });

  it('closes once: a repeated close answers 200 with the first body, not 409 contact_closed', async () => {
    const c = await openContact(u.agent);
    const k = key();
    const body = { outcome: 'solved', articleId };
    const first = await u.agent.post(`/api/contacts/${c.id}/close`, body, { 'Idempotency-Key': k });
    expect(first.status).toBe(200);
    const again = await u.agent.post(`/api/contacts/${c.id}/close`, body, { 'Idempotency-Key': k });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    // without the key the same request is a second close, refused
    const plain = await u.agent.post(`/api/contacts/${c.id}/close`, body);
    expect(plain.status).toBe(409);
    expect(
      await count('SELECT count(*) AS n FROM contact_actions WHERE contact_id = ?', [c.id]),
    ).toBe(1);
  });

  it('marks tried and opened once, and undoes once', async () => {
    const c = await openContact(u.agent);
    const tried = key();
    for (let i = 0; i < 2; i++) {
      await u.agent
        .post(`/api/contacts/${c.id}/opened`, { articleId }, { 'Idempotency-Key': `${tried}-o` })
        .expect(200);
      await u.agent
        .post(`/api/contacts/${c.id}/tried`, { articleId }, { 'Idempotency-Key': tried })
        .expect(200);
    }
    await u.agent.post(`/api/contacts/${c.id}/close`, { outcome: 'follow_up' }).expect(200);
    const undoKey = key();
    const first = await u.agent.post(
      `/api/contacts/${c.id}/undo`,
      {},
      { 'Idempotency-Key': undoKey },
    );
    expect(first.status).toBe(200);
    // a second undo with the same key must not take back the tried mark as well
    const again = await u.agent.post(
      `/api/contacts/${c.id}/undo`,
      {},
      { 'Idempotency-Key': undoKey },
    );
    expect(again.body).toEqual(first.body);
    expect(again.body.data.tried).toHaveLength(1);
  });

  it('refuses the same key with a different body or route: 422 idempotency_key_reused', async () => {
    const k = key();
    await u.agent.post('/api/contacts', { channel: 'phone' }, { 'Idempotency-Key': k }).expect(201);
    const other = await u.agent.post(
      '/api/contacts',
      { channel: 'email' },
      { 'Idempotency-Key': k },
    );
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({
      id: 'idempotency_key_reused',
      field: 'Idempotency-Key',
    });
    const c = await openContact(u.agent);
    const elsewhere = await u.agent.post(
      `/api/contacts/${c.id}/close`,
      { outcome: 'follow_up' },
      { 'Idempotency-Key': k },
    );
    expect(elsewhere.status).toBe(422);
    expect(
      (await ctx.db.get<{ closed_at: string | null }>(
        'SELECT closed_at FROM contacts WHERE id = ?',
        [c.id],
      ))!.closed_at,
    ).toBeNull();
  });

  it("keeps keys per user: another user's same key is a request of its own", async () => {
    const k = key();
    const a = await u.agent.post('/api/contacts', { channel: 'phone' }, { 'Idempotency-Key': k });
    const b = await u.admin.post('/api/contacts', { channel: 'phone' }, { 'Idempotency-Key': k });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.data.id).not.toBe(a.body.data.id);
  });

  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(129)],
    ['with a tab inside', 'bad\tkey'],
    ['non-ASCII', 'clé'],
  ])('refuses a key that is %s: 400 idempotency_key_invalid', async (_what, value) => {
    const res = await u.agent
      .post('/api/contacts', { channel: 'phone' })
      .set('Idempotency-Key', value);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ id: 'idempotency_key_invalid' });
  });

  it('accepts 128 printable characters', async () => {
    const k = `${key()}-${'x'.repeat(128)}`.slice(-128);
    await u.agent.post('/api/contacts', { channel: 'phone' }, { 'Idempotency-Key': k }).expect(201);
  });

  it('does not keep a failed answer: the same key may be sent again once the cause is fixed', async () => {
    const c = await openContact(u.agent);
    const k = key();
    const bad = await u.agent.post(
      `/api/contacts/${c.id}/close`,
      { outcome: 'solved', articleId: 999999 },
      { 'Idempotency-Key': k },
    );
    expect(bad.status).toBe(400);
    const retried = await u.agent.post(
      `/api/contacts/${c.id}/close`,
      { outcome: 'solved', articleId: 999999 },
      { 'Idempotency-Key': k },
    );
    expect(retried.status).toBe(400);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
  });

  it('answers 409 idempotency_key_in_progress while the first is still running', async () => {
    const k = key();
    const userId = (await ctx.db.get<{ id: number }>(
      "SELECT id FROM users WHERE email = 'agent@test.example'",
    ))!.id;
    // the first request's claim, as it stands while that request runs
    const fingerprint = createHash('sha256')
      .update('POST /api/contacts\n{"channel":"phone"}')
      .digest('base64url');
    await ctx.db.run(
      `INSERT INTO idempotency_keys (owner, key, fingerprint, created_at) VALUES (?, ?, ?, ?)`,
      [`user:${userId}`, k, fingerprint, new Date().toISOString()],
    );
    const res = await u.agent.post('/api/contacts', { channel: 'phone' }, { 'Idempotency-Key': k });
    expect(res.status).toBe(409);
    expect(res.body.error.id).toBe('idempotency_key_in_progress');
    // a claim left by a process that stopped is given up after a minute
    await ctx.db.run(
      `UPDATE idempotency_keys SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-61 seconds') WHERE key = ?`,
      [k],
    );
    await u.agent.post('/api/contacts', { channel: 'phone' }, { 'Idempotency-Key': k }).expect(201);
  });

  it('forgets keys after 24 hours', async () => {
    const k = key();
    const first = await u.agent.post(
      '/api/contacts',
      { channel: 'phone' },
      { 'Idempotency-Key': k },
    );
    await ctx.db.run(
      `UPDATE idempotency_keys SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-25 hours') WHERE key = ?`,
      [k],
    );
    const later = await u.agent.post(
      '/api/contacts',
      { channel: 'phone' },
      { 'Idempotency-Key': k },
    );
    expect(later.status).toBe(201);
    expect(later.body.data.id).not.toBe(first.body.data.id);
  });
});
