import { statsResponses, type StatsEndpoint } from '../../server/contract/stats';
import { makeTestApp, signedIn, type Client, type TestContext } from '../helpers/app';
import { search } from '../helpers/contacts';
import { contractData } from '../helpers/contract';
import { day } from '../helpers/lifecycle';
import {
  at,
  buildStatsFixture,
  CONTACTS,
  daysOf,
  EMPTY_SUMMARY,
  inRange,
  mondayOf,
  RANGE,
  stats,
  summaryOf,
  type ContactSpec,
  type StatsFixture,
  type Summary,
} from '../helpers/stats';
import { openContact } from '../helpers/factories';

/**
 * DESIGN §3 numbers on the hand-built fixture of test/helpers/stats.ts (read its table first).
 * Every expected value below is counted by hand from that table; the comments say which
 * contacts make each number.
 */
describe('statistics (DESIGN §3)', () => {
  let ctx: TestContext;
  let f: StatsFixture;
  let manager: Client;

  beforeAll(async () => {
    ctx = await makeTestApp();
    f = await buildStatsFixture(ctx);
    manager = f.manager;
  }, 60_000);
  afterAll(() => ctx.close());

  const get = async (endpoint: StatsEndpoint, params: Record<string, string | number> = {}) => {
    const res = await stats(manager, endpoint, { ...RANGE, ...params });
    expect(res.status).toBe(200);
    contractData(statsResponses[endpoint], res);
    return res.body as { data: unknown; meta?: unknown };
  };
  const summary = async (params: Record<string, string> = {}) =>
    (await get('summary', params)).data as Summary;

  describe('summary', () => {
    it('computes every number of the period exactly', async () => {
      // 15 closed: c1–c12, c15–c17 (c13 open, c14 before the range)
      // solved c1 c2 c4 c5 c6 c7 c8 c11 c12 = 9; escalated c3 c15 c16 c17 = 4; follow-up c9 c10
      // eligible (reference, closed ≥ 7 days ago): c1 c2 c3 c4 c6 c8 c9 c12 = 8
      //   (not c5 c10 c16 c17: no reference; not c7 c11 c15: window not ended)
      // verified: c2 (next R1 10 days later), c4 (no other -R2), c6 (next R3 7 d 23 h later) = 3
      //   (not c1: R1 again after 3 days; not c8: R4 again exactly 7 days later; not c12: R6
      //   opened c13 4 days later)
      // avoided: c1 NET, c5 BIL, c6 NEW, c7 NET by frontline agents = 4 (not c4 billing/BIL,
      //   not c8 network engineer/NET) → 4 × (69 − 22) = 188
      // linked: the 6 solved with an article + c10 (tried NET) = 7
      // reuse: solved with an article 6, of which c6's NEW was created after c6 started → 5
      expect(await summary()).toEqual({
        contacts: 15,
        solved: 9,
        escalated: 4,
        followUp: 2,
        fcrClaimed: 9 / 15,
        fcrVerified: 3 / 8,
        fcrVerifiedEligible: 8,
        escalationRate: 4 / 15,
        escalationsAvoided: 4,
        escalationsAvoidedValue: 188,
        linkRate: 7 / 15,
        reuseRate: 5 / 6,
      });
    });

    it('agrees with the fixture table (the flags the hand counts come from)', async () => {
      expect(await summary()).toEqual(summaryOf(inRange()));
    });

    it('counts the days from and to inclusively, by close time', async () => {
      // only c7 closed on day −2; c11 closed on day −5 (started the same day)
      expect(await summary({ from: day(-2), to: day(-2) })).toEqual(
        summaryOf(CONTACTS.filter((c) => c.key === 'c7')),
      );
      // day −17: c3 closed at 10:30; day −18: c9 (from = to is one whole day)
      expect((await summary({ from: day(-18), to: day(-17) })).contacts).toBe(2);
      // c14 (day −60) alone, with the later c1 on day −30 outside: still not a repeat before it
      const c14 = await summary({ from: day(-60), to: day(-60) });
      expect(c14).toEqual({
        ...EMPTY_SUMMARY,
        contacts: 1,
        solved: 1,
        fcrClaimed: 1,
        // R1's next contact (c1) came 30 days later: verified
        fcrVerified: 1,
        fcrVerifiedEligible: 1,
        escalationRate: 0,
        // agent (frontline) with NET (network)
        escalationsAvoided: 1,
        escalationsAvoidedValue: 47,
        linkRate: 1,
        reuseRate: 1,
      });
    });

    it.each<[string, Record<string, string>, Summary]>([
      [
        // c4 billing and c8 engineer drop out: 13 contacts, solved c1 c2 c5 c6 c7 c11 c12,
        // eligible c1 c2 c3 c6 c9 c12, verified c2 c6, linked c1 c5 c6 c7 c10,
        // with article c1 c5 c6 c7 of which reused c1 c5 c7
        'agent department frontline',
        { agentDepartment: 'frontline' },
        {
          contacts: 13,
          solved: 7,
          escalated: 4,
          followUp: 2,
          fcrClaimed: 7 / 13,
          fcrVerified: 2 / 6,
          fcrVerifiedEligible: 6,
          escalationRate: 4 / 13,
          escalationsAvoided: 4,
          escalationsAvoidedValue: 188,
          linkRate: 5 / 13,
          reuseRate: 3 / 4,
        },
      ],
      [
        // c4 only: own department's article, so nothing avoided
        'agent department billing',
        { agentDepartment: 'billing' },
        {
          contacts: 1,
          solved: 1,
          escalated: 0,
          followUp: 0,
          fcrClaimed: 1,
          fcrVerified: 1,
          fcrVerifiedEligible: 1,
          escalationRate: 0,
          escalationsAvoided: 0,
          escalationsAvoidedValue: 0,
          linkRate: 1,
          reuseRate: 1,
        },
      ],
      [
        // c8 only: eligible, but R4 came back exactly 7 days later
        'agent department network',
        { agentDepartment: 'network' },
        {
          contacts: 1,
          solved: 1,
          escalated: 0,
          followUp: 0,
          fcrClaimed: 1,
          fcrVerified: 0,
          fcrVerifiedEligible: 1,
          escalationRate: 0,
          escalationsAvoided: 0,
          escalationsAvoidedValue: 0,
          linkRate: 1,
          reuseRate: 1,
        },
      ],
      ['agent department without contacts', { agentDepartment: 'platform' }, EMPTY_SUMMARY],
      [
        // c4 c9 c16: solved c4, escalated c16, follow-up c9; eligible c4 c9; verified c4
        'channel email',
        { channel: 'email' },
        {
          contacts: 3,
          solved: 1,
          escalated: 1,
          followUp: 1,
          fcrClaimed: 1 / 3,
          fcrVerified: 1 / 2,
          fcrVerifiedEligible: 2,
          escalationRate: 1 / 3,
          escalationsAvoided: 0,
          escalationsAvoidedValue: 0,
          linkRate: 1 / 3,
          reuseRate: 1,
        },
      ],
      [
        // c3 c6 c12: solved c6 c12, escalated c3; all three eligible; verified c6; c6 avoided,
        // linked, and not a reuse (NEW is younger than the contact)
        'channel chat',
        { channel: 'chat' },
        {
          contacts: 3,
          solved: 2,
          escalated: 1,
          followUp: 0,
          fcrClaimed: 2 / 3,
          fcrVerified: 1 / 3,
          fcrVerifiedEligible: 3,
          escalationRate: 1 / 3,
          escalationsAvoided: 1,
          escalationsAvoidedValue: 47,
          linkRate: 1 / 3,
          reuseRate: 0,
        },
      ],
      [
        // c1 c2 c5 c7 c8 c10 c11 c15 c17: solved c1 c2 c5 c7 c8 c11, escalated c15 c17,
        // follow-up c10; eligible c1 c2 c8, verified c2; avoided c1 c5 c7; linked c1 c5 c7 c8
        // c10; with article c1 c5 c7 c8, all reused
        'channel phone',
        { channel: 'phone' },
        {
          contacts: 9,
          solved: 6,
          escalated: 2,
          followUp: 1,
          fcrClaimed: 6 / 9,
          fcrVerified: 1 / 3,
          fcrVerifiedEligible: 3,
          escalationRate: 2 / 9,
          escalationsAvoided: 3,
          escalationsAvoidedValue: 141,
          linkRate: 5 / 9,
          reuseRate: 1,
        },
      ],
      [
        // phone without c8: c1 c2 c5 c7 c10 c11 c15 c17
        'frontline and phone',
        { agentDepartment: 'frontline', channel: 'phone' },
        {
          contacts: 8,
          solved: 5,
          escalated: 2,
          followUp: 1,
          fcrClaimed: 5 / 8,
          fcrVerified: 1 / 2,
          fcrVerifiedEligible: 2,
          escalationRate: 2 / 8,
          escalationsAvoided: 3,
          escalationsAvoidedValue: 141,
          linkRate: 4 / 8,
          reuseRate: 1,
        },
      ],
      [
        // solved with a network article (c1 c6 c7 c8) or tried one (c10); eligible c1 c6 c8,
        // verified c6; avoided c1 c6 c7; reused c1 c7 c8 of 4
        'article department network',
        { articleDepartment: 'network' },
        {
          contacts: 5,
          solved: 4,
          escalated: 0,
          followUp: 1,
          fcrClaimed: 4 / 5,
          fcrVerified: 1 / 3,
          fcrVerifiedEligible: 3,
          escalationRate: 0,
          escalationsAvoided: 3,
          escalationsAvoidedValue: 141,
          linkRate: 1,
          reuseRate: 3 / 4,
        },
      ],
      [
        // solved with BIL (c4 c5) or tried it (c1); eligible c1 c4, verified c4; avoided c5
        // and c1 — c1 counts although NET (network), not BIL, avoided its escalation
        'article department billing',
        { articleDepartment: 'billing' },
        {
          contacts: 3,
          solved: 3,
          escalated: 0,
          followUp: 0,
          fcrClaimed: 1,
          fcrVerified: 1 / 2,
          fcrVerifiedEligible: 2,
          escalationRate: 0,
          escalationsAvoided: 2,
          escalationsAvoidedValue: 94,
          linkRate: 1,
          reuseRate: 1,
        },
      ],
    ])('filters by %s', async (_, params, expected) => {
      expect(await summary(params)).toEqual(expected);
    });
  });

  describe('series', () => {
    const dayOf = (c: ContactSpec) => day(-c.close![0]);

    it('gives every day of the range, oldest first, each exact (empty days too)', async () => {
      const expected = daysOf(RANGE).map((d) => ({
        day: d,
        ...summaryOf(inRange().filter((c) => dayOf(c) === d)),
      }));
      expect(expected).toHaveLength(40);
      expect(expected.filter((r) => r.contacts > 0)).toHaveLength(15); // a day per contact
      expect(expected[0]).toEqual({ day: RANGE.from, ...EMPTY_SUMMARY });
      expect((await get('series', { bucket: 'day' })).data).toEqual(expected);
      expect((await get('series')).data).toEqual(expected); // day is the default
    });

    it('gives every ISO week (starting Monday) the range touches, adding up to the summary', async () => {
      const weeks = new Map<string, ContactSpec[]>();
      for (const d of daysOf(RANGE)) weeks.set(mondayOf(d), []);
      for (const c of inRange()) weeks.get(mondayOf(dayOf(c)))!.push(c);
      const expected = [...weeks].map(([week, specs]) => ({ week, ...summaryOf(specs) }));
      const data = (await get('series', { bucket: 'week' })).data as (Summary & {
        week: string;
      })[];
      expect(data).toEqual(expected);
      expect(data.length).toBeGreaterThanOrEqual(6);
      for (const row of data) expect(new Date(`${row.week}T00:00:00Z`).getUTCDay()).toBe(1);
      expect(data.reduce((s, r) => s + r.contacts, 0)).toBe(15);
    });

    it('applies the filters to every bucket', async () => {
      // email: c16 (day −22), c4 (−20), c9 (−18)
      const email = ['c16', 'c4', 'c9'].map((k) => CONTACTS.find((x) => x.key === k)!);
      const expected = daysOf(RANGE).map((d) => ({
        day: d,
        ...summaryOf(email.filter((c) => dayOf(c) === d)),
      }));
      expect((await get('series', { channel: 'email' })).data).toEqual(expected);
    });
  });

  describe('cross-silo matrix', () => {
    it('counts solves with an article by article department × agent department', async () => {
      // c4 BIL/billing; c5 BIL/frontline; c1 c6 c7 network/frontline; c8 NET/network
      expect((await get('matrix')).data).toEqual([
        { articleDepartment: 'billing', agentDepartment: 'billing', solves: 1 },
        { articleDepartment: 'billing', agentDepartment: 'frontline', solves: 1 },
        { articleDepartment: 'network', agentDepartment: 'frontline', solves: 3 },
        { articleDepartment: 'network', agentDepartment: 'network', solves: 1 },
      ]);
    });

    it('filters by agent department and channel', async () => {
      expect((await get('matrix', { agentDepartment: 'frontline' })).data).toEqual([
        { articleDepartment: 'billing', agentDepartment: 'frontline', solves: 1 },
        { articleDepartment: 'network', agentDepartment: 'frontline', solves: 3 },
      ]);
      expect((await get('matrix', { channel: 'chat' })).data).toEqual([
        { articleDepartment: 'network', agentDepartment: 'frontline', solves: 1 },
      ]);
    });

    // c1 tried BIL but was solved with NET: it is not in billing's row
    it('filtered by article department shows only that department’s row', async () => {
      expect((await get('matrix', { articleDepartment: 'billing' })).data).toEqual([
        { articleDepartment: 'billing', agentDepartment: 'billing', solves: 1 },
        { articleDepartment: 'billing', agentDepartment: 'frontline', solves: 1 },
      ]);
    });
  });

  describe('content gaps', () => {
    const gaps = async (params: Record<string, string | number> = {}) =>
      (await get('gaps', params)).data as Record<
        'zeroResults' | 'nothingOpened' | 'escalatedWithoutArticle',
        { query: string; count: number; lastDay: string }[]
      >;

    it('groups the three kinds by normalized query, most searched first (then alphabetically)', async () => {
      // see SEARCHES in the helper; s8 (day −60) is outside the range
      expect(await gaps()).toEqual({
        zeroResults: [
          // equal counts: alphabetical
          { query: 'refund expired card', count: 2, lastDay: day(-20) },
          { query: 'router blinks orange', count: 2, lastDay: day(-17) },
          { query: 'modem "reboot", nightly', count: 1, lastDay: day(-6) },
        ],
        nothingOpened: [
          { query: 'invoice large print', count: 1, lastDay: day(-3) },
          { query: 'router blinks orange', count: 1, lastDay: day(-22) },
        ],
        escalatedWithoutArticle: [
          { query: 'router blinks orange', count: 3, lastDay: day(-17) },
          { query: 'invoice large print', count: 1, lastDay: day(-3) },
        ],
      });
    });

    it('keeps the top `limit` of each kind', async () => {
      const top = await gaps({ limit: 1 });
      expect(top.zeroResults.map((g) => g.query)).toEqual(['refund expired card']);
      expect(top.nothingOpened.map((g) => g.query)).toEqual(['invoice large print']);
      expect(top.escalatedWithoutArticle.map((g) => g.query)).toEqual(['router blinks orange']);
    });

    it.each<[string, Record<string, string>, Record<string, [string, number][]>]>([
      // s7 by the billing agent on c4
      [
        'agentDepartment billing',
        { agentDepartment: 'billing' },
        { zeroResults: [['refund expired card', 1]] },
      ],
      [
        // everything but s7; s6 and s10 have no contact and count by the searching user
        'agentDepartment frontline',
        { agentDepartment: 'frontline' },
        {
          zeroResults: [
            ['router blinks orange', 2],
            ['modem "reboot", nightly', 1],
            ['refund expired card', 1],
          ],
          nothingOpened: [
            ['invoice large print', 1],
            ['router blinks orange', 1],
          ],
          escalatedWithoutArticle: [
            ['router blinks orange', 3],
            ['invoice large print', 1],
          ],
        },
      ],
      // c3 is a chat: s1 s2
      [
        'channel chat',
        { channel: 'chat' },
        {
          zeroResults: [['router blinks orange', 2]],
          escalatedWithoutArticle: [['router blinks orange', 2]],
        },
      ],
      // c4 (s7) and c16 (s11) are emails; searches without a contact have no channel
      [
        'channel email',
        { channel: 'email' },
        {
          zeroResults: [['refund expired card', 1]],
          nothingOpened: [['router blinks orange', 1]],
          escalatedWithoutArticle: [['router blinks orange', 1]],
        },
      ],
      // c15 (s3) is a phone call
      [
        'channel phone',
        { channel: 'phone' },
        {
          nothingOpened: [['invoice large print', 1]],
          escalatedWithoutArticle: [['invoice large print', 1]],
        },
      ],
    ])('filters by %s', async (_, params, expected) => {
      const got = await gaps(params);
      const brief = (list: { query: string; count: number }[]) =>
        list.map((g): [string, number] => [g.query, g.count]);
      expect({
        zeroResults: brief(got.zeroResults),
        nothingOpened: brief(got.nothingOpened),
        escalatedWithoutArticle: brief(got.escalatedWithoutArticle),
      }).toEqual({ zeroResults: [], nothingOpened: [], escalatedWithoutArticle: [], ...expected });
    });
  });

  describe('time to publish', () => {
    it('gives the median and the p90 (nearest rank) in hours from the request to each stage', async () => {
      // to not validated: P1 24 h, P2 48 h, P3 6 h → [6, 24, 48]: median 24, p90 48
      // to validated: P1 72 h, P3 6 h (P2 never) → [6, 72]: median (6 + 72) / 2 = 39, p90 72
      // c15's request (billing) has no article: not counted
      expect((await get('time-to-publish')).data).toEqual({
        toNotValidated: { count: 3, medianHours: 24, p90Hours: 48 },
        toValidated: { count: 2, medianHours: 39, p90Hours: 72 },
      });
    });

    it('filters by the escalated contact’s agent department and channel', async () => {
      // P2 came from c3, the only chat: 48 h to not validated, never validated
      const none = { count: 0, medianHours: null, p90Hours: null };
      expect((await get('time-to-publish', { channel: 'chat' })).data).toEqual({
        toNotValidated: { count: 1, medianHours: 48, p90Hours: 48 },
        toValidated: none,
      });
      // every request came from a frontline agent
      expect((await get('time-to-publish', { agentDepartment: 'billing' })).data).toEqual({
        toNotValidated: none,
        toValidated: none,
      });
      expect((await get('time-to-publish', { agentDepartment: 'frontline' })).data).toEqual(
        (await get('time-to-publish')).data,
      );
    });

    it('counts requests made in the period, of the filtered department', async () => {
      // from day −17: only c3's (P2) and c17's (P3) requests
      expect((await get('time-to-publish', { from: day(-17) })).data).toEqual({
        toNotValidated: { count: 2, medianHours: 27, p90Hours: 48 },
        toValidated: { count: 1, medianHours: 6, p90Hours: 6 },
      });
      const none = { count: 0, medianHours: null, p90Hours: null };
      expect((await get('time-to-publish', { articleDepartment: 'billing' })).data).toEqual({
        toNotValidated: none,
        toValidated: none,
      });
      expect((await get('time-to-publish', { articleDepartment: 'network' })).data).toEqual(
        (await get('time-to-publish')).data,
      );
    });
  });

  describe('article impact', () => {
    const impact = async (params: Record<string, string> = {}) =>
      (await get('articles', params)).data as Record<string, unknown>[];

    it('gives uses, solves, failed tries, solve rate, escalations avoided, open flags', async () => {
      const { NET, BIL, NEW, P1, P2, P3 } = f.articles;
      const verified = async (id: number) =>
        (await ctx.db.get<{ v: string | null }>(
          'SELECT verified_at AS v FROM articles WHERE id = ?',
          [id],
        ))!.v;
      const row = async (a: typeof NET, departmentSlug: string, counts: object) => ({
        id: a.id,
        slug: a.slug,
        title: a.title,
        departmentSlug,
        confidence: a.id === P2.id ? 'not_validated' : 'validated',
        verifyBy: expect.anything(),
        lastVerified: await verified(a.id),
        openFlags: 0,
        ...counts,
      });
      const zero = { uses: 0, solves: 0, failedTries: 0, escalationsAvoided: 0, solveRate: null };
      // NET: c1 c7 c8 c10 used it (c14 is out of range), solved c1 c7 c8, c10's try failed,
      //   avoided c1 c7 (c8 is network's own engineer), one open flag
      // BIL: c1 c4 c5; solved c4 c5; c1's try failed (c1 was solved by NET); avoided c5
      // NEW: c6, avoided
      expect(await impact()).toEqual([
        await row(NET, 'network', {
          uses: 4,
          solves: 3,
          failedTries: 1,
          escalationsAvoided: 2,
          openFlags: 1,
          solveRate: 3 / 4,
        }),
        await row(BIL, 'billing', {
          uses: 3,
          solves: 2,
          failedTries: 1,
          escalationsAvoided: 1,
          solveRate: 2 / 3,
        }),
        await row(NEW, 'network', {
          uses: 1,
          solves: 1,
          failedTries: 0,
          escalationsAvoided: 1,
          solveRate: 1,
        }),
        { ...(await row(P1, 'network', zero)), verifyBy: expect.anything() },
        { ...(await row(P2, 'network', zero)), verifyBy: null },
        await row(P3, 'network', zero),
      ]);
    });

    it('filters by article department', async () => {
      const rows = await impact({ articleDepartment: 'billing' });
      expect(rows.map((r) => [r.slug, r.uses, r.solves])).toEqual([[f.articles.BIL.slug, 3, 2]]);
    });

    it('applies the agent department filter to the contacts counted', async () => {
      // billing agents: only c4, which solved with BIL
      const rows = await impact({ agentDepartment: 'billing' });
      const used = rows.filter((r) => (r.uses as number) > 0);
      expect(used.map((r) => [r.slug, r.uses, r.solves])).toEqual([[f.articles.BIL.slug, 1, 1]]);
    });
  });

  describe('drill-down to contacts', () => {
    const drill = async (metric: string, params: Record<string, string | number> = {}) => {
      const body = await get('contacts', { metric, ...params });
      return {
        ids: (body.data as { id: number }[]).map((r) => r.id),
        rows: body.data as Record<string, unknown>[],
        meta: body.meta as { total: number; limit: number; offset: number },
      };
    };
    const idsOf = (p: (c: ContactSpec) => boolean | undefined) =>
      inRange()
        .filter((c) => p(c))
        .map((c) => f.ids[c.key]!);

    it.each<[string, (c: ContactSpec) => boolean | undefined, number]>([
      ['all', () => true, 15],
      ['solved', (c) => c.outcome === 'solved', 9],
      ['escalated', (c) => c.outcome === 'escalated', 4],
      ['followUp', (c) => c.outcome === 'follow_up', 2],
      ['verified', (c) => c.verified, 3],
      ['repeated', (c) => c.repeated, 4],
      ['avoided', (c) => c.avoided, 4],
      ['linked', (c) => c.linked, 7],
      ['reused', (c) => c.reused, 5],
      // requests that produced a published article: P1 (c16), P2 (c3), P3 (c17); not c15's
      ['published', (c) => ['c16', 'c3', 'c17'].includes(c.key), 3],
    ])(
      '%s returns exactly the contacts behind the number, newest close first',
      async (metric, p, n) => {
        const { ids, meta } = await drill(metric);
        expect(ids).toEqual(idsOf(p));
        expect(meta).toEqual({ total: n, limit: 100, offset: 0 });
      },
    );

    it('lists the requests behind time to publish with its filters (department asked, agent, channel)', async () => {
      const network = await drill('published', { articleDepartment: 'network' });
      expect(network.ids).toEqual([f.ids.c17, f.ids.c3, f.ids.c16]);
      expect(network.meta.total).toBe(3);
      const billing = await drill('published', { articleDepartment: 'billing' });
      expect(billing.ids).toEqual([]); // c15 asked billing, which wrote nothing
      expect(billing.meta.total).toBe(0);
      const chat = await drill('published', { channel: 'chat' });
      expect(chat.ids).toEqual([f.ids.c3]);
      const ttp = (await get('time-to-publish', { channel: 'chat' })).data as {
        toNotValidated: { count: number };
      };
      expect(chat.meta.total).toBe(ttp.toNotValidated.count);
    });

    it('names the contacts that make verified FCR: c2 c4 c6 and repeats c1 c8 c11 c12', async () => {
      const { ids } = await drill('verified');
      expect(ids).toEqual([f.ids.c6, f.ids.c4, f.ids.c2]);
      expect((await drill('repeated')).ids).toEqual([f.ids.c11, f.ids.c12, f.ids.c8, f.ids.c1]);
    });

    it('describes each contact', async () => {
      const { rows } = await drill('avoided', { channel: 'chat' });
      expect(rows).toEqual([
        {
          id: f.ids.c6,
          agent: '=HYPERLINK("http://evil.example","Agent B")',
          agentDepartment: 'frontline',
          channel: 'chat',
          customerRef: 'R3',
          startedAt: at(10, '10:00'),
          closedAt: at(10, '10:20'),
          outcome: 'solved',
          articleId: f.articles.NEW.id,
          article: f.articles.NEW.title,
          articleDepartment: 'network',
          escalatedTo: null,
        },
      ]);
      const escalated = (await drill('escalated', { channel: 'phone' })).rows;
      expect(escalated.map((r) => [r.id, r.escalatedTo, r.articleId])).toEqual([
        [f.ids.c15, 'billing', null],
        [f.ids.c17, 'network', null],
      ]);
    });

    it('applies the filters', async () => {
      expect((await drill('solved', { channel: 'email' })).ids).toEqual([f.ids.c4]);
      expect((await drill('avoided', { agentDepartment: 'billing' })).ids).toEqual([]);
      expect((await drill('linked', { articleDepartment: 'network' })).ids).toEqual([
        f.ids.c7,
        f.ids.c6,
        f.ids.c10,
        f.ids.c8,
        f.ids.c1,
      ]);
    });

    it('solvedWith drills into a matrix cell: exactly the solves it counts', async () => {
      const cells = (await get('matrix')).data as {
        articleDepartment: string;
        agentDepartment: string;
        solves: number;
      }[];
      for (const cell of cells) {
        const { meta } = await drill('solvedWith', {
          articleDepartment: cell.articleDepartment,
          agentDepartment: cell.agentDepartment,
        });
        expect([cell, meta.total]).toEqual([cell, cell.solves]);
      }
      // network × frontline: c7 c6 c1; billing × frontline: c5 (c1 only tried BIL)
      const cell = (articleDepartment: string) =>
        drill('solvedWith', { articleDepartment, agentDepartment: 'frontline' });
      expect((await cell('network')).ids).toEqual([f.ids.c7, f.ids.c6, f.ids.c1]);
      expect((await cell('billing')).ids).toEqual([f.ids.c5]);
      // without an article department: every solve with an article
      expect((await drill('solvedWith')).ids).toEqual(idsOf((c) => c.article !== undefined));
    });

    it('pages with limit and offset, total unchanged', async () => {
      const all = idsOf(() => true);
      const page = await drill('all', { limit: 5, offset: 5 });
      expect(page.ids).toEqual(all.slice(5, 10));
      expect(page.meta).toEqual({ total: 15, limit: 5, offset: 5 });
      expect((await drill('all', { offset: 15 })).ids).toEqual([]);
    });
  });

  describe('an empty range', () => {
    const empty = { from: day(-400), to: day(-390) };

    it('answers zeros and null rates, never NaN', async () => {
      expect((await get('summary', empty)).data).toEqual(EMPTY_SUMMARY);
      // every day (11) and every week touched (2 or 3), all empty
      expect((await get('series', empty)).data).toEqual(
        daysOf(empty).map((d) => ({ day: d, ...EMPTY_SUMMARY })),
      );
      const weeks = [...new Set(daysOf(empty).map(mondayOf))];
      expect((await get('series', { ...empty, bucket: 'week' })).data).toEqual(
        weeks.map((w) => ({ week: w, ...EMPTY_SUMMARY })),
      );
      expect((await get('matrix', empty)).data).toEqual([]);
      expect((await get('gaps', empty)).data).toEqual({
        zeroResults: [],
        nothingOpened: [],
        escalatedWithoutArticle: [],
      });
      const none = { count: 0, medianHours: null, p90Hours: null };
      expect((await get('time-to-publish', empty)).data).toEqual({
        toNotValidated: none,
        toValidated: none,
      });
      const rows = (await get('articles', empty)).data as Record<string, unknown>[];
      expect(rows).toHaveLength(6);
      for (const r of rows)
        expect(r).toMatchObject({
          uses: 0,
          solves: 0,
          failedTries: 0,
          escalationsAvoided: 0,
          solveRate: null,
        });
      expect(await get('contacts', empty)).toEqual({
        data: [],
        meta: { total: 0, limit: 100, offset: 0 },
      });
    });

    it('answers the same when only the filters leave nothing', async () => {
      expect((await get('summary', { channel: 'email', agentDepartment: 'network' })).data).toEqual(
        EMPTY_SUMMARY,
      );
    });
  });

  describe('today, through the real search and contact API', () => {
    const today = { from: day(0), to: day(0) };

    beforeAll(async () => {
      // the agent searches twice during a contact (one zero-result search, one with results,
      // nothing opened), then escalates: all three gap kinds, and one escalation today
      const c = await openContact(f.agent, { channel: 'chat' });
      expect((await search(f.agent, { q: 'zzqxv wibble', contactId: c.id })).body.data.total).toBe(
        0,
      );
      expect(
        (await search(f.agent, { q: 'router orange', contactId: c.id })).body.data.total,
      ).toBeGreaterThan(0);
      const closed = await f.agent.post(`/api/contacts/${c.id}/close`, {
        outcome: 'escalated',
        department: 'network',
        reason: 'Router keeps blinking.',
        needsArticle: true,
      });
      expect(closed.status).toBe(200);
    });

    it('counts the contact', async () => {
      expect((await get('summary', today)).data).toEqual({
        ...EMPTY_SUMMARY,
        contacts: 1,
        escalated: 1,
        fcrClaimed: 0,
        escalationRate: 1,
        linkRate: 0,
      });
    });

    it('finds its searches in the gaps', async () => {
      const g = (await get('gaps', today)).data as Record<
        string,
        { query: string; count: number }[]
      >;
      const brief = (k: string) => g[k]!.map((x) => [x.query, x.count]);
      expect(brief('zeroResults')).toEqual([['zzqxv wibble', 1]]);
      expect(brief('nothingOpened')).toEqual([['router orange', 1]]);
      // both counts 1: the later search first
      expect(brief('escalatedWithoutArticle')).toEqual([
        ['router orange', 1],
        ['zzqxv wibble', 1],
      ]);
    });
  });

  describe('settings change the numbers', () => {
    const patch = async (body: object) => {
      const res = await f.admin.patch('/api/settings', body);
      expect(res.status).toBe(200);
    };
    afterEach(() => patch({ fcrWindowDays: 7, costEscalated: 69, costFirstContact: 22 }));

    it('a 14-day window: fewer windows ended, more repeats', async () => {
      await patch({ fcrWindowDays: 14 });
      // eligible: reference and closed ≥ 14 days ago: c1 c2 c3 c4 c8 c9 = 6
      // verified: c4 only (c2's next R1 contact came 10 days later: now inside)
      expect(await summary()).toMatchObject({ fcrVerified: 1 / 6, fcrVerifiedEligible: 6 });
      const ids = (await get('contacts', { metric: 'verified' })).data as { id: number }[];
      expect(ids.map((r) => r.id)).toEqual([f.ids.c4]);
      const repeated = (await get('contacts', { metric: 'repeated' })).data as { id: number }[];
      // repeated: a solve with a reference whose customer came back within 14 days (ended or
      // not): c11 c12 c6 (R3 after 7 d 23 h) c8 c2 (R1 after 10 days) c1
      expect(repeated.map((r) => r.id)).toEqual([
        f.ids.c11,
        f.ids.c12,
        f.ids.c6,
        f.ids.c8,
        f.ids.c2,
        f.ids.c1,
      ]);
    });

    it('a 1-day window: every solve with a reference closed before yesterday holds', async () => {
      await patch({ fcrWindowDays: 1 });
      // eligible: c1 c2 c3 c4 c6 c7 c8 c9 c11 c12 c15 = 11; solved among them c1 c2 c4 c6 c7
      // c8 c11 c12 = 8, and no customer called again within a day of any of them
      expect(await summary()).toMatchObject({ fcrVerified: 8 / 11, fcrVerifiedEligible: 11 });
    });

    it('costs: escalations avoided × (cost escalated − cost first contact)', async () => {
      await patch({ costEscalated: 100, costFirstContact: 30 });
      expect(await summary()).toMatchObject({
        escalationsAvoided: 4,
        escalationsAvoidedValue: 280,
      });
      const week = (await get('series', { bucket: 'week' })).data as Summary[];
      expect(week.reduce((s, w) => s + w.escalationsAvoidedValue, 0)).toBe(280);
    });
  });
});

