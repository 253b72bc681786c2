import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../../server/paths';
import { articleCreateSchema } from '../../server/contract/articles';
import { createArticle } from '../../server/services/articles/write';
import { generateBulkHistory, type BulkSummary } from '../../server/generators/bulkHistory';
import { SYSTEM } from '../../server/domain/roles';
import { setArticlePublishedAt } from '../../server/stores/articles';
import { makeTestApp, signedIn, type TestContext } from '../helpers/app';
import { articleInput } from '../helpers/factories';
import { DAY } from '../helpers/contacts';
import { stats } from '../helpers/stats';

/** Yesterday 18:00 UTC: every generated contact is in the past, the same for both databases. */
const NOW = new Date(Math.floor(Date.now() / DAY) * DAY - 6 * 3_600_000);
const day = (offset: number) => new Date(NOW.getTime() + offset * DAY).toISOString().slice(0, 10);

/** 12 published articles: a third written 400 days ago, the rest during the 60 days. */
async function generatorDb(): Promise<TestContext> {
  const ctx = await makeTestApp();
  for (let i = 0; i < 12; i++) {
    const a = await createArticle(
      { db: ctx.db, search: ctx.search },
      SYSTEM,
      articleCreateSchema.parse(
        articleInput({
          department: i % 2 ? 'network' : 'billing',
          errorCodes: i % 3 ? [] : [`E-${1000 + i}`],
          confidence: i % 4 ? 'validated' : 'not_validated',
        }),
      ),
    );
    const written = i % 3 === 0 ? NOW.getTime() - 400 * DAY : NOW.getTime() - (5 + i * 4) * DAY;
    await setArticlePublishedAt(ctx.db, a.id, new Date(written).toISOString());
  }
  return ctx;
}

const rowsOf = async (ctx: TestContext) => ({
  contacts: await ctx.db.all('SELECT * FROM contacts ORDER BY id'),
  searches: await ctx.db.all('SELECT * FROM search_events ORDER BY id'),
  articles: await ctx.db.all(
    'SELECT * FROM contact_articles ORDER BY contact_id, kind, article_id',
  ),
  requests: await ctx.db.all('SELECT * FROM article_requests ORDER BY id'),
});

const n = async (ctx: TestContext, sql: string) => (await ctx.db.get<{ n: number }>(sql))!.n;

