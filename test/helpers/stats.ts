import { setArticlePublishedAt } from '../../server/stores/articles';
import { insertSearchEvent } from '../../server/stores/searchEvents';
import { normalizeQuery } from '../../server/domain/searchBursts';
import { signedIn, USERS, type Client, type TestContext } from './app';
import { day } from './lifecycle';
import { addUser, createArticle, type CreatedArticle, userId } from './factories';

/**
 * The statistics fixture (DESIGN §3), built through the real API where the API allows it (an
 * admin opens and closes contacts with agentId, startedAt and closedAt; tried marks; flags;
 * articles from requests) and through stores for what has no API with a time (article
 * creation dates, version dates, search events in the past).
 *
 * Times are relative to today: `at(17, '10:30')` is 17 UTC days ago at 10:30. Every number
 * the tests expect is worked out by hand from the table below (the flags of each contact) and
 * written out in the tests. FCR window 7 days, costs 69 / 22 (the defaults).
 */
export const at = (daysAgo: number, time: string) => `${day(-daysAgo)}T${time}:00.000Z`;

/** Contacts closed in [day −40, day −1]: c1–c12 and c15–c17 (c13 is open, c14 closed earlier). */
export const RANGE = { from: day(-40), to: day(-1) } as const;

/** agent2's name is a spreadsheet formula with quotes and a comma (CSV escaping). */
export const AGENT2_NAME = '=HYPERLINK("http://evil.example","Agent B")';

export type ArticleKey = 'NET' | 'BIL' | 'NEW';
export type AgentKey = 'agent' | 'agent2' | 'billingAgent' | 'engineer';

export interface ContactSpec {
  key: string;
  agent: AgentKey;
  channel: 'phone' | 'chat' | 'email';
  ref: string | null;
  start: [number, string];
  /** undefined: still open */
  close?: [number, string];
  outcome?: 'solved' | 'escalated' | 'follow_up';
  article?: ArticleKey;
  to?: 'network' | 'billing';
  needsArticle?: boolean;
  tried?: ArticleKey[];
  /** worked out by hand (window 7 days): */
  eligible?: boolean; // has a customerRef and closed ≥ 7 days ago
  verified?: boolean; // solved, eligible, and that customer's next contact > 7 days after the close
  repeated?: boolean; // solved with a customerRef, next contact ≤ 7 days after the close
  avoided?: boolean; // solved with an article of another department than the agent's
  linked?: boolean; // solved with an article, or an article tried
  reused?: boolean; // solved with an article created before the contact started
}

/**
 * Agents: agent, agent2 (frontline), billingAgent (billing), engineer (network).
 * Articles: NET (network) and BIL (billing) created 100 days ago; NEW (network) created
 * at(10, '10:05'), five minutes after c6 started.
 *
 * Customer R1: c14 (day −60) → c1 (−30) → c2 (−27, 2 d 23 h after c1 closed: inside the window)
 *   → c3 (−17, 10 days after c2: outside). R3: c6 (−10) → c7 (−2, 7 d 23 h 40 min after c6:
 *   outside). R4: c8 closed at(25, '08:30') → c9 starts at(18, '08:30'), exactly 7 days later:
 *   inside (a repeat "within" the window includes its end). R5: c11 (−5) → c15 (−3).
 *   R6: c12 (−8) → c13 (−4, still open: an open contact is a repeat too).
 * Listed in the order they are created: not chronological, so next_contact_at is maintained
 * out of order (c3 before c2 before c1 before c14).
 */
