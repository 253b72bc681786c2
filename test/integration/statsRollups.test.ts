/**
 * The statistics read daily roll-ups (migration 005) kept by triggers. Two checks on a history
 * written the way the product writes it (the API, the demo history generator): the roll-ups
 * equal a rebuild from the rows, and every DESIGN §3 number read from them equals the same
 * number computed straight from the contacts (the reference SQL below, for any range and
 * filter, including the day on which the repeat window ends).
 */
import { generateHistory } from '../../server/generators/demoHistory';
import { rebuildStatsRollups } from '../../server/stores/statsRollups';
import { findUserByEmail } from '../../server/stores/users';
import type { Param } from '../../server/db/connection';
import { makeTestApp, signedIn, USERS, type TestContext } from '../helpers/app';
import { search } from '../helpers/contacts';
import { day } from '../helpers/lifecycle';
import { buildStatsFixture, stats, type StatsFixture } from '../helpers/stats';
import { createArticle, openContact } from '../helpers/factories';
import { rollupSnapshot as snapshot } from '../helpers/rollups';

/** DESIGN §3 straight from contacts: the reference the roll-ups must reproduce. */
async function reference(
  ctx: TestContext,
  f: {
    from: string;
    to: string;
    agentDepartmentId?: number;
    channel?: string;
    articleDepartmentId?: number;
  },
  windowDays: number,
) {
  const where = ['c.closed_at >= ?', 'c.closed_at < ?'];
  const params: Param[] = [
    `${f.from}T00:00:00.000Z`,
    new Date(Date.parse(f.to) + 86_400_000).toISOString(),
  ];
  if (f.agentDepartmentId !== undefined) {
    where.push('c.agent_department_id = ?');
    params.push(f.agentDepartmentId);
  }
  if (f.channel !== undefined) {
    where.push('c.channel = ?');
    params.push(f.channel);
  }
  if (f.articleDepartmentId !== undefined) {
    // departments as they were during the contact (articles may have moved since)
    where.push(`(c.article_department_id = ? OR EXISTS (SELECT 1 FROM contact_articles ca
      WHERE ca.contact_id = c.id AND ca.kind = 'tried' AND ca.article_department_id = ?))`);
    params.push(f.articleDepartmentId, f.articleDepartmentId);
  }
  const windowEnd = new Date(Date.now() - windowDays * 86_400_000).toISOString();
  return (await ctx.db.get<Record<string, number>>(
    `SELECT count(*) AS contacts,
       coalesce(sum(c.outcome = 'solved'), 0) AS solved,
       coalesce(sum(c.outcome = 'escalated'), 0) AS escalated,
       coalesce(sum(c.outcome = 'follow_up'), 0) AS followUp,
       coalesce(sum(c.customer_ref IS NOT NULL AND c.closed_at <= ?), 0) AS eligible,
       coalesce(sum(c.outcome = 'solved' AND c.customer_ref IS NOT NULL AND c.closed_at <= ?
         AND NOT EXISTS (SELECT 1 FROM contacts n WHERE n.customer_ref = c.customer_ref
           AND n.started_at > c.started_at
           AND n.started_at <= strftime('%Y-%m-%dT%H:%M:%fZ', c.closed_at, '+${windowDays} days'))),
         0) AS verified,
       coalesce(sum(c.article_id IS NOT NULL AND c.article_department_id <> c.agent_department_id), 0) AS avoided,
       coalesce(sum(c.article_id IS NOT NULL OR EXISTS (SELECT 1 FROM contact_articles ca
         WHERE ca.contact_id = c.id AND ca.kind = 'tried')), 0) AS linked,
       coalesce(sum(c.article_id IS NOT NULL), 0) AS withArticle,
       coalesce(sum(c.article_id IS NOT NULL
         AND (SELECT a.created_at FROM articles a WHERE a.id = c.article_id) < c.started_at), 0) AS reused
     FROM contacts c WHERE ${where.join(' AND ')}`,
    [windowEnd, windowEnd, ...params],
  ))!;
}

const rate = (n: number, d: number) => (d === 0 ? null : n / d);

