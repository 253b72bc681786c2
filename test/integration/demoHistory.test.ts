import { generateHistory } from '../../server/generators/demoHistory';
import { SYSTEM } from '../../server/domain/roles';
import { articleCreateSchema } from '../../server/contract/articles';
import { createArticle } from '../../server/services/articles/write';
import { findUserByEmail } from '../../server/stores/users';
import { articleInput } from '../helpers/factories';
import { makeTestApp, USERS, type TestContext } from '../helpers/app';

const NOW = new Date('2026-11-22T18:00:00Z');

async function historyDb(): Promise<TestContext> {
  const ctx = await makeTestApp();
  for (let i = 0; i < 12; i++) {
    await createArticle(
      { db: ctx.db, search: ctx.search },
      SYSTEM,
      articleCreateSchema.parse(
        articleInput({
          department: i % 2 ? 'network' : 'billing',
          errorCodes: i % 3 ? [] : [`E-${1000 + i}`],
        }),
      ),
    );
  }
  const agent = (await findUserByEmail(ctx.db, USERS.agent.email))!;
  await generateHistory(ctx.db, [agent], { days: 30, perDay: 20, seed: 7, now: NOW });
  return ctx;
}

describe('demo history', () => {
  let a: TestContext;
  let b: TestContext;
  beforeAll(async () => {
    a = await historyDb();
    b = await historyDb();
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  const contacts = (ctx: TestContext) =>
    ctx.db.all<{ outcome: string; startedAt: string; closedAt: string; articleId: number | null }>(
      `SELECT outcome, started_at AS startedAt, closed_at AS closedAt, article_id AS articleId
       FROM contacts ORDER BY id`,
    );

  it('is deterministic for a seed', async () => {
    const [x, y] = await Promise.all([contacts(a), contacts(b)]);
    expect(x.length).toBeGreaterThan(300);
    expect(y).toEqual(x);
  });

  it('closes every contact in the past, after it started, within the period', async () => {
    for (const c of await contacts(a)) {
      expect(c.closedAt >= c.startedAt).toBe(true);
      expect(Date.parse(c.closedAt)).toBeLessThanOrEqual(NOW.getTime());
      expect(Date.parse(c.startedAt)).toBeGreaterThan(NOW.getTime() - 31 * 86_400_000);
    }
  });

  it('looks like a contact center: mostly solved, some escalated, searches logged', async () => {
    const rows = await contacts(a);
    const share = (o: string) => rows.filter((c) => c.outcome === o).length / rows.length;
    expect(share('solved')).toBeGreaterThan(0.5);
    expect(share('solved')).toBeLessThan(0.9);
    expect(share('escalated')).toBeGreaterThan(0.05);
    // solved with an article only when it existed when the contact started
    const late = await a.db.get<{ n: number }>(
      `SELECT count(*) AS n FROM contacts c JOIN articles ar ON ar.id = c.article_id
       WHERE ar.created_at > c.started_at`,
    );
    expect(late!.n).toBe(0);
    const searches = await a.db.get<{ n: number; orphan: number }>(
      `SELECT count(*) AS n, sum(contact_id IS NULL) AS orphan FROM search_events`,
    );
    expect(searches!.n).toBeGreaterThanOrEqual(rows.length);
    expect(searches!.orphan).toBe(0);
  });
});
