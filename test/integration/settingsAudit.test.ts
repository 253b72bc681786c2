import {
  client,
  makeTestApp,
  signedInUsers,
  USERS,
  type Client,
  type TestContext,
  type UserKey,
} from '../helpers/app';
import { ISO } from '../helpers/contacts';
import {
  count,
  day,
  flagArticle,
  moveConfidence,
  resolveItem,
  triedOn,
} from '../helpers/lifecycle';
import { createArticle, userId } from '../helpers/factories';
import { contractData } from '../helpers/contract';
import { z } from 'zod';
import { auditEntryResponse, type AuditEntry } from '../../server/contract/audit';
import { settingsSchema } from '../../server/contract/settings';

const DEFAULTS = {
  fcrWindowDays: 7,
  costEscalated: 69,
  costFirstContact: 22,
  currency: 'USD',
  verifyIntervalDays: 90,
  failThreshold: 3,
  promoteThreshold: 3,
};

describe('settings', () => {
  let ctx: TestContext;
  let clients: Record<UserKey, Client>;
  let admin: Client;

  beforeEach(async () => {
    ctx = await makeTestApp();
    clients = await signedInUsers(ctx);
    admin = clients.admin;
  });
  afterEach(() => ctx.close());

  const stored = () =>
    ctx.db.all<{ key: string; value: string; updated_at: string; updated_by: number | null }>(
      'SELECT * FROM settings ORDER BY key',
    );
  const settingsAudit = () =>
    ctx.db.all<{ actor_id: number; entity: string; entity_id: number | null; detail: string }>(
      "SELECT * FROM audit_log WHERE action = 'settings.change' ORDER BY id",
    );

  it('shows the defaults to every signed-in user, and 401 to others', async () => {
    for (const who of ['agent', 'engineer', 'manager', 'admin'] as const) {
      const res = await clients[who].get('/api/settings');
      expect(res.status).toBe(200);
      contractData(settingsSchema, res);
      expect(res.body.data).toEqual(DEFAULTS);
    }
    expect((await client(ctx).get('/api/settings')).status).toBe(401);
  });

  it('lets an admin change settings: stored, read back by everyone, each change audited', async () => {
    const adminId = await userId(ctx, USERS.admin.email);
    const res = await admin.patch('/api/settings', { failThreshold: 5, costEscalated: 80.5 });
    expect(res.status).toBe(200);
    contractData(settingsSchema, res);
    expect(res.body.data).toEqual({ ...DEFAULTS, failThreshold: 5, costEscalated: 80.5 });
    expect((await clients.agent.get('/api/settings').expect(200)).body.data).toEqual(res.body.data);
    expect(await stored()).toEqual([
      {
        key: 'costEscalated',
        value: '80.5',
        updated_at: expect.stringMatching(ISO),
        updated_by: adminId,
      },
      {
        key: 'failThreshold',
        value: '5',
        updated_at: expect.stringMatching(ISO),
        updated_by: adminId,
      },
    ]);
    const audit = await settingsAudit();
    expect(audit).toHaveLength(2);
    expect(audit.map((a) => [a.actor_id, a.entity, a.entity_id, JSON.parse(a.detail)])).toEqual(
      expect.arrayContaining([
        [adminId, 'settings', null, { key: 'failThreshold', from: 3, to: 5 }],
        [adminId, 'settings', null, { key: 'costEscalated', from: 69, to: 80.5 }],
      ]),
    );
    // a change to the value it already has is no change
    await admin.patch('/api/settings', { failThreshold: 5 }).expect(200);
    expect(await settingsAudit()).toHaveLength(2);
    // and an empty change changes nothing
    expect((await admin.patch('/api/settings', {}).expect(200)).body.data.failThreshold).toBe(5);
  });

  it.each(['agent', 'engineer', 'billingEngineer', 'manager'] as const)(
    'answers 403 to %s changing settings and stores nothing',
    async (who) => {
      const res = await clients[who].patch('/api/settings', { promoteThreshold: 1 });
      expect(res.status).toBe(403);
      expect(res.body.error.id).toBe('forbidden');
      expect(await stored()).toEqual([]);
      expect((await admin.get('/api/settings').expect(200)).body.data).toEqual(DEFAULTS);
    },
  );

  it.each([
    [{ fcrWindowDays: 0 }, 'fcrWindowDays'],
    [{ fcrWindowDays: 91 }, 'fcrWindowDays'],
    [{ fcrWindowDays: 2.5 }, 'fcrWindowDays'],
    [{ costEscalated: -1 }, 'costEscalated'],
    [{ costEscalated: 100_001 }, 'costEscalated'],
    [{ costFirstContact: '22' }, 'costFirstContact'],
    [{ verifyIntervalDays: 0 }, 'verifyIntervalDays'],
    [{ verifyIntervalDays: 3651 }, 'verifyIntervalDays'],
    [{ failThreshold: 0 }, 'failThreshold'],
    [{ failThreshold: 1001 }, 'failThreshold'],
    [{ promoteThreshold: 0 }, 'promoteThreshold'],
    [{ promoteThreshold: null }, 'promoteThreshold'],
    [{ failThreshold: 4, promoteThreshold: -2 }, 'promoteThreshold'],
    [{ colour: 'blue' }, 'colour'],
    [{ currency: 'US' }, 'currency'],
    [{ currency: 'DOLLAR' }, 'currency'],
    [{ currency: '$' }, 'currency'],
    [{ currency: 'ZZZ' }, 'currency'],
    [{ currency: '' }, 'currency'],
    [{ currency: 840 }, 'currency'],
    [{ currency: null }, 'currency'],
  ])('rejects %j with 400 naming the field and stores nothing', async (body, field) => {
    const res = await admin.patch('/api/settings', body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ id: 'validation_failed', field });
    expect(await stored()).toEqual([]);
    expect(await settingsAudit()).toEqual([]);
  });

  it('stores a currency (ISO 4217, upper-cased), audited like the other settings', async () => {
    const adminId = await userId(ctx, USERS.admin.email);
    const res = await admin.patch('/api/settings', { currency: ' eur ' });
    expect(res.status).toBe(200);
    contractData(settingsSchema, res);
    expect(res.body.data).toEqual({ ...DEFAULTS, currency: 'EUR' });
    expect((await clients.manager.get('/api/settings').expect(200)).body.data.currency).toBe('EUR');
    expect(await stored()).toEqual([
      {
        key: 'currency',
        value: '"EUR"',
        updated_at: expect.stringMatching(ISO),
        updated_by: adminId,
      },
    ]);
    const audit = await settingsAudit();
    expect(audit.map((a) => [a.actor_id, a.entity, JSON.parse(a.detail)])).toEqual([
      [adminId, 'settings', { key: 'currency', from: 'USD', to: 'EUR' }],
    ]);
    // the same code again is no change; managers may not change it
    await admin.patch('/api/settings', { currency: 'EUR' }).expect(200);
    expect(await settingsAudit()).toHaveLength(1);
    const denied = await clients.manager.patch('/api/settings', { currency: 'GBP' });
    expect([denied.status, denied.body.error.id]).toEqual([403, 'forbidden']);
    // a bad code leaves the stored one alone and names the field
    const bad = await admin.patch('/api/settings', { currency: 'EURO' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toEqual({
      id: 'validation_failed',
      field: 'currency',
      message: expect.stringContaining('ISO 4217'),
    });
    expect((await admin.get('/api/settings').expect(200)).body.data.currency).toBe('EUR');
  });

  it('accepts the bounds themselves', async () => {
    const edge = {
      fcrWindowDays: 90,
      costEscalated: 100_000,
      costFirstContact: 0,
      currency: 'JPY',
      verifyIntervalDays: 3650,
      failThreshold: 1,
      promoteThreshold: 1000,
    };
    expect((await admin.patch('/api/settings', edge).expect(200)).body.data).toEqual(edge);
    await admin.patch('/api/settings', { fcrWindowDays: 1 }).expect(200);
    expect((await admin.get('/api/settings').expect(200)).body.data.fcrWindowDays).toBe(1);
  });

  it('a lower failThreshold takes effect in the queue at once', async () => {
    const engineer = clients.engineer;
    const a = await createArticle(engineer);
    await triedOn(clients.agent, a.id, 2);
    const failing = async () =>
      (
        (await engineer.get('/api/queue/network').expect(200)).body.data.failing as { id: number }[]
      ).map((f) => f.id);
    expect(await failing()).toEqual([]);
    await admin.patch('/api/settings', { failThreshold: 2 }).expect(200);
    expect(await failing()).toEqual([a.id]);
  });
});

describe('audit log', () => {
  let ctx: TestContext;
  let agent: Client;
  let engineer: Client;
  let manager: Client;
  let admin: Client;
  let engineerId: number;
  let adminId: number;

  beforeAll(async () => {
    ctx = await makeTestApp();
    ({ agent, engineer, manager, admin } = await signedInUsers(ctx, [
      'agent',
      'engineer',
      'manager',
      'admin',
    ]));
    engineerId = await userId(ctx, USERS.engineer.email);
    adminId = await userId(ctx, USERS.admin.email);
  });
  afterAll(() => ctx.close());

  const audit = async (query = '') => {
    const res = await admin.get(`/api/audit${query}`).expect(200);
    contractData(z.array(auditEntryResponse), res);
    return res.body as {
      data: AuditEntry[];
      meta: { total: number; limit: number; offset: number };
    };
  };

  it('answers 403 to everyone but admins, 401 without a session', async () => {
    for (const c of [agent, engineer, manager]) {
      const res = await c.get('/api/audit');
      expect(res.status).toBe(403);
      expect(res.body).not.toHaveProperty('data');
    }
    expect((await client(ctx).get('/api/audit')).status).toBe(401);
  });

  it('records every create, edit, confidence change, verification, archive, restore and resolution: who, when, what', async () => {
    const a = await createArticle(engineer, { confidence: 'not_validated' });
    await engineer.patch(`/api/articles/${a.id}`, {
      version: 1,
      title: 'Audited title',
      note: 'n1',
    });
    await moveConfidence(engineer, a.id, 'validated', 2);
    // overdue, so verifying moves the date
    await engineer.patch(`/api/articles/${a.id}`, { version: 3, verifyBy: day(-1) }).expect(200);
    await engineer.post(`/api/articles/${a.id}/verify`, { version: 4 }).expect(200);
    await moveConfidence(admin, a.id, 'archived', 5);
    await moveConfidence(admin, a.id, 'validated', 6);
    await engineer.post(`/api/articles/${a.id}/restore`, { from: 1, version: 7 }).expect(200);
    const flag = await flagArticle(agent, a.id);
    await resolveItem(engineer, 'flags', flag.id, { note: 'Named the menu' }).expect(204);
    await admin.patch('/api/settings', { costFirstContact: 25 }).expect(200);

    const forArticle = await audit(`?entity=article&entityId=${a.id}`);
    expect(forArticle.meta.total).toBe(8);
    // newest first
    expect(forArticle.data.map((e) => [e.action, e.actorName])).toEqual([
      ['article.restore_version', USERS.engineer.name],
      ['article.unarchive', USERS.admin.name],
      ['article.archive', USERS.admin.name],
      ['article.verify', USERS.engineer.name],
      ['article.edit', USERS.engineer.name],
      ['article.confidence', USERS.engineer.name],
      ['article.edit', USERS.engineer.name],
      ['article.create', USERS.engineer.name],
    ]);
    const ids = forArticle.data.map((e) => e.id);
    expect([...ids].sort((x, y) => y - x)).toEqual(ids);
    for (const e of forArticle.data) {
      expect(e).toEqual({
        id: expect.any(Number),
        at: expect.stringMatching(ISO),
        actorId: e.actorName === USERS.admin.name ? adminId : engineerId,
        actorName: e.actorName,
        action: e.action,
        entity: 'article',
        entityId: a.id,
        // the title it has now (version 1's again, restored), not an id
        entityLabel: a.title,
        detail: expect.any(Object),
      });
    }
    const byAction = Object.fromEntries(forArticle.data.map((e) => [e.action, e.detail]));
    expect(byAction['article.create']).toMatchObject({ slug: a.slug, confidence: 'not_validated' });
    expect(byAction['article.confidence']).toMatchObject({
      version: 3,
      from: 'not_validated',
      to: 'validated',
    });
    expect(byAction['article.archive']).toMatchObject({ from: 'validated', to: 'archived' });
    expect(byAction['article.unarchive']).toMatchObject({ from: 'archived', to: 'validated' });
    expect(byAction['article.verify']).toMatchObject({ version: 5 });
    expect(byAction['article.restore_version']).toMatchObject({ version: 8, restoredFrom: 1 });

    const resolution = await audit(`?entity=flag&entityId=${flag.id}`);
    expect(resolution.data).toEqual([
      {
        id: expect.any(Number),
        at: expect.stringMatching(ISO),
        actorId: engineerId,
        actorName: USERS.engineer.name,
        action: 'queue.resolve',
        entity: 'flag',
        entityId: flag.id,
        entityLabel: a.title,
        detail: { note: 'Named the menu' },
      },
    ]);
    const settings = await audit('?action=settings.change');
    expect(settings.data[0]).toMatchObject({
      actorId: adminId,
      actorName: USERS.admin.name,
      entity: 'settings',
      entityId: null,
      detail: { key: 'costFirstContact', from: 22, to: 25 },
    });
  });

  it('filters by action and entity, pages with limit and offset, counts the total', async () => {
    const a = await createArticle(engineer);
    const b = await createArticle(engineer);
    for (const x of [a, b]) await moveConfidence(engineer, x.id, 'archived', 1);
    const archives = await audit('?action=article.archive');
    expect(archives.data.every((e) => e.action === 'article.archive')).toBe(true);
    expect(archives.meta.total).toBe(
      await count(ctx, "audit_log WHERE action = 'article.archive'"),
    );
    expect(archives.data.slice(0, 2).map((e) => e.entityId)).toEqual([b.id, a.id]);
    const all = await audit();
    expect(all.meta).toEqual({ total: await count(ctx, 'audit_log'), limit: 100, offset: 0 });
    const page = await audit('?limit=2&offset=1');
    expect(page.meta).toMatchObject({ limit: 2, offset: 1 });
    expect(page.data.map((e) => e.id)).toEqual(all.data.slice(1, 3).map((e) => e.id));
    const onlyFlags = await audit('?entity=flag');
    expect(onlyFlags.data.every((e) => e.entity === 'flag')).toBe(true);
    expect((await audit('?action=no.such.action')).data).toEqual([]);
  });

  it.each([
    ['?entityId=abc', 'entityId'],
    ['?limit=0', 'limit'],
    ['?limit=501', 'limit'],
    ['?offset=-1', 'offset'],
    ['?who=me', 'who'],
  ])('answers 400 to %s', async (query, field) => {
    const res = await admin.get(`/api/audit${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ id: 'validation_failed', field });
  });
});
