import {
  client,
  makeTestApp,
  signedInUsers,
  USERS,
  type Client,
  type TestContext,
} from '../helpers/app';
import { ago, contactRow, DAY, HOUR, ISO, search, type ContactBody } from '../helpers/contacts';
import { close, count, tried } from '../helpers/lifecycle';
import {
  articlesHiddenFromAgents,
  createArticle,
  type CreatedArticle,
  departmentId,
  openContact,
  openFor,
  secondAgent,
  userId,
} from '../helpers/factories';
import { contractData, contractError } from '../helpers/contract';
import { z } from 'zod';
import { contactResponse } from '../../server/contract/contacts';

describe('contacts API', () => {
  let ctx: TestContext;
  let agent: Client;
  let agentId: number;
  let other: Client; // a second agent
  let engineer: Client;
  let billingEngineer: Client;
  let manager: Client;
  let admin: Client;
  let validated: CreatedArticle;
  let notValidated: CreatedArticle;
  let wip: CreatedArticle;
  let archived: CreatedArticle;
  let internal: CreatedArticle;

  beforeAll(async () => {
    ctx = await makeTestApp();
    ({ agent, engineer, billingEngineer, manager, admin } = await signedInUsers(ctx));
    agentId = await userId(ctx, USERS.agent.email);
    other = (await secondAgent(ctx)).client;
    validated = await createArticle(engineer, { title: 'Router blinks orange after update' });
    notValidated = await createArticle(engineer, { confidence: 'not_validated' });
    ({ wip, archived, internal } = await articlesHiddenFromAgents(engineer));
  });
  afterAll(() => ctx.close());

  describe('opening', () => {
    it('opens a contact with the documented shape and stores it', async () => {
      const before = Date.now();
      const res = await agent.post('/api/contacts', { channel: 'phone', customerRef: 'ACC-1234' });
      expect(res.status).toBe(201);
      contractData(contactResponse, res);
      const c = res.body.data as ContactBody;
      expect(c).toEqual({
        id: expect.any(Number),
        channel: 'phone',
        customerRef: 'ACC-1234',
        externalId: null,
        openingReason: null,
        agent: { id: agentId, name: USERS.agent.name },
        agentDepartment: { slug: 'frontline', name: 'Contact Center' },
        startedAt: expect.stringMatching(ISO),
        closedAt: null,
        outcome: null,
        article: null,
        escalatedTo: null,
        reason: null,
        note: null,
        needsArticle: false,
        tried: [],
        opened: [],
        searches: [],
      });
      expect(res.headers.location).toBe(`/api/contacts/${c.id}`);
      expect(Date.parse(c.startedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(c.startedAt)).toBeLessThanOrEqual(Date.now() + 1000);
      expect(await contactRow(ctx, c.id)).toEqual({
        id: c.id,
        agent_id: agentId,
        agent_department_id: await departmentId(ctx, 'frontline'),
        channel: 'phone',
        customer_ref: 'ACC-1234',
        started_at: c.startedAt,
        closed_at: null,
        outcome: null,
        article_id: null,
        article_department_id: null,
        escalated_to: null,
        reason: null,
        next_contact_at: null,
        note: null,
        external_id: null,
        opening_reason: null,
        opened_by_token: null,
      });
      const read = await agent.get(`/api/contacts/${c.id}`).expect(200);
      expect(read.body.data).toEqual(c);
    });

    it.each(['phone', 'chat', 'email'])('accepts channel %s', async (channel) => {
      const c = await openContact(agent, { channel });
      expect(c.channel).toBe(channel);
      expect((await contactRow(ctx, c.id))!.channel).toBe(channel);
    });

    it('stores no customer reference when none is given (absent or null)', async () => {
      const absent = await openContact(agent, { channel: 'chat' });
      const explicitNull = await openContact(agent, { channel: 'chat', customerRef: null });
      for (const c of [absent, explicitNull]) {
        expect(c.customerRef).toBeNull();
        expect((await contactRow(ctx, c.id))!.customer_ref).toBeNull();
      }
    });

    it.each(['TCK-2024/118#3', 'acc:991_2.b', '7', 'A'.repeat(64)])(
      'accepts the account or ticket reference %j',
      async (customerRef) => {
        const c = await openContact(agent, { channel: 'email', customerRef });
        expect(c.customerRef).toBe(customerRef);
        expect((await contactRow(ctx, c.id))!.customer_ref).toBe(customerRef);
      },
    );

    it('trims the customer reference', async () => {
      const c = await openContact(agent, { channel: 'email', customerRef: '  ACC-77 ' });
      expect(c.customerRef).toBe('ACC-77');
    });

    it.each([
      ['an email', 'jane.doe@example.com'],
      ['a name with a space', 'Jane Doe'],
      ['an address', '12 Main St'],
      ['an empty string', ''],
      ['only spaces', '   '],
      ['65 characters', 'A'.repeat(65)],
      ['a number instead of a string', 1234],
      ['a phone number with +', '+44 20 7946 0000'],
    ])(
      'rejects %s as customerRef with 400 validation_failed and stores nothing',
      async (_, ref) => {
        const before = await count(ctx, 'contacts');
        const res = await agent.post('/api/contacts', { channel: 'phone', customerRef: ref });
        expect(res.status).toBe(400);
        expect(res.body.error).toEqual({
          id: 'validation_failed',
          message: expect.any(String),
          field: 'customerRef',
        });
        expect(await count(ctx, 'contacts')).toBe(before);
      },
    );

    it.each([
      [{ channel: 'fax' }, 'channel'],
      [{ channel: 'PHONE' }, 'channel'],
      [{}, 'channel'],
      [{ customerRef: 'ACC-1' }, 'channel'],
      [{ channel: 'phone', mood: 'angry' }, 'mood'],
    ])('rejects %j with 400 naming %s', async (body, field) => {
      const before = await count(ctx, 'contacts');
      const res = await agent.post('/api/contacts', body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ id: 'validation_failed', field });
      expect(await count(ctx, 'contacts')).toBe(before);
    });

    it('lets engineers and admins take contacts too, each as themselves', async () => {
      const byEngineer = await openContact(engineer, { channel: 'chat' });
      expect(byEngineer.agent).toEqual({
        id: await userId(ctx, USERS.engineer.email),
        name: USERS.engineer.name,
      });
      expect(byEngineer.agentDepartment.slug).toBe('network');
      const byAdmin = await openContact(admin, { channel: 'chat' });
      expect(byAdmin.agent.name).toBe(USERS.admin.name);
      expect(byAdmin.agentDepartment.slug).toBe('platform');
    });
  });

  describe('closing as solved', () => {
    it('closes with a validated article: outcome, article with its department, closedAt', async () => {
      const c = await openContact(agent, { channel: 'phone', customerRef: 'ACC-1' });
      const res = await agent.post(`/api/contacts/${c.id}/close`, {
        outcome: 'solved',
        articleId: validated.id,
      });
      expect(res.status).toBe(200);
      contractData(contactResponse, res);
      const closed = res.body.data as ContactBody;
      expect(closed).toMatchObject({
        id: c.id,
        outcome: 'solved',
        article: {
          id: validated.id,
          slug: validated.slug,
          title: validated.title,
          department: { slug: 'network', name: 'Network Engineering' },
        },
        closedAt: expect.stringMatching(ISO),
        escalatedTo: null,
        reason: null,
        note: null,
        needsArticle: false,
      });
      expect(closed.closedAt! >= closed.startedAt).toBe(true);
      expect(await contactRow(ctx, c.id)).toMatchObject({
        outcome: 'solved',
        closed_at: closed.closedAt,
        article_id: validated.id,
        article_department_id: await departmentId(ctx, 'network'),
        escalated_to: null,
      });
      expect((await agent.get(`/api/contacts/${c.id}`).expect(200)).body.data).toEqual(closed);
    });

    it('closes solved with a not-validated article', async () => {
      const c = await openContact(agent);
      const res = await agent
        .post(`/api/contacts/${c.id}/close`, { outcome: 'solved', articleId: notValidated.id })
        .expect(200);
      expect(res.body.data.article.id).toBe(notValidated.id);
      expect((await contactRow(ctx, c.id))!.article_id).toBe(notValidated.id);
    });

    it('closes solved without an article', async () => {
      const c = await openContact(agent);
      const res = await agent.post(`/api/contacts/${c.id}/close`, { outcome: 'solved' });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ outcome: 'solved', article: null });
      expect(res.body.data.closedAt).toEqual(expect.stringMatching(ISO));
      expect(await contactRow(ctx, c.id)).toMatchObject({
        outcome: 'solved',
        article_id: null,
        article_department_id: null,
        closed_at: res.body.data.closedAt,
      });
    });

    it('keeps the department the article had when it solved the contact', async () => {
      const moving = await createArticle(admin, { department: 'network' });
      const c = await openContact(agent);
      await close(agent, c.id, { outcome: 'solved', articleId: moving.id });
      await admin
        .patch(`/api/articles/${moving.id}`, { version: 1, department: 'billing' })
        .expect(200);
      const read = await agent.get(`/api/contacts/${c.id}`).expect(200);
      expect(read.body.data.article.department).toEqual({
        slug: 'network',
        name: 'Network Engineering',
      });
      expect((await contactRow(ctx, c.id))!.article_department_id).toBe(
        await departmentId(ctx, 'network'),
      );
    });

    it.each([
      ['a wip article', () => wip.id],
      ['an archived article', () => archived.id],
      ['an internal article (hidden from agents)', () => internal.id],
      ['an unknown article', () => 987_654],
    ])('rejects %s with 400 article_not_usable and leaves the contact open', async (_, id) => {
      const c = await openContact(agent);
      const before = await contactRow(ctx, c.id);
      const res = await agent.post(`/api/contacts/${c.id}/close`, {
        outcome: 'solved',
        articleId: id(),
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ id: 'article_not_usable', field: 'articleId' });
      contractError(res);
      expect(await contactRow(ctx, c.id)).toEqual(before);
      expect(before!.closed_at).toBeNull();
      // still open: a valid close afterwards works
      await close(agent, c.id, { outcome: 'solved' });
    });

    it('does not let an admin solve with a wip or archived article either', async () => {
      const c = await openContact(admin);
      for (const a of [wip, archived]) {
        const res = await admin.post(`/api/contacts/${c.id}/close`, {
          outcome: 'solved',
          articleId: a.id,
        });
        expect(res.status).toBe(400);
        expect(res.body.error.id).toBe('article_not_usable');
      }
      expect((await contactRow(ctx, c.id))!.closed_at).toBeNull();
    });

    it.each([
      [{ outcome: 'resolved' }, 'outcome'],
      [{}, 'outcome'],
      [{ outcome: 'solved', articleId: 'abc' }, 'articleId'],
      [{ outcome: 'solved', articleId: -1 }, 'articleId'],
      [{ outcome: 'solved', note: 'not a solved field' }, 'note'],
    ])('rejects the close body %j with 400 naming %s', async (body, field) => {
      const c = await openContact(agent);
      const res = await agent.post(`/api/contacts/${c.id}/close`, body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ id: 'validation_failed', field });
      expect((await contactRow(ctx, c.id))!.closed_at).toBeNull();
    });
  });

  describe('who may close and read', () => {
    it('answers 409 contact_closed to a second close and keeps the first outcome', async () => {
      const c = await openContact(agent);
      await close(agent, c.id, { outcome: 'solved', articleId: validated.id });
      const first = await contactRow(ctx, c.id);
      for (const body of [
        { outcome: 'follow_up', note: 'call back' },
        { outcome: 'escalated', department: 'billing', reason: 'again' },
        { outcome: 'solved' },
      ]) {
        const res = await agent.post(`/api/contacts/${c.id}/close`, body);
        expect(res.status).toBe(409);
        expect(res.body.error.id).toBe('contact_closed');
      }
      expect(await contactRow(ctx, c.id)).toEqual(first);
      expect(await count(ctx, `article_requests WHERE contact_id = ${c.id}`)).toBe(0);
    });

    it('answers 403 contact_not_yours to an agent closing another agent’s contact', async () => {
      const c = await openContact(agent);
      const res = await other.post(`/api/contacts/${c.id}/close`, { outcome: 'solved' });
      expect(res.status).toBe(403);
      expect(res.body.error.id).toBe('contact_not_yours');
      const byEngineer = await engineer.post(`/api/contacts/${c.id}/close`, {
        outcome: 'solved',
      });
      expect(byEngineer.status).toBe(403);
      expect(byEngineer.body.error.id).toBe('contact_not_yours');
      expect((await contactRow(ctx, c.id))!.closed_at).toBeNull();
    });

    it('answers 404 for an unknown contact and 400 for a non-numeric id', async () => {
      expect((await agent.get('/api/contacts/999999')).status).toBe(404);
      expect((await agent.post('/api/contacts/999999/close', { outcome: 'solved' })).status).toBe(
        404,
      );
      const bad = await agent.get('/api/contacts/abc');
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({ id: 'validation_failed', field: 'id' });
    });

    it('forbids managers to open or close contacts (403) but lets them read any contact', async () => {
      const before = await count(ctx, 'contacts');
      const opening = await manager.post('/api/contacts', { channel: 'phone' });
      expect(opening.status).toBe(403);
      expect(opening.body.error.id).toBe('forbidden');
      expect(await count(ctx, 'contacts')).toBe(before);

      const c = await openContact(agent, { channel: 'phone', customerRef: 'ACC-9' });
      for (const [path, body] of [
        [`/api/contacts/${c.id}/close`, { outcome: 'solved' }],
        [`/api/contacts/${c.id}/tried`, { articleId: validated.id }],
        [`/api/contacts/${c.id}/opened`, { articleId: validated.id }],
      ] as const) {
        expect((await manager.post(path, body)).status).toBe(403);
      }
      expect((await contactRow(ctx, c.id))!.closed_at).toBeNull();

      const read = await manager.get(`/api/contacts/${c.id}`);
      expect(read.status).toBe(200);
      expect(read.body.data).toMatchObject({ id: c.id, customerRef: 'ACC-9' });
      expect((await admin.get(`/api/contacts/${c.id}`)).status).toBe(200);
    });

    it('answers 403 contact_not_yours to an agent reading another agent’s contact', async () => {
      const c = await openContact(agent);
      const res = await other.get(`/api/contacts/${c.id}`);
      expect(res.status).toBe(403);
      expect(res.body.error.id).toBe('contact_not_yours');
      expect(res.body).not.toHaveProperty('data');
      expect((await engineer.get(`/api/contacts/${c.id}`)).status).toBe(403);
    });
  });

  describe('explicit agent and times', () => {
    it.each([
      ['startedAt', { startedAt: ago(HOUR) }],
      ['agentId', { agentId: 1 }],
    ])('answers 403 explicit_times_forbidden to an agent opening with %s', async (_, extra) => {
      const before = await count(ctx, 'contacts');
      const res = await agent.post('/api/contacts', { channel: 'phone', ...extra });
      expect(res.status).toBe(403);
      expect(res.body.error.id).toBe('explicit_times_forbidden');
      const byEngineer = await engineer.post('/api/contacts', { channel: 'phone', ...extra });
      expect(byEngineer.status).toBe(403);
      expect(byEngineer.body.error.id).toBe('explicit_times_forbidden');
      expect(await count(ctx, 'contacts')).toBe(before);
    });

    it('answers 403 explicit_times_forbidden to an agent closing with closedAt', async () => {
      const c = await openContact(agent);
      for (const body of [
        { outcome: 'solved', closedAt: new Date().toISOString() },
        { outcome: 'follow_up', closedAt: new Date().toISOString() },
        { outcome: 'escalated', department: 'billing', reason: 'x', closedAt: ago(0) },
      ]) {
        const res = await agent.post(`/api/contacts/${c.id}/close`, body);
        expect(res.status).toBe(403);
        expect(res.body.error.id).toBe('explicit_times_forbidden');
      }
      expect((await contactRow(ctx, c.id))!.closed_at).toBeNull();
    });

    it('lets an admin open for another agent at a past time and close at a past time, stored exactly', async () => {
      const startedAt = ago(3 * DAY);
      const closedAt = ago(3 * DAY - 10 * 60_000);
      const res = await admin.post('/api/contacts', {
        channel: 'chat',
        customerRef: 'T-1',
        agentId,
        startedAt,
      });
      expect(res.status).toBe(201);
      const c = res.body.data as ContactBody;
      expect(c).toMatchObject({
        startedAt,
        agent: { id: agentId, name: USERS.agent.name },
        agentDepartment: { slug: 'frontline' },
      });
      expect(await contactRow(ctx, c.id)).toMatchObject({
        agent_id: agentId,
        agent_department_id: await departmentId(ctx, 'frontline'),
        started_at: startedAt,
      });
      // the agent sees it as their own
      expect((await agent.get(`/api/contacts/${c.id}`)).status).toBe(200);

      const closed = await admin.post(`/api/contacts/${c.id}/close`, {
        outcome: 'solved',
        articleId: validated.id,
        closedAt,
      });
      expect(closed.status).toBe(200);
      expect(closed.body.data).toMatchObject({ closedAt, outcome: 'solved' });
      expect(await contactRow(ctx, c.id)).toMatchObject({
        closed_at: closedAt,
        started_at: startedAt,
      });
    });

    it('normalizes an explicit time with an offset to UTC, so times compare as strings', async () => {
      const local = new Date(Date.now() - 2 * DAY);
      local.setUTCMilliseconds(0);
      // the same instant written with +02:00
      const shifted = new Date(local.getTime() + 2 * HOUR).toISOString().slice(0, 19) + '+02:00';
      const c = (
        await admin.post('/api/contacts', { channel: 'phone', startedAt: shifted }).expect(201)
      ).body.data as ContactBody;
      expect(c.startedAt).toBe(local.toISOString());
      expect((await contactRow(ctx, c.id))!.started_at).toBe(local.toISOString());
    });

    it('lets an admin close an agent’s own contact', async () => {
      const c = await openContact(agent);
      await close(admin, c.id, { outcome: 'follow_up' });
      expect((await contactRow(ctx, c.id))!.agent_id).toBe(agentId);
    });

    it('rejects a closedAt before startedAt with 400 field closedAt', async () => {
      const c = await openFor(admin, agentId, ago(2 * HOUR));
      const res = await admin.post(`/api/contacts/${c.id}/close`, {
        outcome: 'solved',
        closedAt: ago(3 * HOUR),
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ id: 'validation_failed', field: 'closedAt' });
      expect((await contactRow(ctx, c.id))!.closed_at).toBeNull();
    });

    it('rejects times in the future with 400', async () => {
      const future = new Date(Date.now() + DAY).toISOString();
      const before = await count(ctx, 'contacts');
      const opening = await admin.post('/api/contacts', { channel: 'phone', startedAt: future });
      expect(opening.status).toBe(400);
      expect(opening.body.error).toMatchObject({ id: 'validation_failed', field: 'startedAt' });
      expect(await count(ctx, 'contacts')).toBe(before);

      const c = await openContact(admin);
      const closing = await admin.post(`/api/contacts/${c.id}/close`, {
        outcome: 'follow_up',
        closedAt: future,
      });
      expect(closing.status).toBe(400);
      expect(closing.body.error).toMatchObject({ id: 'validation_failed', field: 'closedAt' });
      expect((await contactRow(ctx, c.id))!.closed_at).toBeNull();
    });

    it.each(['yesterday', '2026-11-20', '2026-02-30T10:00:00Z', 1_700_000_000_000])(
      'rejects the malformed time %j with 400 field startedAt',
      async (startedAt) => {
        const res = await admin.post('/api/contacts', { channel: 'phone', startedAt });
        expect(res.status).toBe(400);
        expect(res.body.error).toMatchObject({ id: 'validation_failed', field: 'startedAt' });
      },
    );

    it('rejects an admin opening for an unknown or deactivated agent with 400 field agentId', async () => {
      const before = await count(ctx, 'contacts');
      const res = await admin.post('/api/contacts', { channel: 'phone', agentId: 99_999 });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ id: 'validation_failed', field: 'agentId' });
      const gone = await secondAgent(ctx, 'gone@test.example', 'Agent Gone');
      await ctx.db.run('UPDATE users SET active = 0 WHERE id = ?', [gone.id]);
      const inactive = await admin.post('/api/contacts', { channel: 'phone', agentId: gone.id });
      expect(inactive.status).toBe(400);
      expect(inactive.body.error).toMatchObject({ id: 'validation_failed', field: 'agentId' });
      expect(await count(ctx, 'contacts')).toBe(before);
    });
  });

  describe('escalating', () => {
    it('escalates to a department by slug with a reason', async () => {
      const c = await openContact(agent);
      const res = await agent.post(`/api/contacts/${c.id}/close`, {
        outcome: 'escalated',
        department: 'billing',
        reason: 'Refund above the agent limit',
      });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({
        outcome: 'escalated',
        escalatedTo: { slug: 'billing', name: 'Billing' },
        reason: 'Refund above the agent limit',
        needsArticle: false,
        article: null,
        closedAt: expect.stringMatching(ISO),
      });
      expect(await contactRow(ctx, c.id)).toMatchObject({
        outcome: 'escalated',
        escalated_to: await departmentId(ctx, 'billing'),
        reason: 'Refund above the agent limit',
        article_id: null,
      });
      expect(await count(ctx, `article_requests WHERE contact_id = ${c.id}`)).toBe(0);
    });

    it('escalates to a department by id', async () => {
      const c = await openContact(agent);
      const network = await departmentId(ctx, 'network');
      const res = await agent.post(`/api/contacts/${c.id}/close`, {
        outcome: 'escalated',
        departmentId: network,
        reason: 'Line fault',
      });
      expect(res.status).toBe(200);
      expect(res.body.data.escalatedTo).toEqual({ slug: 'network', name: 'Network Engineering' });
      expect((await contactRow(ctx, c.id))!.escalated_to).toBe(network);
    });

    it.each([
      ['without a reason', { department: 'billing' }, 'reason'],
      ['with an empty reason', { department: 'billing', reason: '' }, 'reason'],
      ['with a blank reason', { department: 'billing', reason: '   ' }, 'reason'],
      ['with a 501-character reason', { department: 'billing', reason: 'x'.repeat(501) }, 'reason'],
      ['without a department', { reason: 'No department given' }, 'department'],
      ['to an unknown department', { department: 'nowhere', reason: 'Unknown' }, 'department'],
      ['to an unknown departmentId', { departmentId: 99_999, reason: 'Unknown' }, 'department'],
      [
        'with needsArticle not a boolean',
        { department: 'billing', reason: 'x', needsArticle: 'yes' },
        'needsArticle',
      ],
    ])('rejects an escalation %s with 400; the contact stays open', async (_, body, field) => {
      const c = await openContact(agent);
      const res = await agent.post(`/api/contacts/${c.id}/close`, {
        outcome: 'escalated',
        ...body,
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ id: 'validation_failed', field });
      expect(await contactRow(ctx, c.id)).toMatchObject({ closed_at: null, outcome: null });
      expect(await count(ctx, `article_requests WHERE contact_id = ${c.id}`)).toBe(0);
    });

    it('with needsArticle files a request carrying the contact’s folded searches, shown in the queue', async () => {
      const c = await openContact(agent);
      // as-you-type: five keystrokes, one search
      for (const q of ['rou', 'rout', 'router', 'router blin', 'router blink'])
        await search(agent, { q, contactId: c.id }).expect(200);
      await search(agent, { q: 'modem reset', contactId: c.id }).expect(200);
      await search(agent, { q: 'router blink', contactId: c.id }).expect(200);
      // a search outside the contact is not part of it
      await search(agent, { q: 'invoice missing' }).expect(200);

      const res = await agent.post(`/api/contacts/${c.id}/close`, {
        outcome: 'escalated',
        department: 'network',
        reason: 'Orange light, no article fixes it',
        needsArticle: true,
      });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({
        needsArticle: true,
        escalatedTo: { slug: 'network' },
      });
      expect((res.body.data as ContactBody).searches.map((s) => s.query)).toEqual([
        'router blink',
        'modem reset',
        'router blink',
      ]);

      const row = await ctx.db.get<Record<string, unknown>>(
        'SELECT * FROM article_requests WHERE contact_id = ?',
        [c.id],
      );
      expect(row).toMatchObject({
        department_id: await departmentId(ctx, 'network'),
        contact_id: c.id,
        requested_by: agentId,
        reason: 'Orange light, no article fixes it',
        status: 'open',
        created_at: res.body.data.closedAt,
      });
      expect(JSON.parse(row!.queries as string)).toEqual(['router blink', 'modem reset']);

      const queue = await engineer.get('/api/queue/network');
      expect(queue.status).toBe(200);
      expect(queue.body.data.requests).toContainEqual({
        id: row!.id,
        contactId: c.id,
        queries: ['router blink', 'modem reset'],
        reason: 'Orange light, no article fixes it',
        status: 'open',
        requestedBy: { id: agentId, name: USERS.agent.name },
        createdAt: res.body.data.closedAt,
      });
      // another department's queue does not have it
      const billingQueue = await billingEngineer.get('/api/queue/billing').expect(200);
      expect(
        billingQueue.body.data.requests.map((r: { contactId: number }) => r.contactId),
      ).not.toContain(c.id);
    });

    it('files an empty queries list when the contact had no searches', async () => {
      const c = await openContact(agent);
      await agent
        .post(`/api/contacts/${c.id}/close`, {
          outcome: 'escalated',
          department: 'billing',
          reason: 'New tariff, nothing written yet',
          needsArticle: true,
        })
        .expect(200);
      const row = await ctx.db.get<{ queries: string; department_id: number }>(
        'SELECT queries, department_id FROM article_requests WHERE contact_id = ?',
        [c.id],
      );
      expect(JSON.parse(row!.queries)).toEqual([]);
      expect(row!.department_id).toBe(await departmentId(ctx, 'billing'));
    });

    it('shows the queue to that department’s engineers, managers and admins only', async () => {
      expect((await engineer.get('/api/queue/network')).status).toBe(200);
      const foreign = await billingEngineer.get('/api/queue/network');
      expect(foreign.status).toBe(403);
      expect(foreign.body).not.toHaveProperty('data');
      expect((await agent.get('/api/queue/network')).status).toBe(403);
      const byManager = await manager.get('/api/queue/network');
      expect(byManager.status).toBe(200);
      expect(byManager.body.data).toEqual({
        department: { slug: 'network', name: 'Network Engineering' },
        flags: expect.any(Array),
        requests: expect.any(Array),
        requestGroups: [expect.objectContaining({ key: 'router blink', contacts: 1 })],
        stale: [],
        failing: [],
      });
      expect((await admin.get('/api/queue/network')).status).toBe(200);
      expect((await admin.get('/api/queue/nowhere')).status).toBe(404);
      expect((await client(ctx).get('/api/queue/network')).status).toBe(401);
    });
  });

  describe('tried and opened', () => {
    it('marks an article tried; the contact stays open', async () => {
      const c = await openContact(agent);
      const res = await agent.post(`/api/contacts/${c.id}/tried`, { articleId: validated.id });
      expect(res.status).toBe(200);
      contractData(contactResponse, res);
      expect(res.body.data).toMatchObject({
        id: c.id,
        closedAt: null,
        outcome: null,
        tried: [{ id: validated.id, slug: validated.slug, title: validated.title }],
      });
      // twice is still once
      await tried(agent, c.id, validated.id);
      const rows = await ctx.db.all<{ article_id: number; kind: string }>(
        "SELECT article_id, kind FROM contact_articles WHERE contact_id = ? AND kind = 'tried'",
        [c.id],
      );
      expect(rows).toEqual([{ article_id: validated.id, kind: 'tried' }]);
      expect((await contactRow(ctx, c.id))!.closed_at).toBeNull();
      // and it can still be solved by another article
      const solved = await close(agent, c.id, { outcome: 'solved', articleId: notValidated.id });
      expect(solved.tried).toEqual([
        { id: validated.id, slug: validated.slug, title: validated.title },
      ]);
    });

    it('answers 409 contact_closed to tried on a closed contact', async () => {
      const c = await openContact(agent);
      await close(agent, c.id, { outcome: 'follow_up' });
      const res = await agent.post(`/api/contacts/${c.id}/tried`, { articleId: validated.id });
      expect(res.status).toBe(409);
      expect(res.body.error.id).toBe('contact_closed');
      expect(await count(ctx, `contact_articles WHERE contact_id = ${c.id}`)).toBe(0);
    });

    it('rejects tried with an unusable article, another agent’s contact or no articleId', async () => {
      const c = await openContact(agent);
      const wipRes = await agent.post(`/api/contacts/${c.id}/tried`, { articleId: wip.id });
      expect(wipRes.status).toBe(400);
      expect(wipRes.body.error.id).toBe('article_not_usable');
      const notMine = await other.post(`/api/contacts/${c.id}/tried`, { articleId: validated.id });
      expect(notMine.status).toBe(403);
      expect(notMine.body.error.id).toBe('contact_not_yours');
      const missing = await agent.post(`/api/contacts/${c.id}/tried`, {});
      expect(missing.status).toBe(400);
      expect(missing.body.error).toMatchObject({ id: 'validation_failed', field: 'articleId' });
      expect(await count(ctx, `contact_articles WHERE contact_id = ${c.id}`)).toBe(0);
    });

    it('records an opened article and marks the contact’s latest search with it', async () => {
      const c = await openContact(agent);
      await search(agent, { q: 'router orange', contactId: c.id }).expect(200);
      await search(agent, { q: 'modem nightly', contactId: c.id }).expect(200);
      const unrelated = await openContact(agent);
      await search(agent, { q: 'tv stream', contactId: unrelated.id }).expect(200);

      const res = await agent.post(`/api/contacts/${c.id}/opened`, { articleId: validated.id });
      expect(res.status).toBe(200);
      contractData(contactResponse, res);
      expect(res.body.data).toMatchObject({
        closedAt: null,
        opened: [{ id: validated.id, slug: validated.slug, title: validated.title }],
        tried: [],
      });
      const events = await ctx.db.all<{ query: string; opened_id: number | null }>(
        'SELECT query, opened_id FROM search_events WHERE contact_id IN (?, ?) ORDER BY id',
        [c.id, unrelated.id],
      );
      expect(events).toEqual([
        { query: 'router orange', opened_id: null },
        { query: 'modem nightly', opened_id: validated.id },
        { query: 'tv stream', opened_id: null },
      ]);
      const stored = await ctx.db.all<{ article_id: number; kind: string }>(
        'SELECT article_id, kind FROM contact_articles WHERE contact_id = ?',
        [c.id],
      );
      expect(stored).toEqual([{ article_id: validated.id, kind: 'opened' }]);
    });

    it('answers 404 to an agent “opening” an article hidden from agents, and 409 on a closed contact', async () => {
      const c = await openContact(agent);
      expect(
        (await agent.post(`/api/contacts/${c.id}/opened`, { articleId: internal.id })).status,
      ).toBe(404);
      expect((await agent.post(`/api/contacts/${c.id}/opened`, { articleId: wip.id })).status).toBe(
        404,
      );
      await close(agent, c.id, { outcome: 'solved' });
      const res = await agent.post(`/api/contacts/${c.id}/opened`, { articleId: validated.id });
      expect(res.status).toBe(409);
      expect(res.body.error.id).toBe('contact_closed');
      expect(await count(ctx, `contact_articles WHERE contact_id = ${c.id}`)).toBe(0);
    });
  });

  describe('follow-up', () => {
    it('closes with a follow-up note', async () => {
      const c = await openContact(agent);
      const res = await agent.post(`/api/contacts/${c.id}/close`, {
        outcome: 'follow_up',
        note: 'Call back Tuesday after the engineer visit',
      });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({
        outcome: 'follow_up',
        note: 'Call back Tuesday after the engineer visit',
        article: null,
        escalatedTo: null,
        reason: null,
        closedAt: expect.stringMatching(ISO),
      });
      expect(await contactRow(ctx, c.id)).toMatchObject({
        outcome: 'follow_up',
        note: 'Call back Tuesday after the engineer visit',
        closed_at: res.body.data.closedAt,
      });
    });

    it('closes with a follow-up and no note', async () => {
      const c = await openContact(agent);
      const res = await agent.post(`/api/contacts/${c.id}/close`, { outcome: 'follow_up' });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ outcome: 'follow_up', note: null });
      expect((await contactRow(ctx, c.id))!.note).toBeNull();
    });

    it('rejects a note over 1000 characters', async () => {
      const c = await openContact(agent);
      const res = await agent.post(`/api/contacts/${c.id}/close`, {
        outcome: 'follow_up',
        note: 'x'.repeat(1001),
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ id: 'validation_failed', field: 'note' });
      expect((await contactRow(ctx, c.id))!.closed_at).toBeNull();
    });
  });

  describe('authentication and CSRF', () => {
    it('answers 401 to requests without a session', async () => {
      const anonymous = client(ctx);
      await anonymous.refreshToken(); // a valid CSRF token, but nobody signed in
      const c = await openContact(agent);
      expect((await anonymous.get('/api/contacts')).status).toBe(401);
      expect((await anonymous.get(`/api/contacts/${c.id}`)).status).toBe(401);
      const before = await count(ctx, 'contacts');
      const opening = await anonymous.post('/api/contacts', { channel: 'phone' });
      expect(opening.status).toBe(401);
      expect(opening.body.error.id).toBe('unauthenticated');
      expect(await count(ctx, 'contacts')).toBe(before);
      const closing = await anonymous.post(`/api/contacts/${c.id}/close`, { outcome: 'solved' });
      expect(closing.status).toBe(401);
      expect((await contactRow(ctx, c.id))!.closed_at).toBeNull();
    });

    it('answers 403 csrf_invalid to state-changing requests without the token', async () => {
      const before = await count(ctx, 'contacts');
      const opening = await agent.agent.post('/api/contacts').send({ channel: 'phone' });
      expect(opening.status).toBe(403);
      expect(opening.body.error.id).toBe('csrf_invalid');
      expect(await count(ctx, 'contacts')).toBe(before);

      const c = await openContact(agent);
      for (const [path, body] of [
        [`/api/contacts/${c.id}/close`, { outcome: 'solved' }],
        [`/api/contacts/${c.id}/tried`, { articleId: validated.id }],
        [`/api/contacts/${c.id}/opened`, { articleId: validated.id }],
      ] as const) {
        const res = await agent.agent.post(path).set('X-CSRF-Token', 'f'.repeat(64)).send(body);
        expect(res.status).toBe(403);
        expect(res.body.error.id).toBe('csrf_invalid');
      }
      expect((await contactRow(ctx, c.id))!.closed_at).toBeNull();
      expect(await count(ctx, `contact_articles WHERE contact_id = ${c.id}`)).toBe(0);
    });
  });
});

