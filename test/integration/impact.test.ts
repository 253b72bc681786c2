import {
  client,
  makeTestApp,
  signedInUsers,
  USERS,
  type Client,
  type TestContext,
  type UserKey,
} from '../helpers/app';
import { close, day, flagArticle, opened, resolveItem, tried } from '../helpers/lifecycle';
import { addUser, createArticle, type CreatedArticle, openFor, userId } from '../helpers/factories';
import { contractData } from '../helpers/contract';
import { impactResponse } from '../../server/contract/departments';

interface ImpactArticle {
  id: number;
  slug: string;
  title: string;
  departmentSlug: string;
  confidence: string;
  verifyBy: string | null;
  lastVerified: string | null;
  uses: number;
  solves: number;
  failedTries: number;
  escalationsAvoided: number;
  openFlags: number;
  solveRate: number | null;
}

/**
 * A small, hand-counted fixture (network department):
 *
 *   c1  agent (frontline)   tried A, solved with A           2 days ago
 *   c2  agent2 (frontline)  tried A, solved with B           2 days ago
 *   c3  engineer (network)  solved with A                    2 days ago
 *   c4  agent               opened A, escalated to network   2 days ago
 *   c5  agent               solved with A                    200 days ago (outside the default 90)
 *   c6  agent               opened A, still open             (never counted: not closed)
 *   c7  agent               solved with D (billing)          2 days ago
 *
 *   A validated, verified; flags: one open, one resolved.  B not validated, one open flag.
 *   C validated, never used.  D billing.
 *
 * Default period, A: uses 4 (c1 c2 c3 c4), solves 2 (c1 c3), failed tries 1 (c2: c1's try
 * ended solved by A), escalations avoided 1 (c1; c3 is network's own engineer), open flags 1.
 * B: uses 1, solves 1, avoided 1 (c2), open flags 1. C: nothing, solve rate null.
 */