export const CONTACTS: ContactSpec[] = [
  // R1, third contact: escalated after two zero-result searches (s1, s2); needs an article (P2)
  {
    key: 'c3',
    agent: 'agent',
    channel: 'chat',
    ref: 'R1',
    start: [17, '10:00'],
    close: [17, '10:30'],
    outcome: 'escalated',
    to: 'network',
    needsArticle: true,
    eligible: true,
  },
  // R1, second: solved from knowledge; next R1 contact (c3) 10 days later → verified
  {
    key: 'c2',
    agent: 'agent2',
    channel: 'phone',
    ref: 'R1',
    start: [27, '09:00'],
    close: [27, '09:15'],
    outcome: 'solved',
    eligible: true,
    verified: true,
  },
  // R1, first in range: tried BIL, solved with NET (network ≠ frontline: avoided); c2 came
  // back within 3 days → not verified, repeated
  {
    key: 'c1',
    agent: 'agent',
    channel: 'phone',
    ref: 'R1',
    start: [30, '10:00'],
    close: [30, '10:10'],
    outcome: 'solved',
    article: 'NET',
    tried: ['BIL'],
    eligible: true,
    repeated: true,
    avoided: true,
    linked: true,
    reused: true,
  },
  // R1 60 days ago: out of range; a contact *before* c1 does not undo c1
  {
    key: 'c14',
    agent: 'agent',
    channel: 'phone',
    ref: 'R1',
    start: [60, '10:00'],
    close: [60, '10:10'],
    outcome: 'solved',
    article: 'NET',
  },
  // billing agent solves with BIL, its own department's article: not avoided. No other '-R2'
  {
    key: 'c4',
    agent: 'billingAgent',
    channel: 'email',
    ref: '-R2',
    start: [20, '11:00'],
    close: [20, '11:20'],
    outcome: 'solved',
    article: 'BIL',
    eligible: true,
    verified: true,
    linked: true,
    reused: true,
  },
  // no customer reference: never eligible for verified FCR; BIL crosses a silo
  {
    key: 'c5',
    agent: 'agent',
    channel: 'phone',
    ref: null,
    start: [15, '12:00'],
    close: [15, '12:05'],
    outcome: 'solved',
    article: 'BIL',
    avoided: true,
    linked: true,
    reused: true,
  },
  // solved with NEW, created after the contact started: not a reuse
  {
    key: 'c6',
    agent: 'agent2',
    channel: 'chat',
    ref: 'R3',
    start: [10, '10:00'],
    close: [10, '10:20'],
    outcome: 'solved',
    article: 'NEW',
    eligible: true,
    verified: true,
    avoided: true,
    linked: true,
  },
  // closed 2 days ago: its window has not ended (not eligible), nor has anyone called back
  {
    key: 'c7',
    agent: 'agent',
    channel: 'phone',
    ref: 'R3',
    start: [2, '10:00'],
    close: [2, '10:30'],
    outcome: 'solved',
    article: 'NET',
    avoided: true,
    linked: true,
    reused: true,
  },
  // R4's second contact, created before the first (out of order); exactly 7 days after c8
  {
    key: 'c9',
    agent: 'agent',
    channel: 'email',
    ref: 'R4',
    start: [18, '08:30'],
    close: [18, '08:45'],
    outcome: 'follow_up',
    eligible: true,
  },
  // a network engineer solves with a network article: not avoided; c9 exactly 7 days later
  {
    key: 'c8',
    agent: 'engineer',
    channel: 'phone',
    ref: 'R4',
    start: [25, '08:00'],
    close: [25, '08:30'],
    outcome: 'solved',
    article: 'NET',
    eligible: true,
    repeated: true,
    linked: true,
    reused: true,
  },
  // tried NET, didn't solve: linked; its search (s4) found results and opened nothing
  {
    key: 'c10',
    agent: 'agent',
    channel: 'phone',
    ref: null,
    start: [12, '14:00'],
    close: [12, '14:10'],
    outcome: 'follow_up',
    tried: ['NET'],
    linked: true,
  },
  // window not ended, but R5 already called again (c15): repeated, not eligible
  {
    key: 'c11',
    agent: 'agent2',
    channel: 'phone',
    ref: 'R5',
    start: [5, '09:00'],
    close: [5, '09:10'],
    outcome: 'solved',
    repeated: true,
  },
  {
    key: 'c15',
    agent: 'agent',
    channel: 'phone',
    ref: 'R5',
    start: [3, '10:00'],
    close: [3, '10:20'],
    outcome: 'escalated',
    to: 'billing',
    needsArticle: true,
  },
  // R6: the open contact c13 is created first, c12 after it
  { key: 'c13', agent: 'agent', channel: 'chat', ref: 'R6', start: [4, '10:00'] },
  {
    key: 'c12',
    agent: 'agent',
    channel: 'chat',
    ref: 'R6',
    start: [8, '09:00'],
    close: [8, '09:10'],
    outcome: 'solved',
    eligible: true,
    repeated: true,
  },
  // escalations that asked for articles (time to publish: P1 from c16, P3 from c17)
  {
    key: 'c16',
    agent: 'agent',
    channel: 'email',
    ref: null,
    start: [22, '10:00'],
    close: [22, '10:10'],
    outcome: 'escalated',
    to: 'network',
    needsArticle: true,
  },
  {
    key: 'c17',
    agent: 'agent2',
    channel: 'phone',
    ref: null,
    start: [14, '10:00'],
    close: [14, '10:10'],
    outcome: 'escalated',
    to: 'network',
    needsArticle: true,
  },
];