describe('listing contacts', () => {
  let ctx: TestContext;
  let agent: Client;
  let other: Client;
  let admin: Client;
  let agentId: number;
  beforeAll(async () => {
    ctx = await makeTestApp();
    ({ agent, admin } = await signedInUsers(ctx, ['agent', 'admin']));
    other = (await secondAgent(ctx)).client;
    agentId = await userId(ctx, USERS.agent.email);
  });
  afterAll(() => ctx.close());

  it('returns only the caller’s own open contacts, newest first, with a total', async () => {
    // started at known times (admin-imported) plus two opened now, in order
    const old = await openFor(admin, agentId, ago(5 * HOUR));
    const older = await openFor(admin, agentId, ago(9 * HOUR), 'chat');
    const first = await openContact(agent, { channel: 'email' });
    const second = await openContact(agent, { channel: 'phone' });
    const closed = await openContact(agent);
    await close(agent, closed.id, { outcome: 'solved' });
    const othersOpen = await openContact(other);
    const adminsOwn = await openContact(admin);

    const res = await agent.get('/api/contacts?status=open');
    expect(res.status).toBe(200);
    contractData(z.array(contactResponse), res);
    const ids = (res.body.data as ContactBody[]).map((c) => c.id);
    expect(ids).toEqual([second.id, first.id, old.id, older.id]);
    expect(ids).not.toContain(othersOpen.id);
    expect(ids).not.toContain(adminsOwn.id);
    expect(res.body.meta).toMatchObject({ total: 4 });
    for (const c of res.body.data as ContactBody[]) {
      expect(c.closedAt).toBeNull();
      expect(c.agent.id).toBe(agentId);
    }

    const closedList = await agent.get('/api/contacts?status=closed').expect(200);
    expect(closedList.body.data.map((c: ContactBody) => c.id)).toEqual([closed.id]);
    expect(closedList.body.meta.total).toBe(1);

    const all = await agent.get('/api/contacts').expect(200);
    expect(all.body.meta.total).toBe(5);

    const page = await agent.get('/api/contacts?status=open&limit=2&offset=1').expect(200);
    expect(page.body.data.map((c: ContactBody) => c.id)).toEqual([first.id, old.id]);
    expect(page.body.meta).toEqual({ total: 4, limit: 2, offset: 1 });

    const others = await other.get('/api/contacts?status=open').expect(200);
    expect(others.body.data.map((c: ContactBody) => c.id)).toEqual([othersOpen.id]);
  });

  it('does not let an agent list another agent’s contacts through agentId', async () => {
    const otherId = await userId(ctx, 'agent2@test.example');
    const res = await agent.get(`/api/contacts?agentId=${otherId}`).expect(200);
    for (const c of res.body.data as ContactBody[]) expect(c.agent.id).toBe(agentId);
  });

  it.each(['status=pending', 'limit=0', 'limit=201', 'offset=-1', 'bogus=1'])(
    'rejects ?%s with 400',
    async (qs) => {
      const res = await agent.get(`/api/contacts?${qs}`);
      expect(res.status).toBe(400);
      expect(res.body.error.id).toBe('validation_failed');
    },
  );
});
