import { generate } from 'otplib';
import { z } from 'zod';
import { auditEntryResponse } from '../../server/contract/audit';
import { mfaEnrolmentResponse } from '../../server/contract/auth';
import { insertAudit } from '../../server/stores/audit';
import {
  client,
  makeTestApp,
  PASSWORD,
  signedIn,
  signedInUsers,
  USERS,
  type Client,
  type TestContext,
} from '../helpers/app';
import { contractData, contractError } from '../helpers/contract';
import { createArticle, openContact, userId } from '../helpers/factories';
import { close, resolveItem } from '../helpers/lifecycle';

/** Sign-in events, labels, the date filter and the CSV export of the audit log. */
describe('audit log: sign-ins, labels, dates, CSV', () => {
  let ctx: TestContext;
  let admin: Client;

  beforeEach(async () => {
    ctx = await makeTestApp();
    ({ admin } = await signedInUsers(ctx, ['admin']));
  });
  afterEach(() => ctx.close());

  const audit = async (query: string) => {
    const res = await admin.get(`/api/audit?${query}`).expect(200);
    return contractData(z.array(auditEntryResponse), res);
  };

  it('records sign-ins, refused sign-ins and sign-outs, with the address and without what was typed', async () => {
    const agentId = await userId(ctx, USERS.agent.email);
    const agent = await signedIn(ctx, 'agent');
    await agent.post('/api/auth/logout').expect(200);
    const wrong = client(ctx);
    expect((await wrong.login(USERS.agent.email, 'not the password')).status).toBe(401);
    // a password typed into the email box must not reach the log
    expect((await wrong.login('hunter2-secret-typed-here', PASSWORD)).status).toBe(401);

    const entries = await audit(`entity=user`);
    const mine = entries.filter((e) => e.entityId === agentId || e.entityId === null);
    expect(mine.map((e) => [e.action, e.actorName, e.entityLabel, e.detail])).toEqual([
      [
        'auth.login_failed',
        null,
        null,
        { step: 'password', address: expect.any(String), account: 'unknown' },
      ],
      [
        'auth.login_failed',
        null,
        USERS.agent.name,
        { step: 'password', address: expect.any(String) },
      ],
      ['auth.logout', USERS.agent.name, USERS.agent.name, { address: expect.any(String) }],
      [
        'auth.login',
        USERS.agent.name,
        USERS.agent.name,
        { method: 'password', address: expect.any(String) },
      ],
    ]);
    expect(mine[0]!.detail.address).toMatch(/127\.0\.0\.1/);
    const raw = JSON.stringify(await ctx.db.all('SELECT * FROM audit_log'));
    expect(raw).not.toContain('hunter2');
    expect(raw).not.toContain('not the password');
    // and the refused sign-in still says nothing about whether the account exists
    expect(contractError(await wrong.login(USERS.agent.email, 'x')).message).toBe(
      contractError(await wrong.login('nobody@test.example', 'x')).message,
    );
  });

  it('records a two-step sign-in, and a wrong code as refused', async () => {
    const engineer = await signedIn(ctx, 'engineer');
    const engineerId = await userId(ctx, USERS.engineer.email);
    const { secret } = contractData(
      mfaEnrolmentResponse,
      await engineer.post('/api/auth/mfa/enrol').expect(200),
    );
    await engineer.post('/api/auth/mfa/confirm', { code: await generate({ secret }) }).expect(200);
    const next = client(ctx);
    expect((await next.login(USERS.engineer.email)).body.data.mfaRequired).toBe(true);
    expect((await next.post('/api/auth/mfa/verify', { code: '000000' })).status).toBe(400);
    const later = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    await next.post('/api/auth/mfa/verify', { code: later }).expect(200);

    const entries = await audit(`entity=user&entityId=${engineerId}&limit=3`);
    expect(entries.map((e) => [e.action, e.detail.method ?? e.detail.step])).toEqual([
      ['auth.login', 'password+mfa'],
      ['auth.login_failed', 'code'],
      ['mfa.enrol', undefined],
    ]);
  });

  it('names what each entry is about: article title, department, contact, request, flag', async () => {
    const { engineer, agent } = await signedInUsers(ctx, ['engineer', 'agent']);
    const article = await createArticle(engineer, { title: 'Router blinks orange after rain' });
    await admin
      .post('/api/departments', { slug: 'mobile', name: 'Mobile Apps', kind: 'engineering' })
      .expect(201);
    const c = await openContact(agent);
    await close(agent, c.id, {
      outcome: 'escalated',
      department: 'network',
      reason: 'Nothing in the knowledge base.',
      needsArticle: true,
    });
    await agent.post(`/api/contacts/${c.id}/undo`, {}).expect(200);
    const again = await openContact(agent);
    await close(agent, again.id, {
      outcome: 'escalated',
      department: 'network',
      reason: 'Still nothing.',
      needsArticle: true,
    });
    const request = (await ctx.db.get<{ id: number }>(
      'SELECT id FROM article_requests WHERE contact_id = ?',
      [again.id],
    ))!;
    await resolveItem(engineer, 'requests', request.id, { note: 'Known outage' }).expect(204);

    const label = async (q: string) => (await audit(q)).map((e) => e.entityLabel);
    expect(await label(`entity=article&entityId=${article.id}`)).toEqual([
      'Router blinks orange after rain',
    ]);
    expect(await label('action=department.create')).toEqual(['Mobile Apps']);
    expect(await label(`entity=contact&entityId=${c.id}`)).toEqual([`Contact #${c.id}`]);
    expect(await label(`entity=request&entityId=${request.id}`)).toEqual([`Contact #${again.id}`]);
    expect(await label('action=settings.change')).toEqual([]);
  });

  describe('by day and by person', () => {
    beforeEach(async () => {
      const adminId = await userId(ctx, USERS.admin.email);
      const entry = (at: string, key: string, actorId: number | null = adminId) =>
        insertAudit(ctx.db, {
          actorId,
          action: 'settings.change',
          entity: 'settings',
          entityId: null,
          detail: { key, from: 1, to: 2 },
          at,
        });
      await entry('2026-10-31T23:59:59.999Z', 'before');
      await entry('2026-11-01T00:00:00.000Z', 'first');
      await entry('2026-11-15T12:00:00.000Z', 'middle', null);
      await entry('2026-11-30T23:59:59.999Z', 'last');
      await entry('2026-12-01T00:00:00.000Z', 'after');
    });

    const keys = async (q: string) =>
      (await audit(`action=settings.change&${q}`)).map((e) => e.detail.key);

    it('keeps entries from the first day to the end of the last (UTC, inclusive)', async () => {
      expect(await keys('from=2026-11-01&to=2026-11-30')).toEqual(['last', 'middle', 'first']);
      expect(await keys('from=2026-11-30')).toEqual(['after', 'last']);
      expect(await keys('to=2026-10-31')).toEqual(['before']);
      expect(await keys('from=2026-11-15&to=2026-11-15')).toEqual(['middle']);
    });

    it('keeps one person’s entries', async () => {
      const adminId = await userId(ctx, USERS.admin.email);
      expect(await keys(`actorId=${adminId}&from=2026-11-01&to=2026-11-30`)).toEqual([
        'last',
        'first',
      ]);
    });

    it('exports the entries of a range as CSV, named by it', async () => {
      const res = await admin
        .get('/api/audit?action=settings.change&from=2026-11-01&to=2026-11-30&format=csv')
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="firstcall-audit-2026-11-01-to-2026-11-30.csv"',
      );
      const lines = (res.text as string).trimEnd().split('\r\n');
      expect(lines[0]).toBe('at,actorId,actorName,action,entity,entityId,entityLabel,detail');
      expect(lines.slice(1)).toEqual([
        `2026-11-30T23:59:59.999Z,${await userId(ctx, USERS.admin.email)},${USERS.admin.name},settings.change,settings,,,"{""key"":""last"",""from"":1,""to"":2}"`,
        `2026-11-15T12:00:00.000Z,,,settings.change,settings,,,"{""key"":""middle"",""from"":1,""to"":2}"`,
        expect.stringContaining('""first""'),
      ]);
    });

    it('names an open-ended export by the day it was made, and exports nothing as a header', async () => {
      const today = new Date().toISOString().slice(0, 10);
      const open = await admin.get('/api/audit?format=csv').expect(200);
      expect(open.headers['content-disposition']).toBe(
        `attachment; filename="firstcall-audit-start-to-${today}.csv"`,
      );
      // every entry, not a page of 100
      expect((open.text as string).trimEnd().split('\r\n').length - 1).toBe(
        (await ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log'))!.n,
      );
      const none = await admin.get('/api/audit?action=no.such&format=csv').expect(200);
      expect(none.text).toBe('at,actorId,actorName,action,entity,entityId,entityLabel,detail\r\n');
    });
  });

  it('neutralizes a typed formula in an exported label', async () => {
    const { engineer } = await signedInUsers(ctx, ['engineer']);
    const a = await createArticle(engineer, { title: '=HYPERLINK("http://x.example")' });
    const res = await admin
      .get(`/api/audit?entity=article&entityId=${a.id}&format=csv`)
      .expect(200);
    expect(res.text).toContain(`"'=HYPERLINK(""http://x.example"")"`);
  });

  it.each([
    ['from=2026-11-30&to=2026-11-01', 'from'],
    ['from=2026-02-30', 'from'],
    ['to=yesterday', 'to'],
    ['actorId=me', 'actorId'],
    ['format=xlsx', 'format'],
  ])('answers 400 to %s, naming the field', async (query, field) => {
    const res = await admin.get(`/api/audit?${query}`);
    expect(res.status).toBe(400);
    expect(contractError(res)).toMatchObject({ id: 'validation_failed', field });
  });

  it('keeps the CSV export to admins', async () => {
    const { manager } = await signedInUsers(ctx, ['manager']);
    const res = await manager.get('/api/audit?format=csv');
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('settings.change');
  });
});