export interface SearchSpec {
  key: string;
  user: AgentKey;
  contact: string | null;
  query: string;
  results: number;
  opened?: ArticleKey;
  at: [number, string];
}

/**
 * Search events (stored as the search service stores them). s8 is outside the range.
 * Gaps by hand, range RANGE:
 *   zero results     "router blinks orange" 2 (s1 s2, last at(17,'10:06')), "refund expired
 *                    card" 2 (s6 s7, last at(20,'12:00')), 'modem "reboot", nightly' 1 (s10)
 *   nothing opened   "invoice large print" 1 (s3, at(3)), "router blinks orange" 1 (s11,
 *                    at(22)); not s4: its contact c10 opened and tried NET
 *   escalated, no article  "router blinks orange" 3 (s1 s2 on c3, s11 on c16),
 *                    "invoice large print" 1 (s3 on c15)
 */
export const SEARCHES: SearchSpec[] = [
  {
    key: 's1',
    user: 'agent',
    contact: 'c3',
    query: 'Router  Blinks ORANGE',
    results: 0,
    at: [17, '10:05'],
  },
  {
    key: 's2',
    user: 'agent',
    contact: 'c3',
    query: 'router blinks orange!',
    results: 0,
    at: [17, '10:06'],
  },
  {
    key: 's3',
    user: 'agent',
    contact: 'c15',
    query: 'Invoice large print',
    results: 4,
    at: [3, '10:05'],
  },
  {
    key: 's4',
    user: 'agent',
    contact: 'c10',
    query: 'modem reboot',
    results: 5,
    at: [12, '14:02'],
  },
  {
    key: 's5',
    user: 'agent',
    contact: 'c1',
    query: 'E-1043',
    results: 3,
    opened: 'NET',
    at: [30, '10:02'],
  },
  {
    key: 's6',
    user: 'agent2',
    contact: null,
    query: 'refund expired card',
    results: 0,
    at: [20, '12:00'],
  },
  {
    key: 's7',
    user: 'billingAgent',
    contact: 'c4',
    query: 'Refund expired card',
    results: 0,
    at: [20, '11:05'],
  },
  { key: 's8', user: 'agent', contact: null, query: 'old query', results: 0, at: [60, '09:00'] },
  {
    key: 's10',
    user: 'agent',
    contact: null,
    query: 'Modem "reboot", nightly',
    results: 0,
    at: [6, '09:00'],
  },
  {
    key: 's11',
    user: 'agent',
    contact: 'c16',
    query: 'router blinks orange',
    results: 2,
    at: [22, '10:05'],
  },
];

export interface StatsFixture {
  admin: Client;
  manager: Client;
  agent: Client;
  engineer: Client;
  users: Record<AgentKey, number>;
  articles: Record<ArticleKey | 'P1' | 'P2' | 'P3', CreatedArticle>;
  /** contact ids by key */
  ids: Record<string, number>;
}

async function ok(res: { status: number; body: unknown }, what: string, status = 200) {
  if (res.status !== status)
    throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { data: { id: number; version: number } }).data;
}

