import {
  client,
  makeTestApp,
  signedInUsers,
  USERS,
  type Client,
  type TestContext,
  type UserKey,
} from '../helpers/app';
import { ISO, search } from '../helpers/contacts';
import { auditOf, count, day, moveConfidence } from '../helpers/lifecycle';
import { createArticle, type CreatedArticle, userId } from '../helpers/factories';
import { contractData } from '../helpers/contract';
import { articleResponse, diffResponse } from '../../server/contract/articleResponses';

interface ArticleDbRow {
  id: number;
  title: string;
  resolution: string;
  resolution_html: string;
  confidence: string;
  version: number;
  verify_by: string | null;
  verify_interval_days: number | null;
  verified_at: string | null;
  verified_by: number | null;
  updated_by: number | null;
}

interface VersionDbRow {
  version: number;
  title: string;
  resolution: string;
  confidence: string;
  verify_by: string | null;
  author_id: number | null;
  note: string;
  kind: string;
  restored_from: number | null;
}

type Part = { value: string; added?: boolean; removed?: boolean };
type FieldDiff = { field: string; parts: Part[] };

/** The text a diff describes on one side: unchanged parts plus removed (before) or added (after). */
const side = (parts: Part[], which: 'before' | 'after') =>
  parts
    .filter((p) => (which === 'before' ? !p.added : !p.removed))
    .map((p) => p.value)
    .join('');

