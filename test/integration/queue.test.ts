import {
  client,
  makeTestApp,
  signedInUsers,
  USERS,
  type Client,
  type TestContext,
  type UserKey,
} from '../helpers/app';
import { DAY, ISO, search } from '../helpers/contacts';
import {
  articleInput,
  createArticle,
  type CreatedArticle,
  departmentId,
  openContact,
  userId,
} from '../helpers/factories';
import {
  auditOf,
  close,
  count,
  day,
  flagArticle,
  flagRow,
  moveConfidence,
  resolveItem,
  triedOn,
} from '../helpers/lifecycle';
import { contractData } from '../helpers/contract';
import { queueResponse } from '../../server/contract/queue';

interface RequestDbRow {
  id: number;
  department_id: number;
  contact_id: number;
  status: string;
  article_id: number | null;
  created_at: string;
  resolved_at: string | null;
  resolved_by: number | null;
  resolution_note: string | null;
}

describe('department queue', () => {
  let ctx: TestContext;
  let agent: Client;
  let engineer: Client;
  let billingEngineer: Client;
  let admin: Client;
  let clients: Record<UserKey, Client>;
  let engineerId: number;
  let adminId: number;

  beforeAll(async () => {
    ctx = await makeTestApp();
    clients = await signedInUsers(ctx);
    ({ agent, engineer, billingEngineer, admin } = clients);
    engineerId = await userId(ctx, USERS.engineer.email);
    adminId = await userId(ctx, USERS.admin.email);
  });
  afterAll(() => ctx.close());

  const queue = async (c: Client, slug = 'network') =>
    contractData(queueResponse, await c.get(`/api/queue/${slug}`).expect(200));
  const requestRow = (id: number) =>
    ctx.db.get<RequestDbRow>('SELECT * FROM article_requests WHERE id = ?', [id]);

  /** An agent contact that searched `queries`, escalated to `department` needing an article. */
  async function request(queries: string[], department = 'network', reason = 'No article fits') {
    const c = await openContact(agent);
    for (const q of queries) await search(agent, { q, contactId: c.id }).expect(200);
    await close(agent, c.id, { outcome: 'escalated', department, reason, needsArticle: true });
    const r = await ctx.db.get<{ id: number }>(
      'SELECT id FROM article_requests WHERE contact_id = ?',
      [c.id],
    );
    return { id: r!.id, contactId: c.id };
  }
  const flag = async (article: CreatedArticle) =>
    (await flagArticle(agent, article.id, { reason: 'incorrect', comment: 'Step 2 is wrong' })).id;

  describe('reading', () => {
    it('answers each role: own engineers, managers and admins 200; others 403; anonymous 401', async () => {
      for (const who of ['engineer', 'manager', 'admin'] as const)
        expect((await clients[who].get('/api/queue/network')).status).toBe(200);
      for (const who of ['agent', 'billingEngineer'] as const) {
        const res = await clients[who].get('/api/queue/network');
        expect(res.status).toBe(403);
        expect(res.body).not.toHaveProperty('data');
      }
      expect((await client(ctx).get('/api/queue/network')).status).toBe(401);
      expect((await admin.get('/api/queue/nowhere')).status).toBe(404);
      const q = await queue(engineer);
      expect(Object.keys(q).sort()).toEqual(
        ['department', 'failing', 'flags', 'requestGroups', 'requests', 'stale'].sort(),
      );
      expect(q.department).toEqual({ slug: 'network', name: 'Network Engineering' });
    });

    it('lists validated articles past their verify-by date as stale, oldest first', async () => {
      const older = await createArticle(engineer, { verifyBy: day(-30) });
      const newer = await createArticle(engineer, { verifyBy: day(-1) });
      const fresh = await createArticle(engineer, { verifyBy: day(1) });
      const unpublished = await createArticle(engineer, {
        confidence: 'not_validated',
        verifyBy: day(-30),
      });
      const archived = await createArticle(engineer, {
        confidence: 'archived',
        verifyBy: day(-30),
      });
      const stale = (await queue(engineer)).stale;
      const ids = stale.map((s) => s.id);
      expect(ids).toEqual(expect.arrayContaining([older.id, newer.id]));
      expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
      for (const a of [fresh, unpublished, archived]) expect(ids).not.toContain(a.id);
      expect(stale.find((s) => s.id === older.id)).toEqual({
        id: older.id,
        slug: older.slug,
        title: older.title,
        verifyBy: day(-30),
      });
      expect((await queue(billingEngineer, 'billing')).stale.map((s) => s.id)).not.toContain(
        older.id,
      );
    });

    it('lists validated articles tried J (3) times in 30 days as failing, with the count', async () => {
      const failing = await createArticle(engineer);
      const twice = await createArticle(engineer);
      const unpublished = await createArticle(engineer, { confidence: 'not_validated' });
      await triedOn(agent, failing.id, 3);
      await triedOn(agent, twice.id, 2);
      await triedOn(agent, unpublished.id, 3);
      const q = await queue(engineer);
      expect(q.failing.find((f) => f.id === failing.id)).toEqual({
        id: failing.id,
        slug: failing.slug,
        title: failing.title,
        verifyBy: day(90),
        tries: 3,
      });
      const ids = q.failing.map((f) => f.id);
      expect(ids).not.toContain(twice.id);
      expect(ids).not.toContain(unpublished.id);
      expect((await queue(billingEngineer, 'billing')).failing.map((f) => f.id)).not.toContain(
        failing.id,
      );
    });

    it('takes a failing article out of the queue once its failing flag is resolved with a note', async () => {
      const a = await createArticle(engineer);
      await triedOn(agent, a.id, 3);
      const before = await queue(engineer);
      expect(before.failing.map((f) => f.id)).toContain(a.id);
      const failingFlag = before.flags.find((f) => f.article.id === a.id && f.reason === 'failing');
      expect(failingFlag).toBeDefined();
      await resolveItem(engineer, 'flags', failingFlag!.id, { note: 'Step 3 rewritten' }).expect(
        204,
      );
      // every queue item can be resolved with a note: the article no longer waits as failing
      expect((await queue(engineer)).failing.map((f) => f.id)).not.toContain(a.id);
    });

    it('does not count tries older than 30 days', async () => {
      const a = await createArticle(engineer);
      await triedOn(agent, a.id, 3);
      await ctx.db.run(
        `UPDATE contact_articles SET at = ? WHERE article_id = ? AND kind = 'tried'
         AND rowid IN (SELECT rowid FROM contact_articles WHERE article_id = ? AND kind = 'tried' LIMIT 1)`,
        [new Date(Date.now() - 31 * DAY).toISOString(), a.id, a.id],
      );
      expect((await queue(engineer)).failing.map((f) => f.id)).not.toContain(a.id);
    });

    it('groups requests by the first query callers searched, counting contacts', async () => {
      const q = `zebrafax${Date.now()}`;
      const first = await request([`${q} offline`, 'fax line dead']);
      const second = await request([`${q.toUpperCase()}  Offline`]);
      const third = await request([`${q} offline`, 'fax tone']);
      const other = await request([`${q} paper jam`]);
      const billing = await request([`${q} offline`], 'billing');
      const data = await queue(engineer);
      const mine = data.requestGroups.filter((g) => g.key.startsWith(q));
      expect(mine.map((g) => [g.key, g.contacts])).toEqual([
        [`${q} offline`, 3],
        [`${q} paper jam`, 1],
      ]);
      expect(mine[0]!.requestIds.sort()).toEqual([first.id, second.id, third.id].sort());
      expect(mine[0]!.queries).toEqual(
        expect.arrayContaining([`${q} offline`, 'fax line dead', 'fax tone']),
      );
      expect(mine[0]!.firstAt <= mine[0]!.lastAt).toBe(true);
      expect(mine[1]!.requestIds).toEqual([other.id]);
      // the requests themselves carry what was searched
      expect(data.requests.find((r) => r.id === first.id)).toMatchObject({
        contactId: first.contactId,
        queries: [`${q} offline`, 'fax line dead'],
      });
      // billing's request is billing's
      expect(data.requests.map((r) => r.id)).not.toContain(billing.id);
      expect((await queue(billingEngineer, 'billing')).requestGroups).toContainEqual(
        expect.objectContaining({ key: `${q} offline`, contacts: 1, requestIds: [billing.id] }),
      );
    });
  });

  describe('resolving', () => {
    it('resolves a flag with a note: 204, stored, audited, gone from the queue; 409 the second time', async () => {
      const a = await createArticle(engineer);
      const id = await flag(a);
      expect((await queue(engineer)).flags.map((f) => f.id)).toContain(id);
      const res = await resolveItem(engineer, 'flags', id, { note: '  Step 2 rewritten  ' });
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      const stored = await flagRow(ctx, id);
      expect(stored).toMatchObject({
        status: 'resolved',
        resolved_by: engineerId,
        resolution_note: 'Step 2 rewritten',
        resolved_at: expect.stringMatching(ISO),
      });
      expect((await queue(engineer)).flags.map((f) => f.id)).not.toContain(id);
      const audit = await auditOf(ctx, 'flag', id);
      expect(audit).toEqual([
        {
          id: expect.any(Number),
          at: stored!.resolved_at,
          actor_id: engineerId,
          action: 'queue.resolve',
          entity: 'flag',
          entity_id: id,
          detail: JSON.stringify({ note: 'Step 2 rewritten' }),
        },
      ]);
      const again = await resolveItem(engineer, 'flags', id, { note: 'again' });
      expect(again.status).toBe(409);
      expect(again.body.error.id).toBe('queue_item_resolved');
      expect(await flagRow(ctx, id)).toEqual(stored);
      expect(await auditOf(ctx, 'flag', id)).toHaveLength(1);
    });

    it('resolves a request with a note: it leaves requests and requestGroups', async () => {
      const r = await request([`walrusmodem${Date.now()} no sync`]);
      const res = await resolveItem(engineer, 'requests', r.id, {
        note: 'Known outage, no article',
      });
      expect(res.status).toBe(204);
      expect(await requestRow(r.id)).toMatchObject({
        status: 'resolved',
        resolved_by: engineerId,
        resolution_note: 'Known outage, no article',
        resolved_at: expect.stringMatching(ISO),
        article_id: null,
      });
      const q = await queue(engineer);
      expect(q.requests.map((x) => x.id)).not.toContain(r.id);
      expect(q.requestGroups.flatMap((g) => g.requestIds)).not.toContain(r.id);
      expect((await auditOf(ctx, 'request', r.id)).map((e) => [e.action, e.actor_id])).toEqual([
        ['queue.resolve', engineerId],
      ]);
      const again = await resolveItem(admin, 'requests', r.id, { note: 'again' });
      expect(again.status).toBe(409);
      expect(again.body.error.id).toBe('queue_item_resolved');
    });

    it.each([
      ['agent', 403],
      ['manager', 403],
      ['billingEngineer', 403],
      ['admin', 204],
    ] as const)('answers %s resolving a network flag and request with %i', async (who, status) => {
      const a = await createArticle(engineer);
      const flagId = await flag(a);
      const r = await request([`otterphone${who} crackle`]);
      for (const [kind, id] of [
        ['flags', flagId],
        ['requests', r.id],
      ] as const) {
        const res = await resolveItem(clients[who], kind, id, { note: 'Handled' });
        expect(res.status).toBe(status);
        const stored = kind === 'flags' ? await flagRow(ctx, id) : await requestRow(id);
        if (status === 204) {
          expect(stored).toMatchObject({ status: 'resolved', resolved_by: adminId });
        } else {
          expect(res.body.error.id).toBe('forbidden');
          expect(stored).toMatchObject({ status: 'open', resolved_by: null, resolved_at: null });
        }
      }
    });

    it('lets the billing engineer resolve billing’s items', async () => {
      const b = await createArticle(billingEngineer, { department: 'billing' });
      const id = await flag(b);
      expect(
        (await resolveItem(billingEngineer, 'flags', id, { note: 'Prices updated' })).status,
      ).toBe(204);
      expect((await flagRow(ctx, id))!.status).toBe('resolved');
    });

    it.each([
      ['no note', {}],
      ['an empty note', { note: '' }],
      ['a blank note', { note: '   ' }],
      ['a 1001-character note', { note: 'x'.repeat(1001) }],
      ['an unknown field', { note: 'ok', status: 'resolved' }],
    ])('answers 400 to %s and leaves the item open', async (_, body) => {
      const a = await createArticle(engineer);
      const id = await flag(a);
      const res = await resolveItem(engineer, 'flags', id, body);
      expect(res.status).toBe(400);
      expect(res.body.error.id).toBe('validation_failed');
      expect((await flagRow(ctx, id))!.status).toBe('open');
      expect(await auditOf(ctx, 'flag', id)).toEqual([]);
    });

    it('answers 404 for unknown items and 400 for a bad kind or id', async () => {
      expect((await resolveItem(engineer, 'flags', 999_999, { note: 'x' })).status).toBe(404);
      expect((await resolveItem(engineer, 'requests', 999_999, { note: 'x' })).status).toBe(404);
      expect((await engineer.post('/api/queue/bananas/1/resolve', { note: 'x' })).status).toBe(400);
      expect((await engineer.post('/api/queue/flags/abc/resolve', { note: 'x' })).status).toBe(400);
    });
  });

  describe('an article started from a request', () => {
    it('links the request at once and resolves it when the article is submitted', async () => {
      const r = await request([`lemurbox${Date.now()} no picture`]);
      const created = await engineer.post(
        '/api/articles',
        articleInput({ confidence: 'wip', resolution: '', requestId: r.id }),
      );
      expect(created.status).toBe(201);
      const articleId = created.body.data.id as number;
      expect(await requestRow(r.id)).toMatchObject({
        article_id: articleId,
        status: 'open',
        resolved_at: null,
      });
      expect((await queue(engineer)).requests.map((x) => x.id)).toContain(r.id); // still to do
      const audit = await auditOf(ctx, 'article', articleId);
      expect(JSON.parse(audit[0]!.detail)).toMatchObject({ requestId: r.id });

      await engineer
        .patch(`/api/articles/${articleId}`, { version: 1, resolution: '1. Re-seat the cable.' })
        .expect(200);
      expect((await requestRow(r.id))!.status).toBe('open'); // an edit in wip is not publishing
      await moveConfidence(engineer, articleId, 'not_validated', 2).expect(200);
      const resolved = await requestRow(r.id);
      expect(resolved).toMatchObject({ status: 'resolved', article_id: articleId });
      expect(resolved!.resolved_at).toEqual(expect.stringMatching(ISO));
      // time to publish: from the escalation to the submission
      expect(Date.parse(resolved!.resolved_at!)).toBeGreaterThanOrEqual(
        Date.parse(resolved!.created_at),
      );
      expect((await queue(engineer)).requests.map((x) => x.id)).not.toContain(r.id);
    });

    it('resolves the request at once when the article is created published', async () => {
      const r = await request([`ibexrouter${Date.now()} slow`]);
      const created = await engineer
        .post('/api/articles', articleInput({ confidence: 'not_validated', requestId: r.id }))
        .expect(201);
      expect(await requestRow(r.id)).toMatchObject({
        status: 'resolved',
        article_id: created.body.data.id,
        resolved_at: expect.stringMatching(ISO),
      });
    });

    it('keeps the request open when the draft is abandoned (wip → archived is not publishing)', async () => {
      const r = await request([`okapinet${Date.now()} drops`]);
      const created = await engineer
        .post('/api/articles', articleInput({ confidence: 'wip', requestId: r.id }))
        .expect(201);
      await moveConfidence(engineer, created.body.data.id, 'archived', 1).expect(200);
      // nothing was published: the request still waits in the queue, no time to publish
      expect(await requestRow(r.id)).toMatchObject({ status: 'open', resolved_at: null });
      expect((await queue(engineer)).requests.map((x) => x.id)).toContain(r.id);
    });

    it('refuses another department’s request, an unknown one, and one that already has an article', async () => {
      const articles = await count(ctx, 'articles');
      const billing = await request([`yakbill${Date.now()}`], 'billing');
      const foreign = await engineer.post('/api/articles', articleInput({ requestId: billing.id }));
      expect(foreign.status).toBe(400);
      expect(foreign.body.error).toMatchObject({ id: 'validation_failed', field: 'requestId' });
      const unknown = await engineer.post('/api/articles', articleInput({ requestId: 999_999 }));
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.field).toBe('requestId');
      expect(await count(ctx, 'articles')).toBe(articles);
      expect((await requestRow(billing.id))!.article_id).toBeNull();

      const r = await request([`gnuphone${Date.now()}`]);
      await engineer
        .post('/api/articles', articleInput({ confidence: 'wip', requestId: r.id }))
        .expect(201);
      const twice = await engineer.post(
        '/api/articles',
        articleInput({ confidence: 'wip', requestId: r.id }),
      );
      expect(twice.status).toBe(400);
      expect(twice.body.error.field).toBe('requestId');
    });

    it('answers a whole group at once (requestIds), leaving one a colleague answered to its article', async () => {
      const words = `okapibox${Date.now()} no sound`;
      const first = await request([words]);
      const second = await request([`  ${words.toUpperCase()} `, 'something else']);
      const third = await request([words]);
      const other = await request([`${words} elsewhere`]);
      const group = (await queue(engineer)).requestGroups.find((g) => g.key === words)!;
      expect(group.requestIds.sort()).toEqual([first.id, second.id, third.id].sort());
      // a colleague answers `third` with a draft of their own first
      const colleague = await engineer
        .post('/api/articles', articleInput({ confidence: 'wip', requestId: third.id }))
        .expect(201);

      const created = await engineer
        .post(
          '/api/articles',
          articleInput({ confidence: 'not_validated', requestIds: group.requestIds }),
        )
        .expect(201);
      const id = created.body.data.id as number;
      for (const r of [first, second])
        expect(await requestRow(r.id)).toMatchObject({ article_id: id, status: 'resolved' });
      expect(await requestRow(third.id)).toMatchObject({
        article_id: colleague.body.data.id,
        status: 'open',
      });
      expect(await requestRow(other.id)).toMatchObject({ article_id: null, status: 'open' });
      const audit = await auditOf(ctx, 'article', id);
      expect(JSON.parse(audit[0]!.detail).requestIds.sort()).toEqual([first.id, second.id].sort());
      // the group left the queue but for the request still waiting on the colleague's draft
      const after = (await queue(engineer)).requestGroups.find((g) => g.key === words);
      expect(after?.requestIds).toEqual([third.id]);
    });

    it('refuses requestIds with another department’s or an unknown request, creating nothing', async () => {
      const articles = await count(ctx, 'articles');
      const mine = await request([`quollnet${Date.now()}`]);
      const billing = await request([`quollbill${Date.now()}`], 'billing');
      for (const requestIds of [[mine.id, billing.id], [mine.id, 999_999], [], [0]]) {
        const res = await engineer.post('/api/articles', articleInput({ requestIds }));
        expect([requestIds, res.status]).toEqual([requestIds, 400]);
        expect(res.body.error).toMatchObject({ id: 'validation_failed' });
        expect(res.body.error.field).toMatch(/^requestIds/);
      }
      expect(await count(ctx, 'articles')).toBe(articles);
      expect((await requestRow(mine.id))!.article_id).toBeNull();
    });

    it('lets an admin start an article from any department’s request', async () => {
      const r = await request([`tapirtv${Date.now()}`], 'billing');
      const res = await admin
        .post('/api/articles', articleInput({ department: 'billing', requestId: r.id }))
        .expect(201);
      expect(await requestRow(r.id)).toMatchObject({
        article_id: res.body.data.id,
        status: 'resolved',
        department_id: await departmentId(ctx, 'billing'),
      });
    });
  });
});
