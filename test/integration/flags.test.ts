import {
  client,
  makeTestApp,
  signedInUsers,
  USERS,
  type Client,
  type TestContext,
} from '../helpers/app';
import { ISO } from '../helpers/contacts';
import { count, flagRow, type FlagBody } from '../helpers/lifecycle';
import {
  articlesHiddenFromAgents,
  createArticle,
  type CreatedArticle,
  departmentId,
  openContact,
  secondAgent,
  userId,
} from '../helpers/factories';

describe('flags API', () => {
  let ctx: TestContext;
  let agent: Client;
  let agentId: number;
  let other: Client;
  let engineer: Client;
  let billingEngineer: Client;
  let manager: Client;
  let admin: Client;
  let networkArticle: CreatedArticle;
  let billingArticle: CreatedArticle;
  let wip: CreatedArticle;
  let internal: CreatedArticle;
  let archived: CreatedArticle;

  beforeAll(async () => {
    ctx = await makeTestApp();
    ({ agent, engineer, billingEngineer, manager, admin } = await signedInUsers(ctx));
    agentId = await userId(ctx, USERS.agent.email);
    other = (await secondAgent(ctx)).client;
    networkArticle = await createArticle(engineer, { slug: 'router-orange-light' });
    billingArticle = await createArticle(billingEngineer, {
      department: 'billing',
      confidence: 'not_validated',
    });
    ({ wip, archived, internal } = await articlesHiddenFromAgents(engineer));
  });
  afterAll(() => ctx.close());

  const flagCount = () => count(ctx, 'flags');

  it.each(['outdated', 'incorrect', 'unclear', 'missing_step'])(
    'stores a %s flag for the owning department and answers 201 with the documented shape',
    async (reason) => {
      const res = await agent.post(`/api/articles/${networkArticle.id}/flags`, {
        reason,
        comment: `The article is ${reason}`,
      });
      expect(res.status).toBe(201);
      const flag = res.body.data as FlagBody;
      expect(flag).toMatchObject({
        id: expect.any(Number),
        article: { id: networkArticle.id, slug: networkArticle.slug, title: networkArticle.title },
        reason,
        comment: `The article is ${reason}`,
        status: 'open',
        createdAt: expect.stringMatching(ISO),
      });
      expect(await flagRow(ctx, flag.id)).toEqual({
        id: flag.id,
        article_id: networkArticle.id,
        department_id: await departmentId(ctx, 'network'),
        user_id: agentId,
        contact_id: null,
        reason,
        comment: `The article is ${reason}`,
        status: 'open',
        created_at: flag.createdAt,
        resolved_at: null,
        resolved_by: null,
        resolution_note: null,
      });
    },
  );

  it('flags by slug too', async () => {
    const res = await agent.post(`/api/articles/${networkArticle.slug}/flags`, {
      reason: 'unclear',
      comment: 'Step 2 names a menu that does not exist',
    });
    expect(res.status).toBe(201);
    expect((await flagRow(ctx, res.body.data.id))!.article_id).toBe(networkArticle.id);
  });

  it('sends the flag to the article’s department, not the flagger’s', async () => {
    // the agent is in frontline, the engineer in network: the article is billing's
    for (const c of [agent, engineer]) {
      const res = await c
        .post(`/api/articles/${billingArticle.id}/flags`, {
          reason: 'outdated',
          comment: 'Prices changed in October',
        })
        .expect(201);
      expect((await flagRow(ctx, res.body.data.id))!.department_id).toBe(
        await departmentId(ctx, 'billing'),
      );
    }
  });

  it('stores the contact the flag was raised during', async () => {
    const contact = await openContact(agent);
    const res = await agent.post(`/api/articles/${networkArticle.id}/flags`, {
      reason: 'missing_step',
      comment: 'Does not say to power-cycle first',
      contactId: contact.id,
    });
    expect(res.status).toBe(201);
    expect((await flagRow(ctx, res.body.data.id))!.contact_id).toBe(contact.id);
  });

  it('trims the comment', async () => {
    const res = await agent
      .post(`/api/articles/${networkArticle.id}/flags`, {
        reason: 'unclear',
        comment: '  spaced  ',
      })
      .expect(201);
    expect((await flagRow(ctx, res.body.data.id))!.comment).toBe('spaced');
  });

  it.each([
    ['no comment', { reason: 'outdated' }, 'comment'],
    ['an empty comment', { reason: 'outdated', comment: '' }, 'comment'],
    ['a blank comment', { reason: 'outdated', comment: '   ' }, 'comment'],
    ['a 2001-character comment', { reason: 'outdated', comment: 'x'.repeat(2001) }, 'comment'],
    ['no reason', { comment: 'Something is off' }, 'reason'],
    ['a bad reason', { reason: 'wrong', comment: 'Something is off' }, 'reason'],
    ['the system-only reason failing', { reason: 'failing', comment: 'x' }, 'reason'],
    ['a bad contactId', { reason: 'unclear', comment: 'x', contactId: 'abc' }, 'contactId'],
    ['an unknown field', { reason: 'unclear', comment: 'x', severity: 'high' }, 'severity'],
  ])('rejects %s with 400 validation_failed and stores nothing', async (_, body, field) => {
    const before = await flagCount();
    const res = await agent.post(`/api/articles/${networkArticle.id}/flags`, body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ id: 'validation_failed', field });
    expect(await flagCount()).toBe(before);
  });

  it('accepts a 2000-character comment', async () => {
    await agent
      .post(`/api/articles/${networkArticle.id}/flags`, {
        reason: 'incorrect',
        comment: 'x'.repeat(2000),
      })
      .expect(201);
  });

  it.each([
    ['an internal article', () => internal],
    ['a wip article', () => wip],
    ['an archived article', () => archived],
  ])('answers 404 to an agent flagging %s', async (_, article) => {
    const before = await flagCount();
    for (const ref of [article().id, article().slug]) {
      const res = await agent.post(`/api/articles/${ref}/flags`, {
        reason: 'outdated',
        comment: 'Cannot see this',
      });
      expect(res.status).toBe(404);
      expect(res.body.error.id).toBe('not_found');
    }
    expect(await flagCount()).toBe(before);
  });

  it('lets engineers flag internal and wip articles they can read', async () => {
    for (const a of [internal, wip]) {
      await engineer
        .post(`/api/articles/${a.id}/flags`, { reason: 'unclear', comment: 'Needs a rewrite' })
        .expect(201);
    }
  });

  it('answers 404 for an unknown article', async () => {
    const res = await agent.post('/api/articles/999999/flags', { reason: 'unclear', comment: 'x' });
    expect(res.status).toBe(404);
    expect(
      (await agent.post('/api/articles/no-such-slug/flags', { reason: 'unclear', comment: 'x' }))
        .status,
    ).toBe(404);
  });

  it('shows the flag in the owning department’s queue, newest first, and not in others', async () => {
    const contact = await openContact(agent);
    const res = await agent
      .post(`/api/articles/${networkArticle.id}/flags`, {
        reason: 'incorrect',
        comment: 'The reset button moved to the back',
        contactId: contact.id,
      })
      .expect(201);
    const queue = await engineer.get('/api/queue/network').expect(200);
    const flags = queue.body.data.flags as (FlagBody & { flaggedBy: unknown })[];
    expect(flags[0]).toMatchObject({
      id: res.body.data.id,
      article: { id: networkArticle.id, slug: networkArticle.slug, title: networkArticle.title },
      reason: 'incorrect',
      comment: 'The reset button moved to the back',
      status: 'open',
      createdAt: res.body.data.createdAt,
    });
    const ids = flags.map((f) => f.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const billing = await billingEngineer.get('/api/queue/billing').expect(200);
    expect(billing.body.data.flags.map((f: FlagBody) => f.id)).not.toContain(res.body.data.id);
    expect(billing.body.data.flags.every((f: FlagBody) => f.article.id === billingArticle.id)).toBe(
      true,
    );
    expect((await manager.get('/api/queue/network').expect(200)).body.data.flags[0].id).toBe(
      res.body.data.id,
    );
    expect((await billingEngineer.get('/api/queue/network')).status).toBe(403);
  });

  it('answers 403 to a flag carrying another agent’s contactId, and 404 for an unknown contact', async () => {
    const othersContact = await openContact(other);
    const before = await flagCount();
    const res = await agent.post(`/api/articles/${networkArticle.id}/flags`, {
      reason: 'unclear',
      comment: 'x',
      contactId: othersContact.id,
    });
    expect(res.status).toBe(403);
    expect(res.body.error.id).toEqual(expect.any(String));
    const unknown = await agent.post(`/api/articles/${networkArticle.id}/flags`, {
      reason: 'unclear',
      comment: 'x',
      contactId: 999_999,
    });
    expect(unknown.status).toBe(404);
    expect(await flagCount()).toBe(before);
    // an admin may attach anyone's contact
    const byAdmin = await admin
      .post(`/api/articles/${networkArticle.id}/flags`, {
        reason: 'unclear',
        comment: 'x',
        contactId: othersContact.id,
      })
      .expect(201);
    expect((await flagRow(ctx, byAdmin.body.data.id))!.contact_id).toBe(othersContact.id);
  });

  it('forbids managers to flag (403) and needs a session (401) and the CSRF token (403)', async () => {
    const before = await flagCount();
    const byManager = await manager.post(`/api/articles/${networkArticle.id}/flags`, {
      reason: 'unclear',
      comment: 'x',
    });
    expect(byManager.status).toBe(403);
    const anonymous = client(ctx);
    await anonymous.refreshToken();
    const anon = await anonymous.post(`/api/articles/${networkArticle.id}/flags`, {
      reason: 'unclear',
      comment: 'x',
    });
    expect(anon.status).toBe(401);
    const noToken = await agent.agent
      .post(`/api/articles/${networkArticle.id}/flags`)
      .send({ reason: 'unclear', comment: 'x' });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.id).toBe('csrf_invalid');
    expect(await flagCount()).toBe(before);
  });
});