describe('article lifecycle', () => {
  let ctx: TestContext;
  let agent: Client;
  let engineer: Client;
  let billingEngineer: Client;
  let manager: Client;
  let admin: Client;
  let engineerId: number;
  let adminId: number;
  let clients: Record<UserKey, Client>;

  beforeAll(async () => {
    ctx = await makeTestApp();
    clients = await signedInUsers(ctx);
    ({ agent, engineer, billingEngineer, manager, admin } = clients);
    engineerId = await userId(ctx, USERS.engineer.email);
    adminId = await userId(ctx, USERS.admin.email);
  });
  afterAll(() => ctx.close());

  const row = (id: number) => ctx.db.get<ArticleDbRow>('SELECT * FROM articles WHERE id = ?', [id]);
  const versionRows = (id: number) =>
    ctx.db.all<VersionDbRow>(
      'SELECT * FROM article_versions WHERE article_id = ? ORDER BY version',
      [id],
    );
  /** Everything stored about an article: the row, its versions and its audit entries. */
  const everything = async (id: number) => ({
    row: await row(id),
    versions: await versionRows(id),
    audit: await auditOf(ctx, 'article', id),
  });
  const make = (overrides: Record<string, unknown> = {}) => createArticle(engineer, overrides);
  /** An article created at `confidence` (wip and archived with a resolution, so they can move). */
  const at = (confidence: string, overrides: Record<string, unknown> = {}) =>
    make({ confidence, ...overrides });
  const titlesFor = async (c: Client, q: string) =>
    ((await search(c, { q }).expect(200)).body.data.hits as { title: string }[]).map(
      (h) => h.title,
    );

  describe('confidence steps', () => {
    it.each([
      ['wip', 'not_validated', 'article.confidence'],
      ['wip', 'archived', 'article.archive'],
      ['not_validated', 'validated', 'article.confidence'],
      ['not_validated', 'wip', 'article.confidence'],
      ['not_validated', 'archived', 'article.archive'],
      ['validated', 'not_validated', 'article.confidence'],
      ['validated', 'archived', 'article.archive'],
      ['archived', 'wip', 'article.unarchive'],
      ['archived', 'not_validated', 'article.unarchive'],
      ['archived', 'validated', 'article.unarchive'],
    ])(
      '%s → %s: a new version with the note, stored and audited as %s',
      async (from, to, action) => {
        const a = await at(from);
        const res = await moveConfidence(engineer, a.id, to, 1, `moving to ${to}`);
        expect(res.status).toBe(200);
        contractData(articleResponse, res);
        expect(res.body.data).toMatchObject({
          id: a.id,
          confidence: to,
          version: 2,
          updatedBy: { id: engineerId, name: USERS.engineer.name },
        });
        expect(await row(a.id)).toMatchObject({
          confidence: to,
          version: 2,
          updated_by: engineerId,
        });
        const versions = await versionRows(a.id);
        expect(versions.map((v) => [v.version, v.kind, v.confidence])).toEqual([
          [1, 'create', from],
          [2, 'confidence', to],
        ]);
        expect(versions[1]).toMatchObject({ author_id: engineerId, note: `moving to ${to}` });
        const audit = await auditOf(ctx, 'article', a.id);
        expect(audit.map((e) => e.action)).toEqual(['article.create', action]);
        expect(audit[1]).toMatchObject({ actor_id: engineerId, at: expect.stringMatching(ISO) });
        expect(JSON.parse(audit[1]!.detail)).toEqual({
          version: 2,
          from,
          to,
          note: `moving to ${to}`,
        });
        const listed = await engineer.get(`/api/articles/${a.id}/versions`).expect(200);
        expect(listed.body.data[0]).toEqual({
          version: 2,
          kind: 'confidence',
          restoredFrom: null,
          author: { id: engineerId, name: USERS.engineer.name },
          note: `moving to ${to}`,
          confidence: to,
          createdAt: expect.stringMatching(ISO),
        });
      },
    );

    it.each([
      ['wip', 'validated'],
      ['validated', 'wip'],
    ])(
      'refuses %s → %s with 409 confidence_transition_invalid and changes nothing',
      async (from, to) => {
        const a = await at(from);
        const before = await everything(a.id);
        const res = await moveConfidence(engineer, a.id, to, 1);
        expect(res.status).toBe(409);
        expect(res.body.error).toMatchObject({
          id: 'confidence_transition_invalid',
          field: 'confidence',
          message: expect.any(String),
        });
        expect(await everything(a.id)).toEqual(before);
      },
    );

    it('refuses the same step through PATCH too (wip → validated is 409 there as well)', async () => {
      const a = await at('wip');
      const res = await engineer.patch(`/api/articles/${a.id}`, {
        version: 1,
        confidence: 'validated',
      });
      expect(res.status).toBe(409);
      expect(res.body.error.id).toBe('confidence_transition_invalid');
      expect((await row(a.id))!.confidence).toBe('wip');
    });

    it('refuses to submit a wip article without a resolution (400 field resolution)', async () => {
      const a = await at('wip', { resolution: '' });
      const before = await everything(a.id);
      const res = await moveConfidence(engineer, a.id, 'not_validated', 1);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ id: 'validation_failed', field: 'resolution' });
      expect(await everything(a.id)).toEqual(before);
      // once it has a resolution, the same step works
      await engineer
        .patch(`/api/articles/${a.id}`, { version: 1, resolution: '1. Power-cycle the modem.' })
        .expect(200);
      expect((await moveConfidence(engineer, a.id, 'not_validated', 2)).status).toBe(200);
    });

    it('treats a step to the confidence the article already has as no change', async () => {
      const a = await at('validated');
      const res = await moveConfidence(engineer, a.id, 'validated', 1);
      expect(res.status).toBe(200);
      expect(res.body.data.version).toBe(1);
      expect(await count(ctx, 'article_versions WHERE article_id = ?', [a.id])).toBe(1);
    });

    it.each([
      [{ to: 'approved', version: 1 }, 'to'],
      [{ to: 'validated' }, 'version'],
      [{ to: 'validated', version: 0 }, 'version'],
      [{ to: 'validated', version: 1, note: 'x'.repeat(501) }, 'note'],
      [{ to: 'validated', version: 1, extra: true }, 'extra'],
    ])('rejects the body %j with 400 naming the field', async (body, field) => {
      const a = await at('not_validated');
      const res = await engineer.post(`/api/articles/${a.id}/confidence`, body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ id: 'validation_failed', field });
      expect((await row(a.id))!.version).toBe(1);
    });

    it('answers 404 for an unknown article', async () => {
      const res = await moveConfidence(engineer, 999_999, 'validated', 1);
      expect(res.status).toBe(404);
      expect((await moveConfidence(engineer, 0, 'validated', 1)).status).toBe(404);
    });

    it('answers 409 article_version_conflict to a step from a stale version; nothing changes', async () => {
      const a = await at('not_validated');
      await engineer
        .patch(`/api/articles/${a.id}`, { version: 1, title: 'Someone saved first' })
        .expect(200);
      const before = await everything(a.id);
      const res = await moveConfidence(engineer, a.id, 'validated', 1);
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ id: 'article_version_conflict', field: 'version' });
      expect(await everything(a.id)).toEqual(before);
      expect((await moveConfidence(engineer, a.id, 'validated', 2)).status).toBe(200);
    });

    it('records every step of a life in the history, in order', async () => {
      const a = await at('wip');
      const path = ['not_validated', 'validated', 'archived', 'validated'];
      for (const [i, to] of path.entries())
        await moveConfidence(engineer, a.id, to, i + 1, `step ${i + 1}`).expect(200);
      const listed = await admin.get(`/api/articles/${a.id}/versions`).expect(200);
      expect(
        (listed.body.data as { version: number; kind: string; confidence: string; note: string }[])
          .map((v) => [v.version, v.kind, v.confidence, v.note])
          .reverse(),
      ).toEqual([
        [1, 'create', 'wip', 'Created'],
        [2, 'confidence', 'not_validated', 'step 1'],
        [3, 'confidence', 'validated', 'step 2'],
        [4, 'confidence', 'archived', 'step 3'],
        [5, 'confidence', 'validated', 'step 4'],
      ]);
      expect((await auditOf(ctx, 'article', a.id)).map((e) => e.action)).toEqual([
        'article.create',
        'article.confidence',
        'article.confidence',
        'article.archive',
        'article.unarchive',
      ]);
    });
  });

  describe('who may change confidence, verify and restore', () => {
    const cases: [UserKey | 'anonymous', number][] = [
      ['anonymous', 401],
      ['agent', 403],
      ['manager', 403],
      ['billingEngineer', 403],
      ['engineer', 200],
      ['admin', 200],
    ];
    const as = async (who: UserKey | 'anonymous') => {
      if (who !== 'anonymous') return clients[who];
      const c = client(ctx);
      await c.refreshToken();
      return c;
    };

    it.each(cases)('POST /confidence on a network article as %s → %i', async (who, status) => {
      const a = await at('not_validated');
      const before = await everything(a.id);
      const res = await moveConfidence(await as(who), a.id, 'validated', 1);
      expect(res.status).toBe(status);
      if (status === 200) {
        expect((await row(a.id))!.confidence).toBe('validated');
        const author = (await versionRows(a.id))[1]!.author_id;
        expect(author).toBe(who === 'admin' ? adminId : engineerId);
      } else {
        expect(res.body.error.id).toBe(status === 401 ? 'unauthenticated' : 'forbidden');
        expect(await everything(a.id)).toEqual(before);
      }
    });

    it.each(cases)('POST /verify on a network article as %s → %i', async (who, status) => {
      const a = await at('validated', { verifyBy: '2020-01-01' });
      const before = await everything(a.id);
      const res = await (await as(who)).post(`/api/articles/${a.id}/verify`, { version: 1 });
      expect(res.status).toBe(status);
      if (status === 200) expect((await row(a.id))!.verify_by).toBe(day(90));
      else expect(await everything(a.id)).toEqual(before);
    });

    it.each(cases)('POST /restore on a network article as %s → %i', async (who, status) => {
      const a = await at('validated');
      await engineer.patch(`/api/articles/${a.id}`, { version: 1, title: 'Retitled' }).expect(200);
      const before = await everything(a.id);
      const res = await (
        await as(who)
      ).post(`/api/articles/${a.id}/restore`, {
        from: 1,
        version: 2,
      });
      expect(res.status).toBe(status);
      if (status === 200) expect((await row(a.id))!.title).toBe(a.title);
      else expect(await everything(a.id)).toEqual(before);
    });

    it('lets the billing engineer work billing articles and keeps the network engineer out', async () => {
      const b = await createArticle(billingEngineer, {
        department: 'billing',
        confidence: 'not_validated',
      });
      expect((await moveConfidence(engineer, b.id, 'validated', 1)).status).toBe(403);
      expect((await moveConfidence(billingEngineer, b.id, 'validated', 1)).status).toBe(200);
      expect((await row(b.id))!.confidence).toBe('validated');
    });
  });

  describe('search follows confidence at once', () => {
    it('an agent finds an article as soon as it is submitted and validated, never once archived', async () => {
      const a = await at('wip', {
        title: 'Quokkaphone handset shows error Q-77',
        issue: 'The quokkaphone handset beeps twice.',
      });
      expect(await titlesFor(agent, 'quokkaphone')).toEqual([]);
      expect(await titlesFor(engineer, 'quokkaphone')).toEqual([a.title]);

      await moveConfidence(engineer, a.id, 'not_validated', 1).expect(200);
      let hits = (await search(agent, { q: 'quokkaphone' }).expect(200)).body.data.hits;
      expect(hits.map((h: { id: number }) => h.id)).toEqual([a.id]);
      expect(hits[0].confidence).toBe('not_validated');

      await moveConfidence(engineer, a.id, 'validated', 2).expect(200);
      hits = (await search(agent, { q: 'quokkaphone' }).expect(200)).body.data.hits;
      expect(hits.map((h: { id: number; confidence: string }) => [h.id, h.confidence])).toEqual([
        [a.id, 'validated'],
      ]);

      await moveConfidence(engineer, a.id, 'archived', 3).expect(200);
      expect(await titlesFor(agent, 'quokkaphone')).toEqual([]);
      expect(await titlesFor(engineer, 'quokkaphone')).toEqual([]);
      expect((await agent.get(`/api/articles/${a.id}`)).status).toBe(404);

      await moveConfidence(engineer, a.id, 'validated', 4).expect(200);
      expect(await titlesFor(agent, 'quokkaphone')).toEqual([a.title]);
    });
  });

  describe('verify-by dates', () => {
    it('validating sets verifyBy to today + the global interval (90 days)', async () => {
      const a = await at('not_validated');
      expect((await row(a.id))!.verify_by).toBeNull();
      const res = await moveConfidence(engineer, a.id, 'validated', 1).expect(200);
      expect(res.body.data).toMatchObject({ verifyBy: day(90), stale: false });
      expect((await row(a.id))!.verify_by).toBe(day(90));
      expect((await versionRows(a.id))[1]!.verify_by).toBe(day(90));
    });

    it('uses the article’s own interval when it has one', async () => {
      const a = await at('not_validated', { verifyIntervalDays: 14 });
      const res = await moveConfidence(engineer, a.id, 'validated', 1).expect(200);
      expect(res.body.data).toMatchObject({ verifyBy: day(14), verifyIntervalDays: 14 });
      expect(await row(a.id)).toMatchObject({ verify_by: day(14), verify_interval_days: 14 });
    });

    it('an article created validated gets a verify-by date too', async () => {
      const a = await at('validated');
      expect((await row(a.id))!.verify_by).toBe(day(90));
      const b = await at('validated', { verifyIntervalDays: 7 });
      expect((await row(b.id))!.verify_by).toBe(day(7));
    });

    it('starts a fresh period when an archived (long overdue) article is validated again', async () => {
      const a = await at('validated', { verifyBy: '2020-01-01' });
      await moveConfidence(engineer, a.id, 'archived', 1).expect(200);
      const res = await moveConfidence(engineer, a.id, 'validated', 2).expect(200);
      expect(res.body.data).toMatchObject({ verifyBy: day(90), stale: false });
    });

    it('follows the global setting when an admin changes it', async () => {
      await admin.patch('/api/settings', { verifyIntervalDays: 30 }).expect(200);
      try {
        const a = await at('not_validated');
        await moveConfidence(engineer, a.id, 'validated', 1).expect(200);
        expect((await row(a.id))!.verify_by).toBe(day(30));
        const own = await at('not_validated', { verifyIntervalDays: 10 });
        await moveConfidence(engineer, own.id, 'validated', 1).expect(200);
        expect((await row(own.id))!.verify_by).toBe(day(10)); // the article's own wins
      } finally {
        await admin.patch('/api/settings', { verifyIntervalDays: 90 }).expect(200);
      }
    });
  });

  describe('verify now', () => {
    const hitFor = async (id: number) => {
      const hits = (await search(agent, { q: 'marmoset' }).expect(200)).body.data.hits as {
        id: number;
        stale: boolean;
      }[];
      return hits.find((h) => h.id === id);
    };
    const staleInQueue = async (id: number) =>
      ((await engineer.get('/api/queue/network').expect(200)).body.data.stale as { id: number }[])
        .map((s) => s.id)
        .includes(id);

    it('a past verify-by date makes the article stale in search and the queue; verifying clears both', async () => {
      const a = await at('validated', {
        title: 'Marmoset router drops the line',
        verifyBy: day(-3),
      });
      expect(await hitFor(a.id)).toMatchObject({ id: a.id, stale: true });
      expect((await engineer.get(`/api/articles/${a.id}`).expect(200)).body.data.stale).toBe(true);
      const queue = await engineer.get('/api/queue/network').expect(200);
      expect(queue.body.data.stale).toContainEqual({
        id: a.id,
        slug: a.slug,
        title: a.title,
        verifyBy: day(-3),
      });

      const started = Date.now();
      const res = await engineer.post(`/api/articles/${a.id}/verify`, {
        version: 1,
        note: 'Checked on firmware 2.1',
      });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({
        verifyBy: day(90),
        verifiedBy: USERS.engineer.name,
        verifiedAt: expect.stringMatching(ISO),
        stale: false,
        version: 2,
        confidence: 'validated',
      });
      expect(Date.parse(res.body.data.verifiedAt)).toBeGreaterThanOrEqual(started - 1000);
      expect(await row(a.id)).toMatchObject({
        verify_by: day(90),
        verified_by: engineerId,
        verified_at: res.body.data.verifiedAt,
        version: 2,
      });
      expect((await versionRows(a.id))[1]).toMatchObject({
        kind: 'verify',
        note: 'Checked on firmware 2.1',
        author_id: engineerId,
        verify_by: day(90),
      });
      const audit = await auditOf(ctx, 'article', a.id);
      expect(audit.map((e) => e.action)).toEqual(['article.create', 'article.verify']);
      expect(audit[1]!.actor_id).toBe(engineerId);

      expect(await hitFor(a.id)).toMatchObject({ id: a.id, stale: false });
      expect(await staleInQueue(a.id)).toBe(false);
    });

    it('counts validating as a verification: verifiedAt and verifiedBy are set', async () => {
      const a = await at('not_validated');
      expect((await engineer.get(`/api/articles/${a.id}`).expect(200)).body.data).toMatchObject({
        verifiedAt: null,
        verifiedBy: null,
      });
      const started = Date.now();
      const res = await engineer
        .post(`/api/articles/${a.id}/confidence`, { to: 'validated', version: 1 })
        .expect(200);
      expect(res.body.data).toMatchObject({
        confidence: 'validated',
        verifiedBy: USERS.engineer.name,
        verifiedAt: expect.stringMatching(ISO),
      });
      expect(Date.parse(res.body.data.verifiedAt)).toBeGreaterThanOrEqual(started - 1000);
      expect(await row(a.id)).toMatchObject({ verified_by: engineerId });
      // created as validated: validated then, by its author
      const b = await createArticle(engineer, { title: 'Lemur modem forgets its settings' });
      expect((await engineer.get(`/api/articles/${b.id}`).expect(200)).body.data).toMatchObject({
        verifiedBy: USERS.engineer.name,
        verifiedAt: expect.stringMatching(ISO),
      });
    });

    it('is not stale on the verify-by day itself, only after it', async () => {
      const today = await at('validated', { verifyBy: day(0) });
      const yesterday = await at('validated', { verifyBy: day(-1) });
      expect(await staleInQueue(today.id)).toBe(false);
      expect(await staleInQueue(yesterday.id)).toBe(true);
    });

    it('only validated articles are stale: a not-validated article past its date is not', async () => {
      const a = await at('not_validated', { verifyBy: day(-10) });
      expect(await staleInQueue(a.id)).toBe(false);
      expect((await engineer.get(`/api/articles/${a.id}`).expect(200)).body.data.stale).toBe(false);
    });

    it('keeps other departments’ stale articles out of the network queue', async () => {
      const b = await createArticle(billingEngineer, { department: 'billing', verifyBy: day(-5) });
      expect(await staleInQueue(b.id)).toBe(false);
      const billing = await billingEngineer.get('/api/queue/billing').expect(200);
      expect(billing.body.data.stale.map((s: { id: number }) => s.id)).toContain(b.id);
    });

    it('uses the article’s own interval for the new date', async () => {
      const a = await at('validated', { verifyBy: day(-1), verifyIntervalDays: 7 });
      const res = await engineer.post(`/api/articles/${a.id}/verify`, { version: 1 }).expect(200);
      contractData(articleResponse, res);
      expect(res.body.data.verifyBy).toBe(day(7));
    });

    it('records the verification even when the date does not move (verified the day it was validated)', async () => {
      const a = await at('validated'); // verifyBy = today + 90 already
      const res = await engineer.post(`/api/articles/${a.id}/verify`, {
        version: 1,
        note: 'Double-checked with the vendor',
      });
      expect(res.status).toBe(200);
      expect(res.body.data.verifiedAt).toEqual(expect.stringMatching(ISO));
      // every verification is history and audit: who, when, what
      expect((await versionRows(a.id)).map((v) => v.kind)).toEqual(['create', 'verify']);
      expect((await auditOf(ctx, 'article', a.id)).map((e) => e.action)).toEqual([
        'article.create',
        'article.verify',
      ]);
    });

    it.each(['not_validated', 'wip', 'archived'])(
      'answers 400 article_not_validated for a %s article and changes nothing',
      async (confidence) => {
        const a = await at(confidence);
        const before = await everything(a.id);
        const res = await engineer.post(`/api/articles/${a.id}/verify`, { version: 1 });
        expect(res.status).toBe(400);
        expect(res.body.error.id).toBe('article_not_validated');
        expect(await everything(a.id)).toEqual(before);
      },
    );

    it('answers 409 article_version_conflict to a stale version and changes nothing', async () => {
      const a = await at('validated', { verifyBy: day(-2) });
      await engineer.patch(`/api/articles/${a.id}`, { version: 1, title: 'Edited meanwhile' });
      const before = await everything(a.id);
      const res = await engineer.post(`/api/articles/${a.id}/verify`, { version: 1 });
      expect(res.status).toBe(409);
      expect(res.body.error.id).toBe('article_version_conflict');
      expect(await everything(a.id)).toEqual(before);
    });

    it('requires the version (400) and answers 404 for an unknown article', async () => {
      const a = await at('validated');
      const res = await engineer.post(`/api/articles/${a.id}/verify`, {});
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ id: 'validation_failed', field: 'version' });
      expect((await engineer.post('/api/articles/999999/verify', { version: 1 })).status).toBe(404);
    });
  });

  describe('diff', () => {
    let a: CreatedArticle;
    beforeAll(async () => {
      a = await make({
        title: 'Modem reboots every night',
        resolution: '1. Open the router page.\n2. Turn off auto-reboot.',
        cause: 'Default maintenance schedule.',
        tags: ['reboot'],
        confidence: 'not_validated',
      });
      await engineer
        .patch(`/api/articles/${a.id}`, {
          version: 1,
          title: 'Modem reboots every morning',
          resolution: '1. Open the router page.\n2. Turn off scheduled restart.',
          cause: 'ISP maintenance window.',
          tags: ['reboot', 'schedule'],
        })
        .expect(200);
      await moveConfidence(engineer, a.id, 'validated', 2).expect(200);
    });
    const diff = (c: Client, from: unknown, to: unknown) =>
      c.get(`/api/articles/${a.id}/diff?from=${String(from)}&to=${String(to)}`);

    it('lists only the changed fields: Markdown and lists line by line, the title word by word', async () => {
      const res = await diff(engineer, 1, 2);
      expect(res.status).toBe(200);
      contractData(diffResponse, res);
      expect(res.body.data.from).toBe(1);
      expect(res.body.data.to).toBe(2);
      const fields = res.body.data.fields as FieldDiff[];
      expect(fields.map((f) => f.field)).toEqual(['title', 'resolution', 'cause', 'tags']);
      const title = fields[0]!;
      expect(title.parts).toEqual([
        { value: 'Modem reboots every ' },
        { value: 'night', removed: true },
        { value: 'morning', added: true },
      ]);
      const resolution = fields[1]!;
      expect(side(resolution.parts, 'before')).toBe(
        '1. Open the router page.\n2. Turn off auto-reboot.',
      );
      expect(side(resolution.parts, 'after')).toBe(
        '1. Open the router page.\n2. Turn off scheduled restart.',
      );
      // unchanged lines are not marked: a changed step reads as one line out, one line in
      expect(resolution.parts).toEqual([
        { value: '1. Open the router page.\n' },
        { value: '2. Turn off auto-reboot.', removed: true },
        { value: '2. Turn off scheduled restart.', added: true },
      ]);
      const tags = fields[3]!;
      expect(side(tags.parts, 'before')).toBe('reboot');
      expect(side(tags.parts, 'after')).toBe('reboot\nschedule');
    });

    it('shows confidence (as people read it) and verify-by changes, and works backwards', async () => {
      const res = await diff(engineer, 2, 3).expect(200);
      const fields = res.body.data.fields as FieldDiff[];
      expect(fields.map((f) => f.field)).toEqual(['confidence', 'verifyBy']);
      expect(side(fields[0]!.parts, 'before')).toBe('Not validated');
      expect(side(fields[0]!.parts, 'after')).toBe('Validated');
      expect(side(fields[1]!.parts, 'after')).toBe(day(90));
      const back = (await diff(engineer, 3, 1).expect(200)).body.data.fields as FieldDiff[];
      expect(side(back.find((f) => f.field === 'title')!.parts, 'after')).toBe(
        'Modem reboots every night',
      );
      expect((await diff(engineer, 2, 2).expect(200)).body.data.fields).toEqual([]);
    });

    it('never shows the cause to agents', async () => {
      const res = await diff(agent, 1, 2);
      expect(res.status).toBe(200);
      expect(res.body.data.fields.map((f: FieldDiff) => f.field)).toEqual([
        'title',
        'resolution',
        'tags',
      ]);
      expect(JSON.stringify(res.body)).not.toMatch(/maintenance window|Default maintenance/);
      expect((await diff(manager, 1, 2).expect(200)).body.data.fields[2].field).toBe('cause');
    });

    it('does not show agents the text of a version they could never read (internal)', async () => {
      const b = await make({
        audience: 'internal',
        resolution: '1. SSH to the headend as root with the shared password.',
      });
      await engineer
        .patch(`/api/articles/${b.id}`, {
          version: 1,
          audience: 'agents',
          resolution: '1. Ask the customer to restart the router.',
        })
        .expect(200);
      expect((await agent.get(`/api/articles/${b.id}`)).status).toBe(200); // published now
      const res = await agent.get(`/api/articles/${b.id}/diff?from=1&to=2`);
      expect(JSON.stringify(res.body)).not.toContain('shared password');
    });

    it.each([
      [1, 9, 'to'],
      [9, 1, 'from'],
      [0, 1, 'from'],
      ['one', 2, 'from'],
    ])('answers 400 for from=%s to=%s (field %s)', async (from, to, field) => {
      const res = await diff(engineer, from, to);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ id: 'validation_failed', field });
    });

    it('requires both versions and answers 404 for articles the reader may not see', async () => {
      expect((await engineer.get(`/api/articles/${a.id}/diff?from=1`)).status).toBe(400);
      const wip = await at('wip');
      expect((await agent.get(`/api/articles/${wip.id}/diff?from=1&to=1`)).status).toBe(404);
      expect((await engineer.get('/api/articles/999999/diff?from=1&to=2')).status).toBe(404);
    });
  });

  describe('restore', () => {
    it('brings back an old version’s sources as a new version, kind restore', async () => {
      const a = await make({
        title: 'Set-top box freezes on channel 7',
        resolution: '1. Hold the power button for 10 seconds.',
        tags: ['freeze'],
      });
      await engineer
        .patch(`/api/articles/${a.id}`, {
          version: 1,
          title: 'Set-top box freezes on some channels',
          resolution: '1. Factory reset the box.',
          note: 'broader fix',
        })
        .expect(200);
      await admin
        .patch(`/api/articles/${a.id}`, { version: 2, tags: ['freeze', 'stb'], note: 'tagging' })
        .expect(200);
      const res = await engineer.post(`/api/articles/${a.id}/restore`, { from: 1, version: 3 });
      expect(res.status).toBe(200);
      contractData(articleResponse, res);
      expect(res.body.data).toMatchObject({
        title: 'Set-top box freezes on channel 7',
        resolution: '1. Hold the power button for 10 seconds.',
        tags: ['freeze'],
        confidence: 'validated',
        version: 4,
      });
      expect(res.body.data.resolutionHtml).toContain('Hold the power button');
      expect(await row(a.id)).toMatchObject({
        title: 'Set-top box freezes on channel 7',
        resolution: '1. Hold the power button for 10 seconds.',
        resolution_html: res.body.data.resolutionHtml,
        version: 4,
      });
      expect((await versionRows(a.id))[3]).toMatchObject({
        version: 4,
        kind: 'restore',
        restored_from: 1,
        author_id: engineerId,
        note: 'Restored version 1',
        title: 'Set-top box freezes on channel 7',
      });
      const listed = await agent.get(`/api/articles/${a.id}/versions`).expect(200);
      expect(listed.body.data).toEqual([
        {
          version: 4,
          kind: 'restore',
          restoredFrom: 1,
          author: { id: engineerId, name: USERS.engineer.name },
          note: 'Restored version 1',
          confidence: 'validated',
          createdAt: expect.stringMatching(ISO),
        },
        {
          version: 3,
          kind: 'edit',
          restoredFrom: null,
          author: { id: adminId, name: USERS.admin.name },
          note: 'tagging',
          confidence: 'validated',
          createdAt: expect.stringMatching(ISO),
        },
        {
          version: 2,
          kind: 'edit',
          restoredFrom: null,
          author: { id: engineerId, name: USERS.engineer.name },
          note: 'broader fix',
          confidence: 'validated',
          createdAt: expect.stringMatching(ISO),
        },
        {
          version: 1,
          kind: 'create',
          restoredFrom: null,
          author: { id: engineerId, name: USERS.engineer.name },
          note: 'Created',
          confidence: 'validated',
          createdAt: expect.stringMatching(ISO),
        },
      ]);
      // the restored version has the same sources as version 1: nothing differs
      const diff = await engineer.get(`/api/articles/${a.id}/diff?from=1&to=4`).expect(200);
      expect(diff.body.data.fields).toEqual([]);
      const audit = await auditOf(ctx, 'article', a.id);
      expect(audit.at(-1)).toMatchObject({
        action: 'article.restore_version',
        actor_id: engineerId,
      });
      expect(JSON.parse(audit.at(-1)!.detail)).toMatchObject({ version: 4, restoredFrom: 1 });
      // and search reads the restored words at once
      expect(await titlesFor(agent, 'channel 7 freezes')).toContain(
        'Set-top box freezes on channel 7',
      );
    });

    it('keeps the current confidence: restoring sources does not publish or unpublish', async () => {
      const a = await at('not_validated');
      await engineer.patch(`/api/articles/${a.id}`, { version: 1, title: 'Second title' });
      await moveConfidence(engineer, a.id, 'validated', 2).expect(200);
      const res = await engineer
        .post(`/api/articles/${a.id}/restore`, { from: 1, version: 3 })
        .expect(200);
      expect(res.body.data).toMatchObject({ title: a.title, confidence: 'validated', version: 4 });
    });

    it('answers 400 for an unknown version and 409 for a stale one; nothing changes', async () => {
      const a = await at('validated');
      await engineer.patch(`/api/articles/${a.id}`, { version: 1, title: 'Changed once' });
      const before = await everything(a.id);
      const unknown = await engineer.post(`/api/articles/${a.id}/restore`, { from: 7, version: 2 });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error).toMatchObject({ id: 'validation_failed', field: 'from' });
      const stale = await engineer.post(`/api/articles/${a.id}/restore`, { from: 1, version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.error.id).toBe('article_version_conflict');
      const missing = await engineer.post(`/api/articles/${a.id}/restore`, { version: 2 });
      expect(missing.status).toBe(400);
      expect(missing.body.error.field).toBe('from');
      expect(await everything(a.id)).toEqual(before);
    });
  });

  describe('preview', () => {
    const markdown =
      '1. Click [here](javascript:alert(1))\n2. <script>alert(2)</script>Reboot <img src=x onerror=alert(3)>\n3. See [the guide](https://example.com/guide)';

    it('returns exactly the HTML a save stores, sanitized', async () => {
      const res = await engineer.post('/api/preview', { markdown });
      expect(res.status).toBe(200);
      const html = res.body.data.html as string;
      expect(html).toContain('<ol>');
      expect(html).toContain('href="https://example.com/guide"');
      expect(html).not.toMatch(/javascript:|<script|onerror|alert\(2\)/);
      const saved = await make({ resolution: markdown });
      expect((await row(saved.id))!.resolution_html).toBe(html);
      const read = await engineer.get(`/api/articles/${saved.id}`).expect(200);
      expect(read.body.data.resolutionHtml).toBe(html);
      expect((await admin.post('/api/preview', { markdown }).expect(200)).body.data.html).toBe(
        html,
      );
    });

    it('renders empty Markdown as empty HTML', async () => {
      expect((await engineer.post('/api/preview', { markdown: '' }).expect(200)).body.data).toEqual(
        { html: '' },
      );
    });

    it.each([
      ['agent', 403],
      ['manager', 403],
    ] as const)('answers %s with %i', async (who, status) => {
      const res = await clients[who].post('/api/preview', { markdown: '**x**' });
      expect(res.status).toBe(status);
      expect(res.body).not.toHaveProperty('data');
    });

    it('rejects a missing or oversized body with 400', async () => {
      expect((await engineer.post('/api/preview', {})).body.error).toMatchObject({
        id: 'validation_failed',
        field: 'markdown',
      });
      const big = await engineer.post('/api/preview', { markdown: 'x'.repeat(50_001) });
      expect(big.status).toBe(400);
      expect(big.body.error.field).toBe('markdown');
    });
  });
});