/** Builds everything above into `ctx` (a fresh makeTestApp()). */
export async function buildStatsFixture(ctx: TestContext): Promise<StatsFixture> {
  const [agent, engineer, billingEngineer, manager, admin] = await Promise.all([
    signedIn(ctx, 'agent'),
    signedIn(ctx, 'engineer'),
    signedIn(ctx, 'billingEngineer'),
    signedIn(ctx, 'manager'),
    signedIn(ctx, 'admin'),
  ]);
  const users: Record<AgentKey, number> = {
    agent: await userId(ctx, USERS.agent.email),
    agent2: await addUser(ctx, 'agent2@test.example', AGENT2_NAME),
    billingAgent: await addUser(ctx, 'billing.agent@test.example', 'Agent C', 'agent', 'billing'),
    engineer: await userId(ctx, USERS.engineer.email),
  };
  const NET = await createArticle(engineer, {
    title: 'Router blinks orange after update',
    errorCodes: ['E-1043'],
  });
  const BIL = await createArticle(billingEngineer, {
    title: 'Refund to an expired card',
    department: 'billing',
  });
  const NEW = await createArticle(engineer, { title: 'Mesh node drops every hour' });
  await setArticlePublishedAt(ctx.db, NET.id, at(100, '09:00'));
  await setArticlePublishedAt(ctx.db, BIL.id, at(100, '09:00'));
  await setArticlePublishedAt(ctx.db, NEW.id, at(10, '10:05'));
  const byKey: Record<ArticleKey, CreatedArticle> = { NET, BIL, NEW };

  const ids: Record<string, number> = {};
  for (const c of CONTACTS) {
    const opened = await ok(
      await admin.post('/api/contacts', {
        channel: c.channel,
        agentId: users[c.agent],
        startedAt: at(...c.start),
        ...(c.ref !== null && { customerRef: c.ref }),
      }),
      `opening ${c.key}`,
      201,
    );
    ids[c.key] = opened.id;
    for (const a of c.tried ?? [])
      await ok(
        await admin.post(`/api/contacts/${opened.id}/tried`, { articleId: byKey[a].id }),
        `${c.key} tried`,
      );
    for (const s of SEARCHES.filter((x) => x.contact === c.key)) await logSearch(ctx, s);
    if (!c.close) continue;
    const closedAt = at(...c.close);
    const body =
      c.outcome === 'solved'
        ? { outcome: 'solved', articleId: c.article ? byKey[c.article].id : null, closedAt }
        : c.outcome === 'escalated'
          ? {
              outcome: 'escalated',
              department: c.to,
              reason: 'Needs the specialists.',
              needsArticle: c.needsArticle ?? false,
              closedAt,
            }
          : { outcome: 'follow_up', closedAt };
    await ok(await admin.post(`/api/contacts/${opened.id}/close`, body), `closing ${c.key}`);
  }
  for (const s of SEARCHES.filter((x) => x.contact === null)) await logSearch(ctx, s);

  async function logSearch(ctx: TestContext, s: SearchSpec) {
    const id = await insertSearchEvent(ctx.db, {
      userId: users[s.user],
      contactId: s.contact === null ? null : ids[s.contact]!,
      query: s.query,
      normalizedQuery: normalizeQuery(s.query),
      filters: {},
      resultCount: s.results,
      shownIds: [],
      tookMs: 3,
      at: at(...s.at),
    });
    if (s.opened)
      await ctx.db.run('UPDATE search_events SET opened_id = ? WHERE id = ?', [
        byKey[s.opened].id,
        id,
      ]);
  }

  // One open flag on NET (article impact).
  await ok(
    await agent.post(`/api/articles/${NET.id}/flags`, {
      reason: 'unclear',
      comment: 'Step 2 needs a screenshot.',
    }),
    'flagging NET',
    201,
  );

  // Articles written for the "needs an article" requests (time to publish), dated by hand:
  //   P1 for c16 (asked at(22,'10:10')): not validated +24 h, validated +72 h
  //   P2 for c3  (asked at(17,'10:30')): not validated +48 h, never validated
  //   P3 for c17 (asked at(14,'10:10')): created validated +6 h
  const request = async (key: string) =>
    (await ctx.db.get<{ id: number }>('SELECT id FROM article_requests WHERE contact_id = ?', [
      ids[key]!,
    ]))!.id;
  const P1 = await createArticle(engineer, {
    title: 'Mesh satellite firmware rollback',
    confidence: 'not_validated',
    requestId: await request('c16'),
  });
  const P2 = await createArticle(engineer, {
    title: 'Router login loop in the app',
    confidence: 'not_validated',
    requestId: await request('c3'),
  });
  const P3 = await createArticle(engineer, {
    title: 'Fibre box red light after storm',
    requestId: await request('c17'),
  });
  await ok(
    await engineer.post(`/api/articles/${P1.id}/confidence`, { to: 'validated', version: 1 }),
    'validating P1',
  );
  await setArticlePublishedAt(ctx.db, P1.id, at(21, '10:10'));
  await setVersionTime(ctx, P1.id, 2, at(19, '10:10'));
  await setArticlePublishedAt(ctx.db, P2.id, at(15, '10:30'));
  await setArticlePublishedAt(ctx.db, P3.id, at(14, '16:10'));

  return {
    admin,
    manager,
    agent,
    engineer,
    users,
    articles: { NET, BIL, NEW, P1, P2, P3 },
    ids,
  };
}