describe('bulk history generator (cli generate)', () => {
  let a: TestContext;
  let b: TestContext;
  let summary: BulkSummary;
  const progress: number[] = [];

  beforeAll(async () => {
    [a, b] = await Promise.all([generatorDb(), generatorDb()]);
    const options = { contacts: 3000, days: 60, seed: 7, now: NOW, chunk: 1000 };
    summary = await generateBulkHistory(a.db, {
      ...options,
      onProgress: (p) => progress.push(p.done),
    });
    await generateBulkHistory(b.db, options);
  }, 60_000);
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('adds exactly the contacts asked for, in batches, and says what it made', async () => {
    expect(progress).toEqual([1000, 2000, 3000]);
    expect(await n(a, 'SELECT count(*) AS n FROM contacts')).toBe(3000);
    expect(summary).toMatchObject({
      contacts: 3000,
      solved: await n(a, "SELECT count(*) AS n FROM contacts WHERE outcome = 'solved'"),
      solvedWithArticle: await n(
        a,
        'SELECT count(*) AS n FROM contacts WHERE article_id IS NOT NULL',
      ),
      escalated: await n(a, "SELECT count(*) AS n FROM contacts WHERE outcome = 'escalated'"),
      followUp: await n(a, "SELECT count(*) AS n FROM contacts WHERE outcome = 'follow_up'"),
      withCustomerRef: await n(
        a,
        'SELECT count(*) AS n FROM contacts WHERE customer_ref IS NOT NULL',
      ),
      searches: await n(a, 'SELECT count(*) AS n FROM search_events'),
      zeroResultSearches: await n(
        a,
        'SELECT count(*) AS n FROM search_events WHERE result_count = 0',
      ),
      tried: await n(a, "SELECT count(*) AS n FROM contact_articles WHERE kind = 'tried'"),
      opened: await n(a, "SELECT count(*) AS n FROM contact_articles WHERE kind = 'opened'"),
      requests: await n(a, 'SELECT count(*) AS n FROM article_requests'),
      requestsResolved: await n(
        a,
        'SELECT count(*) AS n FROM article_requests WHERE article_id IS NOT NULL',
      ),
    });
  });

  it('looks like a contact center: ~1.3 searches a contact, repeats, every outcome', () => {
    expect(summary.searches / summary.contacts).toBeGreaterThan(1.2);
    expect(summary.searches / summary.contacts).toBeLessThan(1.4);
    expect(summary.withCustomerRef / summary.contacts).toBeGreaterThan(0.6);
    expect(summary.withCustomerRef / summary.contacts).toBeLessThan(0.7);
    expect(summary.repeatCustomers).toBeGreaterThan(100);
    for (const k of [
      'solvedWithArticle',
      'escalated',
      'followUp',
      'tried',
      'requests',
      'requestsResolved',
    ] as const)
      expect([k, summary[k] > 0]).toEqual([k, true]);
  });

  it('keeps every rule the API keeps', async () => {
    const bad = (where: string) => n(a, `SELECT count(*) AS n FROM contacts c WHERE ${where}`);
    const from = new Date(NOW.getTime() - 60 * DAY).toISOString();
    expect(await bad(`c.started_at < '${from}' OR c.closed_at > '${NOW.toISOString()}'`)).toBe(0);
    expect(await bad('c.closed_at IS NULL OR c.closed_at < c.started_at')).toBe(0);
    // departments copied from the agent and the article; an article exists when it is linked
    expect(
      await bad(`c.agent_department_id <> (SELECT department_id FROM users WHERE id = c.agent_id)
        OR (c.article_id IS NOT NULL AND (c.article_department_id IS NOT
          (SELECT department_id FROM articles WHERE id = c.article_id)
          OR (SELECT created_at FROM articles WHERE id = c.article_id) > c.started_at))`),
    ).toBe(0);
    expect(
      await bad(`c.agent_id IN (SELECT id FROM users WHERE role IN ('manager', 'admin'))`),
    ).toBe(0);
    // solving and trying open the article, as the API records it
    expect(
      await bad(`c.article_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM contact_articles ca
        WHERE ca.contact_id = c.id AND ca.article_id = c.article_id AND ca.kind = 'opened')`),
    ).toBe(0);
    expect(
      await n(
        a,
        `SELECT count(*) AS n FROM contact_articles t WHERE t.kind = 'tried' AND NOT EXISTS (
          SELECT 1 FROM contact_articles o WHERE o.contact_id = t.contact_id
            AND o.article_id = t.article_id AND o.kind = 'opened')`,
      ),
    ).toBe(0);
    // requests come from escalations, into the department escalated to
    expect(
      await n(
        a,
        `SELECT count(*) AS n FROM article_requests r JOIN contacts c ON c.id = r.contact_id
         WHERE c.outcome <> 'escalated' OR c.escalated_to <> r.department_id`,
      ),
    ).toBe(0);
  });

  it('sets next_contact_at exactly as one insert at a time would', async () => {
    const wrong = `SELECT count(*) AS n FROM contacts c WHERE c.next_contact_at IS NOT (
      SELECT min(x.started_at) FROM contacts x
      WHERE x.customer_ref = c.customer_ref AND x.started_at > c.started_at)`;
    expect(await n(a, wrong)).toBe(0);
    expect(
      await n(a, 'SELECT count(*) AS n FROM contacts WHERE next_contact_at IS NOT NULL'),
    ).toBeGreaterThan(100);
    // a second run appends (ids go on) and repeats customers of the first
    const more = await generateBulkHistory(a.db, { contacts: 500, days: 10, seed: 8, now: NOW });
    expect(more.contacts).toBe(500);
    expect(await n(a, 'SELECT max(id) AS n FROM contacts')).toBe(3500);
    expect(await n(a, wrong)).toBe(0);
  });

  it('is deterministic: same seed, same now, same database → same rows', async () => {
    // b was generated with the same options as a (before a got more): a fresh twin of b
    const twin = await generatorDb();
    const other = await generatorDb();
    try {
      await generateBulkHistory(twin.db, { contacts: 3000, days: 60, seed: 7, now: NOW });
      expect(await rowsOf(twin)).toEqual(await rowsOf(b));
      await generateBulkHistory(other.db, { contacts: 3000, days: 60, seed: 9, now: NOW });
      expect((await rowsOf(other)).contacts).not.toEqual((await rowsOf(b)).contacts);
    } finally {
      await twin.close();
      await other.close();
    }
  });

  it('gives statistics whose drill-downs add up to the summary', async () => {
    const manager = await signedIn(b, 'manager');
    const range = { from: day(-59), to: day(0) };
    const s = (await stats(manager, 'summary', range)).body.data as Record<string, number>;
    expect(s.contacts).toBe(3000);
    const total = async (metric: string) =>
      (await stats(manager, 'contacts', { ...range, metric, limit: 1 })).body.meta.total as number;
    expect(await total('solved')).toBe(s.solved);
    expect(await total('escalated')).toBe(s.escalated);
    expect(await total('followUp')).toBe(s.followUp);
    expect(await total('avoided')).toBe(s.escalationsAvoided);
    expect(await total('verified')).toBe(Math.round(s.fcrVerified! * s.fcrVerifiedEligible!));
    expect(await total('linked')).toBe(Math.round(s.linkRate! * s.contacts!));
    expect(s.fcrVerified).toBeLessThan(s.fcrClaimed!);
  });
});

describe('cli generate', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await generatorDb();
  }, 30_000);
  afterAll(() => ctx.close());

  const cli = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(
      process.execPath,
      ['--require', require.resolve('tsx/cjs'), path.join(ROOT, 'server/cli/index.ts'), ...args],
      { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env } },
    );

  it('generates into --database, progress on stderr and a JSON summary on stdout', () => {
    const run = cli([
      'generate',
      '--contacts',
      '200',
      '--days',
      '10',
      '--seed',
      '3',
      '--database',
      ctx.config.databasePath,
    ]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('generate: 200 / 200 contacts (100%)');
    const out = JSON.parse(run.stdout) as BulkSummary & { database: string };
    expect(out).toMatchObject({ database: ctx.config.databasePath, contacts: 200 });
  }, 30_000);

  it('refuses bad numbers and production databases', () => {
    const zero = cli(['generate', '--contacts', '0', '--database', ctx.config.databasePath]);
    expect(zero.status).not.toBe(0);
    expect(zero.stderr).toContain('--contacts is a whole number');
    const prod = cli(['generate', '--contacts', '5', '--database', ctx.config.databasePath], {
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
    });
    expect(prod.status).toBe(1);
    expect(prod.stderr).toContain('refused when NODE_ENV=production');
  }, 30_000);
});