describe('author impact', () => {
  let ctx: TestContext;
  let clients: Record<UserKey, Client>;
  let A: CreatedArticle;
  let B: CreatedArticle;
  let C: CreatedArticle;
  let D: CreatedArticle;
  let verifiedAt: string;

  const at = (offsetDays: number, time: string) => `${day(offsetDays)}T${time}.000Z`;

  beforeAll(async () => {
    ctx = await makeTestApp();
    clients = await signedInUsers(ctx);
    const { agent, engineer, billingEngineer, admin } = clients;
    const agentId = await userId(ctx, USERS.agent.email);
    const engineerId = await userId(ctx, USERS.engineer.email);
    const agent2Id = await addUser(ctx, 'agent2@test.example', 'Agent B');

    A = await createArticle(engineer, { title: 'Impact A', verifyBy: day(-1) });
    B = await createArticle(engineer, { title: 'Impact B', confidence: 'not_validated' });
    C = await createArticle(engineer, { title: 'Impact C' });
    D = await createArticle(billingEngineer, { title: 'Impact D', department: 'billing' });

    const contact = async (
      agent: number,
      day: number,
      steps: (id: number) => Promise<unknown>,
      closing?: object,
    ) => {
      const c = await openFor(admin, agent, at(day, '10:00:00'));
      await steps(c.id);
      if (closing) await close(admin, c.id, { ...closing, closedAt: at(day, '10:05:00') });
    };
    const none = async () => undefined;
    const solved = (x: CreatedArticle) => ({ outcome: 'solved', articleId: x.id });

    await contact(agentId, -2, (id) => tried(admin, id, A.id), solved(A)); // c1
    await contact(agent2Id, -2, (id) => tried(admin, id, A.id), solved(B)); // c2
    await contact(engineerId, -2, none, solved(A)); // c3
    await contact(agentId, -2, (id) => opened(admin, id, A.id), {
      outcome: 'escalated',
      department: 'network',
      reason: 'Still orange',
    }); // c4
    await contact(agentId, -200, none, solved(A)); // c5
    await contact(agentId, -1, (id) => opened(admin, id, A.id)); // c6, left open
    await contact(agentId, -2, none, solved(D)); // c7

    await flagArticle(agent, A.id);
    const resolved = await flagArticle(agent, A.id);
    await resolveItem(engineer, 'flags', resolved.id, { note: 'Clarified' }).expect(204);
    await flagArticle(agent, B.id);

    const v = await engineer.post(`/api/articles/${A.id}/verify`, { version: 1 }).expect(200);
    verifiedAt = v.body.data.verifiedAt;
  });
  afterAll(() => ctx.close());

  const impact = (c: Client, query = '', slug = 'network') =>
    c.get(`/api/departments/${slug}/impact${query}`);
  const rows = async (query = '', c: Client = clients.engineer) => {
    const res = await impact(c, query);
    expect(res.status).toBe(200);
    return res.body.data.articles as ImpactArticle[];
  };
  const zero = { uses: 0, solves: 0, failedTries: 0, escalationsAvoided: 0, solveRate: null };

  it('counts uses, solves, failed tries, escalations avoided, open flags and last verification per article', async () => {
    const res = await impact(clients.engineer);
    expect(res.status).toBe(200);
    contractData(impactResponse, res);
    expect(res.body.data.department).toEqual({ slug: 'network', name: 'Network Engineering' });
    expect(res.body.data.period).toEqual({
      from: `${day(-89)}T00:00:00.000Z`,
      to: `${day(1)}T00:00:00.000Z`,
    });
    expect(res.body.data.articles).toEqual([
      {
        id: A.id,
        slug: A.slug,
        title: 'Impact A',
        departmentSlug: 'network',
        confidence: 'validated',
        verifyBy: day(90),
        lastVerified: verifiedAt,
        uses: 4,
        solves: 2,
        failedTries: 1,
        escalationsAvoided: 1,
        openFlags: 1,
        solveRate: 0.5,
      },
      {
        id: B.id,
        slug: B.slug,
        title: 'Impact B',
        departmentSlug: 'network',
        confidence: 'not_validated',
        verifyBy: null,
        lastVerified: null,
        uses: 1,
        solves: 1,
        failedTries: 0,
        escalationsAvoided: 1,
        openFlags: 1,
        solveRate: 1,
      },
      {
        id: C.id,
        slug: C.slug,
        title: 'Impact C',
        departmentSlug: 'network',
        confidence: 'validated',
        verifyBy: day(90),
        lastVerified: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), // created validated
        openFlags: 0,
        ...zero,
      },
    ]);
  });

  it('counts by the day contacts closed, both ends inclusive', async () => {
    const old = await rows(`?from=${day(-200)}&to=${day(-200)}`);
    expect(old.find((r) => r.id === A.id)).toMatchObject({
      uses: 1,
      solves: 1,
      failedTries: 0,
      escalationsAvoided: 1,
      solveRate: 1,
      openFlags: 1, // open flags are now, whatever the period
    });
    expect(old.find((r) => r.id === B.id)).toMatchObject(zero);
    for (const [from, to] of [
      [day(-199), day(-199)],
      [day(-210), day(-201)],
    ])
      expect((await rows(`?from=${from}&to=${to}`)).find((r) => r.id === A.id)).toMatchObject(zero);
    const everything = await rows(`?from=${day(-365)}`);
    expect(everything.find((r) => r.id === A.id)).toMatchObject({ uses: 5, solves: 3 });
    const recent = await rows(`?from=${day(-2)}&to=${day(-2)}`);
    expect(recent.find((r) => r.id === A.id)).toMatchObject({ uses: 4, solves: 2 });
  });

  it('shows a department only its own articles', async () => {
    const billing = await impact(clients.billingEngineer, '', 'billing');
    expect(billing.status).toBe(200);
    expect(billing.body.data.articles).toEqual([
      expect.objectContaining({
        id: D.id,
        departmentSlug: 'billing',
        uses: 1,
        solves: 1,
        escalationsAvoided: 1,
        solveRate: 1,
      }),
    ]);
    expect((await rows()).map((r) => r.id)).not.toContain(D.id);
  });

  it.each([
    ['engineer', 200],
    ['manager', 200],
    ['admin', 200],
    ['agent', 403],
    ['billingEngineer', 403],
  ] as const)('answers %s with %i for the network department', async (who, status) => {
    const res = await impact(clients[who]);
    expect(res.status).toBe(status);
    if (status === 200) expect(res.body.data.articles).toHaveLength(3);
    else {
      expect(res.body.error.id).toBe('forbidden');
      expect(res.body).not.toHaveProperty('data');
    }
  });

  it('answers 401 without a session and 404 for an unknown department', async () => {
    expect((await client(ctx).get('/api/departments/network/impact')).status).toBe(401);
    const unknown = await impact(clients.admin, '', 'nowhere');
    expect(unknown.status).toBe(404);
  });

  it.each([
    ['a range that starts after it ends', () => `?from=${day(-1)}&to=${day(-2)}`, 'from'],
    ['a date that does not exist', () => '?from=2026-02-30', 'from'],
    ['a word for a date', () => '?from=yesterday', 'from'],
    ['month 13', () => '?to=2026-13-01', 'to'],
    ['an unknown parameter', () => '?since=2026-01-01', 'since'],
  ])('answers 400 to %s', async (_, query, field) => {
    const res = await impact(clients.engineer, query());
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ id: 'validation_failed', field });
  });
});