export const setVersionTime = (ctx: TestContext, articleId: number, version: number, iso: string) =>
  ctx.db.run('UPDATE article_versions SET created_at = ? WHERE article_id = ? AND version = ?', [
    iso,
    articleId,
    version,
  ]);

/** GET a stats endpoint with query parameters. */
export function stats(c: Client, endpoint: string, params: Record<string, string | number> = {}) {
  const qs = new URLSearchParams(
    Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();
  return c.get(`/api/stats/${endpoint}${qs ? `?${qs}` : ''}`);
}

export interface Summary {
  contacts: number;
  solved: number;
  escalated: number;
  followUp: number;
  fcrClaimed: number | null;
  fcrVerified: number | null;
  fcrVerifiedEligible: number;
  escalationRate: number | null;
  escalationsAvoided: number;
  escalationsAvoidedValue: number;
  linkRate: number | null;
  reuseRate: number | null;
}

const rate = (n: number, d: number) => (d === 0 ? null : n / d);

/**
 * The summary of some fixture contacts from their hand-worked flags: only counting and
 * dividing (series buckets are sums of the contacts closed in them).
 */
export function summaryOf(specs: readonly ContactSpec[], value = 69 - 22): Summary {
  const n = (p: (c: ContactSpec) => boolean | undefined) => specs.filter((c) => p(c)).length;
  const solved = n((c) => c.outcome === 'solved');
  const escalated = n((c) => c.outcome === 'escalated');
  const eligible = n((c) => c.eligible);
  const withArticle = n((c) => c.article !== undefined);
  return {
    contacts: specs.length,
    solved,
    escalated,
    followUp: n((c) => c.outcome === 'follow_up'),
    fcrClaimed: rate(solved, specs.length),
    fcrVerified: rate(
      n((c) => c.verified),
      eligible,
    ),
    fcrVerifiedEligible: eligible,
    escalationRate: rate(escalated, specs.length),
    escalationsAvoided: n((c) => c.avoided),
    escalationsAvoidedValue: n((c) => c.avoided) * value,
    linkRate: rate(
      n((c) => c.linked),
      specs.length,
    ),
    reuseRate: rate(
      n((c) => c.reused),
      withArticle,
    ),
  };
}

/** Contacts of the fixture closed in RANGE, newest close first (drill-down order). */
export const inRange = (): ContactSpec[] =>
  CONTACTS.filter((c) => c.close && c.close[0] >= 1 && c.close[0] <= 40).sort((a, b) =>
    at(...b.close!).localeCompare(at(...a.close!)),
  );

/** Monday of the ISO week of a YYYY-MM-DD day. */
export function mondayOf(isoDay: string): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** Every day of an inclusive range of days, oldest first. */
export function daysOf(range: { from: string; to: string }): string[] {
  const out: string[] = [];
  for (let t = Date.parse(range.from); t <= Date.parse(range.to); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

export const EMPTY_SUMMARY: Summary = {
  contacts: 0,
  solved: 0,
  escalated: 0,
  followUp: 0,
  fcrClaimed: null,
  fcrVerified: null,
  fcrVerifiedEligible: 0,
  escalationRate: null,
  escalationsAvoided: 0,
  escalationsAvoidedValue: 0,
  linkRate: null,
  reuseRate: null,
};
