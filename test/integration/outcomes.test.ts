import { z } from 'zod';
import { historyEntryResponse } from '../../server/contract/articleResponses';
import { makeTestApp, signedIn, USERS, type Client, type TestContext } from '../helpers/app';
import { DAY, search } from '../helpers/contacts';
import { auditOf, close, count, day, tried, type FlagDbRow } from '../helpers/lifecycle';
import { contractData } from '../helpers/contract';
import {
  addUser,
  createArticle,
  type CreatedArticle,
  departmentId,
  openContact,
  openFor,
  secondAgent,
  solvedBy,
  userId,
} from '../helpers/factories';

interface VersionDbRow {
  version: number;
  confidence: string;
  author_id: number | null;
  note: string;
  kind: string;
  verify_by: string | null;
}

describe('outcome-driven confidence', () => {
  let ctx: TestContext;
  let agent: Client;
  let engineer: Client;
  let admin: Client;
  /** three agents besides USERS.agent, contacts opened for them by the admin */
  let agents: number[];

  beforeEach(async () => {
    ctx = await makeTestApp();
    [agent, engineer, admin] = await Promise.all([
      signedIn(ctx, 'agent'),
      signedIn(ctx, 'engineer'),
      signedIn(ctx, 'admin'),
    ]);
    agents = [];
    for (const n of [1, 2, 3])
      agents.push(await addUser(ctx, `solver${n}@test.example`, `Solver ${n}`));
  });
  afterEach(() => ctx.close());

  const confidence = async (id: number) =>
    (await ctx.db.get<{ confidence: string }>('SELECT confidence FROM articles WHERE id = ?', [
      id,
    ]))!.confidence;
  const versionRows = (id: number) =>
    ctx.db.all<VersionDbRow>(
      'SELECT * FROM article_versions WHERE article_id = ? ORDER BY version',
      [id],
    );
  const flagsOf = (id: number) =>
    ctx.db.all<FlagDbRow>('SELECT * FROM flags WHERE article_id = ? ORDER BY id', [id]);
  const openFailingFlags = (id: number) =>
    count(ctx, "flags WHERE article_id = ? AND reason = 'failing' AND status = 'open'", [id]);
  const setting = (changes: object) => admin.patch('/api/settings', changes).expect(200);

  describe('promotion after K distinct solvers', () => {
    let article: CreatedArticle;
    beforeEach(async () => {
      article = await createArticle(engineer, {
        title: 'Capybara box reboots on HDMI',
        confidence: 'not_validated',
      });
    });

    it('validates the article when the K-th (3rd) different agent solves with it, with the reason', async () => {
      await solvedBy(admin, agents[0]!, article.id);
      await solvedBy(admin, agents[1]!, article.id);
      expect(await confidence(article.id)).toBe('not_validated');
      expect(await versionRows(article.id)).toHaveLength(1);

      await solvedBy(admin, agents[2]!, article.id);
      expect(await confidence(article.id)).toBe('validated');
      const versions = await versionRows(article.id);
      expect(versions.map((v) => [v.version, v.kind, v.confidence])).toEqual([
        [1, 'create', 'not_validated'],
        [2, 'auto', 'validated'],
      ]);
      expect(versions[1]!.author_id).toBeNull();
      expect(versions[1]!.note).toMatch(/automatically/i);
      expect(versions[1]!.note).toMatch(/3 different agents/);
      expect(versions[1]!.note).toMatch(/threshold 3/);
      expect(versions[1]!.verify_by).toBe(day(90));

      const listed = await engineer.get(`/api/articles/${article.id}/versions`).expect(200);
      expect(listed.body.data[0]).toMatchObject({
        version: 2,
        kind: 'auto',
        author: null,
        note: versions[1]!.note,
        confidence: 'validated',
      });
      const audit = await auditOf(ctx, 'article', article.id);
      expect(audit.map((e) => [e.action, e.actor_id])).toEqual([
        ['article.create', await userId(ctx, USERS.engineer.email)],
        ['article.auto_confidence', null],
      ]);
      expect(JSON.parse(audit[1]!.detail)).toEqual({
        version: 2,
        from: 'not_validated',
        to: 'validated',
        note: versions[1]!.note,
      });
      // agents see the new confidence in search at once
      const hits = (await search(agent, { q: 'capybara hdmi' }).expect(200)).body.data.hits;
      expect(hits[0]).toMatchObject({ id: article.id, confidence: 'validated' });
    });

    it('works the same when agents close their own contacts', async () => {
      const b = await secondAgent(ctx);
      const c = await secondAgent(ctx, 'agent3@test.example', 'Agent C');
      for (const who of [agent, b.client, c.client]) {
        const contact = await openContact(who);
        await close(who, contact.id, { outcome: 'solved', articleId: article.id });
      }
      expect(await confidence(article.id)).toBe('validated');
    });

    it('does not count the same agent twice', async () => {
      for (let i = 0; i < 4; i++) await solvedBy(admin, agents[0]!, article.id);
      await solvedBy(admin, agents[1]!, article.id);
      expect(await confidence(article.id)).toBe('not_validated');
      expect(await versionRows(article.id)).toHaveLength(1);
      expect(await count(ctx, "audit_log WHERE action = 'article.auto_confidence'")).toBe(0);
    });

    it('does not count solves with other articles', async () => {
      const other = await createArticle(engineer, { confidence: 'not_validated' });
      await solvedBy(admin, agents[0]!, article.id);
      await solvedBy(admin, agents[1]!, article.id);
      await solvedBy(admin, agents[2]!, other.id);
      expect(await confidence(article.id)).toBe('not_validated');
      expect(await confidence(other.id)).toBe('not_validated');
    });

    it('follows a lower threshold at once (promoteThreshold 1)', async () => {
      await setting({ promoteThreshold: 1 });
      await solvedBy(admin, agents[0]!, article.id);
      expect(await confidence(article.id)).toBe('validated');
      expect((await versionRows(article.id))[1]!.note).toMatch(/threshold 1/);
    });

    it('follows a higher threshold (promoteThreshold 4)', async () => {
      await setting({ promoteThreshold: 4 });
      for (const id of agents) await solvedBy(admin, id, article.id);
      expect(await confidence(article.id)).toBe('not_validated');
      await solvedBy(admin, await userId(ctx, USERS.agent.email), article.id);
      expect(await confidence(article.id)).toBe('validated');
    });

    it('leaves validated articles alone (no new version)', async () => {
      const validated = await createArticle(engineer);
      for (const id of agents) await solvedBy(admin, id, validated.id);
      expect(await versionRows(validated.id)).toHaveLength(1);
    });

    it('does not undo an engineer’s demotion with the solves from before it', async () => {
      for (const id of agents) await solvedBy(admin, id, article.id);
      expect(await confidence(article.id)).toBe('validated');
      await engineer
        .post(`/api/articles/${article.id}/confidence`, {
          to: 'not_validated',
          version: 2,
          note: 'Wrong since firmware 2.1',
        })
        .expect(200);
      // one more solve by an agent who already counted: not K distinct agents since the demotion
      await solvedBy(admin, agents[0]!, article.id);
      expect(await confidence(article.id)).toBe('not_validated');
    });
  });

  describe('failing flag after J tries in 30 days', () => {
    let article: CreatedArticle;
    beforeEach(async () => {
      article = await createArticle(engineer, { title: 'Llama modem loses sync' });
    });
    /** One agent contact per try, left open (tried, didn't solve). */
    const tryOnce = async (a: CreatedArticle = article) => {
      const c = await openContact(agent);
      await tried(agent, c.id, a.id);
      return c;
    };

    it('raises one open "failing" flag for the owners at the J-th (3rd) try, audited', async () => {
      await tryOnce();
      await tryOnce();
      expect(await flagsOf(article.id)).toEqual([]);
      await tryOnce();
      const flags = await flagsOf(article.id);
      expect(flags).toEqual([
        {
          id: expect.any(Number),
          article_id: article.id,
          department_id: await departmentId(ctx, 'network'),
          user_id: null,
          contact_id: null,
          reason: 'failing',
          comment: expect.stringMatching(/3 times in 30 days.*threshold 3/),
          status: 'open',
          created_at: expect.any(String),
          resolved_at: null,
          resolved_by: null,
          resolution_note: null,
        },
      ]);
      const queue = await engineer.get('/api/queue/network').expect(200);
      expect(queue.body.data.flags).toContainEqual(
        expect.objectContaining({
          id: flags[0]!.id,
          article: { id: article.id, slug: article.slug, title: article.title },
          reason: 'failing',
          comment: flags[0]!.comment,
          status: 'open',
          flaggedBy: null,
        }),
      );
      const audit = await auditOf(ctx, 'article', article.id);
      expect(audit.map((e) => [e.action, e.actor_id])).toEqual([
        ['article.create', await userId(ctx, USERS.engineer.email)],
        ['article.auto_flag', null],
      ]);
      expect(JSON.parse(audit[1]!.detail)).toEqual({
        reason: 'failing',
        comment: flags[0]!.comment,
      });
      // more tries: still the one open flag
      await tryOnce();
      await tryOnce();
      expect(await openFailingFlags(article.id)).toBe(1);
      expect(await count(ctx, "audit_log WHERE action = 'article.auto_flag'")).toBe(1);
      // the article itself is unchanged
      expect(await confidence(article.id)).toBe('validated');
      expect(await versionRows(article.id)).toHaveLength(1);
      // and its history shows the flag with the reason, newest first
      const historyRes = await engineer.get(`/api/articles/${article.id}/history`).expect(200);
      contractData(z.array(historyEntryResponse), historyRes);
      const history = historyRes.body.data as {
        type: string;
        action?: string;
        detail?: { comment: string };
        version?: number;
      }[];
      expect(history.map((h) => h.type)).toEqual(['event', 'version']);
      expect(history[0]).toMatchObject({
        action: 'article.auto_flag',
        actor: null,
        detail: { reason: 'failing', comment: flags[0]!.comment },
      });
      expect(history[1]).toMatchObject({ version: 1, kind: 'create' });
    });

    it('counts a contact once, however often it marks the article tried', async () => {
      const c = await openContact(agent);
      for (let i = 0; i < 3; i++) await tried(agent, c.id, article.id);
      expect(await openFailingFlags(article.id)).toBe(0);
      expect(
        await count(ctx, "contact_articles WHERE kind = 'tried' AND article_id = ?", [article.id]),
      ).toBe(1);
    });

    it('counts tries by different agents alike', async () => {
      for (const id of agents) {
        const c = await openFor(admin, id);
        await tried(admin, c.id, article.id);
      }
      expect(await openFailingFlags(article.id)).toBe(1);
    });

    it('does not flag not-validated articles', async () => {
      const draft = await createArticle(engineer, { confidence: 'not_validated' });
      for (let i = 0; i < 4; i++) await tryOnce(draft);
      expect(await flagsOf(draft.id)).toEqual([]);
    });

    it('does not count tries older than 30 days', async () => {
      await tryOnce();
      await tryOnce();
      await ctx.db.run(
        `UPDATE contact_articles SET at = ? WHERE article_id = ? AND kind = 'tried'`,
        [new Date(Date.now() - 31 * DAY).toISOString(), article.id],
      );
      await tryOnce();
      await tryOnce();
      expect(await openFailingFlags(article.id)).toBe(0);
      await tryOnce();
      expect(await openFailingFlags(article.id)).toBe(1);
    });

    it('is raised even when an agent’s flag on the article is already open', async () => {
      await agent
        .post(`/api/articles/${article.id}/flags`, { reason: 'incorrect', comment: 'Step 3 fails' })
        .expect(201);
      for (let i = 0; i < 3; i++) await tryOnce();
      expect((await flagsOf(article.id)).map((f) => f.reason)).toEqual(['incorrect', 'failing']);
    });

    it('follows the failThreshold setting (1: the first try flags)', async () => {
      await setting({ failThreshold: 1 });
      await tryOnce();
      const flags = await flagsOf(article.id);
      expect(flags).toHaveLength(1);
      expect(flags[0]!.comment).toMatch(/\(threshold 1\)/);
    });

    it('shows the article as failing in the queue with the count of tries', async () => {
      for (let i = 0; i < 4; i++) await tryOnce();
      const queue = await engineer.get('/api/queue/network').expect(200);
      expect(queue.body.data.failing).toEqual([
        { id: article.id, slug: article.slug, title: article.title, verifyBy: day(90), tries: 4 },
      ]);
    });
  });
});