describe('statistics roll-ups', () => {
  let ctx: TestContext;
  let f: StatsFixture;
  let dept: Record<string, number>;

  beforeAll(async () => {
    ctx = await makeTestApp();
    // 60 days of demo history first (it dates the articles it finds, as on a first start),
    // ending now, so the window's last day has contacts before and after its end...
    const [engineer, billingEngineer] = await Promise.all([
      signedIn(ctx, 'engineer'),
      signedIn(ctx, 'billingEngineer'),
    ]);
    for (let i = 0; i < 3; i++) {
      await createArticle(engineer, { title: `Fibre link flaps at dusk ${i}` });
      await createArticle(billingEngineer, {
        title: `Refund stuck in review ${i}`,
        department: 'billing',
      });
    }
    const agent = (await findUserByEmail(ctx.db, USERS.agent.email))!;
    await generateHistory(ctx.db, [agent], { days: 60, perDay: 25, seed: 11 });
    // ...then the hand-built contacts, searches and requests, through the API
    f = await buildStatsFixture(ctx);
    dept = Object.fromEntries(
      (await ctx.db.all<{ slug: string; id: number }>('SELECT slug, id FROM departments')).map(
        (d) => [d.slug, d.id],
      ),
    );
  }, 120_000);
  afterAll(() => ctx.close());

  // first, on the roll-ups as the triggers left them (the tests below rebuild them)
  it.each<[string, () => Record<string, string>]>([
    ['everything', () => ({})],
    ['the frontline', () => ({ agentDepartment: 'frontline' })],
    ['phone calls', () => ({ channel: 'phone' })],
    ['network articles', () => ({ articleDepartment: 'network' })],
    ['billing articles by chat', () => ({ articleDepartment: 'billing', channel: 'chat' })],
  ])('give every summary number exactly as DESIGN §3 defines it, for %s', async (_, filters) => {
    const manager = f.manager;
    const fcrWindowDays = (await manager.get('/api/settings')).body.data.fcrWindowDays as number;
    const params = filters();
    const ids = {
      agentDepartmentId: params.agentDepartment ? dept[params.agentDepartment] : undefined,
      channel: params.channel,
      articleDepartmentId: params.articleDepartment ? dept[params.articleDepartment] : undefined,
    };
    // ranges ending today, ending on the window's last day, and entirely past
    for (const [from, to] of [
      [day(-60), day(0)],
      [day(-fcrWindowDays - 3), day(-fcrWindowDays)],
      [day(-fcrWindowDays), day(-fcrWindowDays)],
      [day(-45), day(-20)],
    ] as const) {
      const got = (await stats(manager, 'summary', { from, to, ...params })).body.data;
      const r = await reference(ctx, { from, to, ...ids }, fcrWindowDays);
      expect([from, to, got]).toEqual([
        from,
        to,
        {
          contacts: r.contacts,
          solved: r.solved,
          escalated: r.escalated,
          followUp: r.followUp,
          fcrClaimed: rate(r.solved!, r.contacts!),
          fcrVerified: rate(r.verified!, r.eligible!),
          fcrVerifiedEligible: r.eligible,
          escalationRate: rate(r.escalated!, r.contacts!),
          escalationsAvoided: r.avoided,
          escalationsAvoidedValue: r.avoided! * (69 - 22),
          linkRate: rate(r.linked!, r.contacts!),
          reuseRate: rate(r.reused!, r.withArticle!),
        },
      ]);
    }
  });

  it.each<[string, Record<string, string>]>([
    ['everything', {}],
    ['the frontline by phone', { agentDepartment: 'frontline', channel: 'phone' }],
    ['chats', { channel: 'chat' }],
  ])('give content gaps over whole months and loose days alike, for %s', async (_, params) => {
    const kinds = {
      zeroResults: 'zero',
      nothingOpened: 'unopened',
      escalatedWithoutArticle: 'escalated',
    } as const;
    const lastOfMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 0))
      .toISOString()
      .slice(0, 10);
    // whole months plus days on either side; whole months only; days inside one month
    for (const [from, to] of [
      [day(-60), day(0)],
      [`${day(-62).slice(0, 7)}-01`, lastOfMonth],
      [day(-3), day(-1)],
    ]) {
      const got = (await stats(f.manager, 'gaps', { from: from!, to: to!, limit: 500, ...params }))
        .body.data;
      const where = ['kind = ?', 'day >= ?', 'day <= ?'];
      const extra: Param[] = [];
      if (params.agentDepartment) {
        where.push('agent_department_id = ?');
        extra.push(dept[params.agentDepartment]!);
      }
      if (params.channel) {
        where.push('channel = ?');
        extra.push(params.channel);
      }
      for (const [name, kind] of Object.entries(kinds)) {
        const expected = await ctx.db.all(
          `SELECT normalized_query AS query, sum(n) AS count,
             max(day) FILTER (WHERE n > 0) AS lastDay
           FROM search_gap_days WHERE ${where.join(' AND ')}
           GROUP BY normalized_query HAVING count > 0 ORDER BY count DESC, query`,
          [kind, from!, to!, ...extra],
        );
        expect([from, to, name, got[name]]).toEqual([from, to, name, expected]);
      }
    }
  });

  it('are what a rebuild from the rows gives, after the API and the demo history wrote them', async () => {
    const kept = await snapshot(ctx);
    expect(kept.contact_days!.length).toBeGreaterThan(100);
    expect(kept.search_gap_days!.length).toBeGreaterThan(20);
    await ctx.db.transaction(async (tx) => rebuildStatsRollups(tx));
    expect(await snapshot(ctx)).toEqual(kept);
  });

  it('stay exact through imports after the fact and search bursts', async () => {
    // an admin imports, after the fact, a contact of a customer whose solve two days before
    // had no repeat: that solve moves from "nobody called again" to "called again in a day"
    const solved = await ctx.db.get<{ id: number; customer_ref: string; closed_at: string }>(
      `SELECT id, customer_ref, closed_at FROM contacts WHERE outcome = 'solved'
       AND customer_ref IS NOT NULL AND next_contact_at IS NULL AND closed_at < ?
       ORDER BY closed_at DESC LIMIT 1`,
      [new Date(Date.now() - 3 * 86_400_000).toISOString()],
    );
    const startedAt = new Date(Date.parse(solved!.closed_at) + 3_600_000).toISOString();
    const imported = await f.admin.post('/api/contacts', {
      channel: 'phone',
      customerRef: solved!.customer_ref,
      agentId: f.users.agent,
      startedAt,
    });
    expect(imported.status).toBe(201);
    const close = await f.admin.post(`/api/contacts/${imported.body.data.id}/close`, {
      outcome: 'follow_up',
      closedAt: new Date(Date.parse(startedAt) + 600_000).toISOString(),
    });
    expect(close.status).toBe(200);
    expect(
      (await ctx.db.get<{ at: string }>('SELECT next_contact_at AS at FROM contacts WHERE id = ?', [
        solved!.id,
      ]))!.at,
    ).toBe(startedAt);
    // searches outside a contact: a burst that starts with no results and ends with some
    for (const q of ['zzqx', 'zzqx rout', 'router']) await search(f.agent, { q });
    // and inside one that is then closed as escalated
    const open = await openContact(f.agent, { channel: 'chat' });
    for (const q of ['nothing like', 'nothing like this'])
      await search(f.agent, { q, contactId: open.id });
    await f.agent.post(`/api/contacts/${open.id}/close`, {
      outcome: 'escalated',
      department: 'network',
      reason: 'Needs a specialist.',
    });
    const kept = await snapshot(ctx);
    await ctx.db.transaction(async (tx) => rebuildStatsRollups(tx));
    expect(await snapshot(ctx)).toEqual(kept);
  });

  it('keep every number and the contacts behind it when an article moves department', async () => {
    // c1 tried BIL (billing) and was solved with NET: it counts under billing's articles
    const range = { from: day(-60), to: day(0) };
    const snapshotOf = async (articleDepartment: string) => ({
      summary: (await stats(f.manager, 'summary', { ...range, articleDepartment })).body.data,
      matrix: (await stats(f.manager, 'matrix', { ...range, articleDepartment })).body.data,
      contacts: (
        (await stats(f.manager, 'contacts', { ...range, articleDepartment, limit: 1000 })).body
          .data as { id: number }[]
      ).map((c) => c.id),
    });
    const billing = await snapshotOf('billing');
    const platform = await snapshotOf('platform');
    expect(billing.contacts).toContain(f.ids.c1);
    expect(platform.summary.contacts).toBe(0);

    const article = (await f.admin.get(`/api/articles/${f.articles.BIL.id}`)).body.data;
    const moved = await f.admin.patch(`/api/articles/${f.articles.BIL.id}`, {
      version: article.version,
      department: 'platform',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.data.department.slug).toBe('platform');

    expect(await snapshotOf('billing')).toEqual(billing);
    expect(await snapshotOf('platform')).toEqual(platform);
  });
});