describe('statistics with no contacts at all', () => {
  let ctx: TestContext;
  let manager: Client;
  beforeAll(async () => {
    ctx = await makeTestApp();
    manager = await signedIn(ctx, 'manager');
  });
  afterAll(() => ctx.close());

  it('answers every endpoint with zeros, empty lists and null rates', async () => {
    const range = { from: day(-30), to: day(0) };
    const data = async (endpoint: string, params = {}) => {
      const res = await stats(manager, endpoint, { ...range, ...params });
      expect(res.status).toBe(200);
      return (res.body as { data: unknown }).data;
    };
    expect(await data('summary')).toEqual(EMPTY_SUMMARY);
    expect(await data('series')).toEqual(daysOf(range).map((d) => ({ day: d, ...EMPTY_SUMMARY })));
    expect(await data('matrix')).toEqual([]);
    expect(await data('gaps')).toEqual({
      zeroResults: [],
      nothingOpened: [],
      escalatedWithoutArticle: [],
    });
    const none = { count: 0, medianHours: null, p90Hours: null };
    expect(await data('time-to-publish')).toEqual({ toNotValidated: none, toValidated: none });
    expect(await data('articles')).toEqual([]);
    expect(await data('contacts', { metric: 'verified' })).toEqual([]);
  });
});
