import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../../server/db/connection';
import { migrate } from '../../server/db/migrate';
import { BURST_MS } from '../../server/domain/searchBursts';
import { SearchLog } from '../../server/services/search/searchLog';
import { upsertDepartment, findDepartmentBySlug } from '../../server/stores/departments';
import type { SearchEventData } from '../../server/stores/searchEvents';
import { insertUser } from '../../server/stores/users';
import { makeTestApp, signedIn, USERS, type Client, type TestContext } from '../helpers/app';
import { ago, DAY, search } from '../helpers/contacts';
import {
  createArticle,
  type CreatedArticle,
  openContact,
  secondAgent,
  userId,
} from '../helpers/factories';

interface EventRow {
  id: number;
  user_id: number;
  contact_id: number | null;
  query: string;
  normalized_query: string;
  filters: string;
  result_count: number;
  shown_ids: string;
  opened_id: number | null;
  took_ms: number;
  created_at: string;
  updated_at: string;
}

interface Hit {
  id: number;
  slug: string;
  title: string;
  issueLine: string;
  steps: string[];
  confidence: string;
  department: string;
  departmentName: string;
  products: string[];
  solves30d: number;
  why: string[];
  score: number;
}

const eventsOf = (ctx: TestContext, userId: number) =>
  ctx.db.all<EventRow>('SELECT * FROM search_events WHERE user_id = ? ORDER BY id', [userId]);

const hitsOf = (body: { data: { hits: Hit[] } }) => body.data.hits;

/** Solves `articleId` in `n` contacts the admin imports for the agent, closed `daysAgo` days ago. */
async function importSolves(
  admin: Client,
  agentId: number,
  articleId: number,
  n: number,
  daysAgo: number,
) {
  for (let i = 0; i < n; i++) {
    const started = ago(daysAgo * DAY + (i + 1) * 60_000 + 600_000);
    const { body } = await admin
      .post('/api/contacts', { channel: 'phone', agentId, startedAt: started })
      .expect(201);
    await admin
      .post(`/api/contacts/${body.data.id}/close`, {
        outcome: 'solved',
        articleId,
        closedAt: ago(daysAgo * DAY + (i + 1) * 60_000),
      })
      .expect(200);
  }
}

describe('search events', () => {
  let ctx: TestContext;
  let agent: Client;
  let agentId: number;
  let other: Client;
  let engineer: Client;
  let billingEngineer: Client;
  let admin: Client;

  beforeAll(async () => {
    ctx = await makeTestApp();
    [agent, engineer, billingEngineer, admin] = await Promise.all([
      signedIn(ctx, 'agent'),
      signedIn(ctx, 'engineer'),
      signedIn(ctx, 'billingEngineer'),
      signedIn(ctx, 'admin'),
    ]);
    agentId = await userId(ctx, USERS.agent.email);
    other = (await secondAgent(ctx)).client;
    await createArticle(engineer, {
      title: 'Router power light blinks orange',
      issue: 'The router keeps blinking orange after the update.',
      products: ['FH-300 router'],
    });
    await createArticle(engineer, {
      title: 'Router blinks red on boot',
      issue: 'Red light right after power on.',
      products: ['FH-300 router', 'Fibre 500'],
    });
    await createArticle(billingEngineer, {
      title: 'Router rental missing on invoice',
      issue: 'The router rental line is missing from the invoice.',
      department: 'billing',
      products: ['Invoice'],
    });
  });
  afterAll(() => ctx.close());

  describe('storage', () => {
    it('stores every search: user, contact, query, normalized query, filters, counts, shown ids, time', async () => {
      const c = await openContact(agent);
      const before = (await eventsOf(ctx, agentId)).length;
      const res = await search(agent, { q: '  Router  BLINKS! ', contactId: c.id }).expect(200);
      const hits = hitsOf(res.body);
      expect(hits.length).toBeGreaterThan(1);
      const events = await eventsOf(ctx, agentId);
      expect(events).toHaveLength(before + 1);
      const e = events.at(-1)!;
      expect(e).toMatchObject({
        user_id: agentId,
        contact_id: c.id,
        query: 'Router  BLINKS!',
        normalized_query: 'router blinks',
        result_count: res.body.data.total,
        opened_id: null,
      });
      expect(JSON.parse(e.filters)).toEqual({});
      expect(JSON.parse(e.shown_ids)).toEqual(hits.map((h) => h.id));
      expect(e.took_ms).toBeGreaterThanOrEqual(0);
      expect(e.created_at).toBe(e.updated_at);
      expect(Math.abs(Date.parse(e.created_at) - Date.now())).toBeLessThan(10_000);
      // the contact shows it
      const contact = await agent.get(`/api/contacts/${c.id}`).expect(200);
      expect(contact.body.data.searches).toEqual([
        { query: 'Router  BLINKS!', resultCount: res.body.data.total, at: e.updated_at },
      ]);
    });

    it('stores searches outside a contact with contact_id null, and the filters as JSON', async () => {
      const res = await search(agent, {
        q: 'router',
        department: 'network',
        product: 'FH-300 router',
        limit: 1,
      }).expect(200);
      const e = (await eventsOf(ctx, agentId)).at(-1)!;
      expect(e.contact_id).toBeNull();
      expect(e.query).toBe('router');
      expect(JSON.parse(e.filters)).toEqual({ department: 'network', product: 'FH-300 router' });
      // limit=1: one shown, but the count is of everything that matched the filters
      expect(JSON.parse(e.shown_ids)).toEqual([hitsOf(res.body)[0]!.id]);
      expect(e.result_count).toBe(2);
      expect(res.body.data.total).toBe(2);
    });

    it('stores a search that found nothing, with an empty shown list', async () => {
      await search(agent, { q: 'xylophone' }).expect(200);
      const e = (await eventsOf(ctx, agentId)).at(-1)!;
      expect(e).toMatchObject({ query: 'xylophone', result_count: 0, shown_ids: '[]' });
    });

    it('does not store an empty or punctuation-only query', async () => {
      const before = (await eventsOf(ctx, agentId)).length;
      await search(agent, { q: '' }).expect(200);
      await search(agent, { q: '   ' }).expect(200);
      await search(agent, { q: '?!' }).expect(200);
      expect(await eventsOf(ctx, agentId)).toHaveLength(before);
    });

    it('stores each user’s searches under their own id', async () => {
      const engineerId = await userId(ctx, USERS.engineer.email);
      const before = (await eventsOf(ctx, engineerId)).length;
      await search(engineer, { q: 'invoice' }).expect(200);
      const events = await eventsOf(ctx, engineerId);
      expect(events).toHaveLength(before + 1);
      expect(events.at(-1)!.query).toBe('invoice');
    });
  });

  describe('as-you-type bursts', () => {
    it('folds "rou" … "router blink" into one row holding the last query', async () => {
      const c = await openContact(agent);
      const before = (await eventsOf(ctx, agentId)).length;
      let last: { total: number; hits: Hit[] } | undefined;
      for (const q of ['rou', 'rout', 'router', 'router blin', 'router blink'])
        last = (await search(agent, { q, contactId: c.id }).expect(200)).body.data;
      const events = (await eventsOf(ctx, agentId)).slice(before);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        contact_id: c.id,
        query: 'router blink',
        normalized_query: 'router blink',
        result_count: last!.total,
      });
      expect(JSON.parse(events[0]!.shown_ids)).toEqual(last!.hits.map((h) => h.id));
      expect(events[0]!.updated_at >= events[0]!.created_at).toBe(true);

      // a different query: a new row
      await search(agent, { q: 'invoice', contactId: c.id }).expect(200);
      const after = (await eventsOf(ctx, agentId)).slice(before);
      expect(after.map((e) => e.query)).toEqual(['router blink', 'invoice']);
      const contact = await agent.get(`/api/contacts/${c.id}`).expect(200);
      expect(contact.body.data.searches.map((s: { query: string }) => s.query)).toEqual([
        'router blink',
        'invoice',
      ]);
    });

    it('folds backspacing and fixing the last word into the same row', async () => {
      const c = await openContact(agent);
      const before = (await eventsOf(ctx, agentId)).length;
      for (const q of ['router blinkk', 'router blink', 'router blnk', 'router blinks'])
        await search(agent, { q, contactId: c.id }).expect(200);
      const events = (await eventsOf(ctx, agentId)).slice(before);
      expect(events.map((e) => e.query)).toEqual(['router blinks']);
    });

    it('starts a new row when the contact changes, even mid-word', async () => {
      const a = await openContact(agent);
      const b = await openContact(agent);
      const before = (await eventsOf(ctx, agentId)).length;
      await search(agent, { q: 'rout', contactId: a.id }).expect(200);
      await search(agent, { q: 'router', contactId: b.id }).expect(200);
      await search(agent, { q: 'router blink' }).expect(200);
      const events = (await eventsOf(ctx, agentId)).slice(before);
      expect(events.map((e) => [e.contact_id, e.query])).toEqual([
        [a.id, 'rout'],
        [b.id, 'router'],
        [null, 'router blink'],
      ]);
    });

    it('keeps two users typing at once in separate rows', async () => {
      const otherId = await userId(ctx, 'agent2@test.example');
      const [mine, theirs] = await Promise.all([openContact(agent), openContact(other)]);
      for (const [q, r] of [
        ['rou', 'inv'],
        ['rout', 'invo'],
        ['route', 'invoi'],
        ['router', 'invoice'],
      ] as const) {
        await Promise.all([
          search(agent, { q, contactId: mine.id }).expect(200),
          search(other, { q: r, contactId: theirs.id }).expect(200),
        ]);
      }
      const events = await ctx.db.all<{ user_id: number; query: string }>(
        'SELECT user_id, query FROM search_events WHERE contact_id IN (?, ?) ORDER BY id',
        [mine.id, theirs.id],
      );
      expect(events.sort((a, b) => a.user_id - b.user_id)).toEqual(
        [
          { user_id: agentId, query: 'router' },
          { user_id: otherId, query: 'invoice' },
        ].sort((a, b) => a.user_id - b.user_id),
      );
    });

    it('folds keystrokes whose requests overlap into one row', async () => {
      const c = await openContact(agent);
      const before = (await eventsOf(ctx, agentId)).length;
      await Promise.all(
        ['r', 'ro', 'rou', 'rout', 'route', 'router'].map((q) =>
          search(agent, { q, contactId: c.id }).expect(200),
        ),
      );
      expect((await eventsOf(ctx, agentId)).slice(before)).toHaveLength(1);
    });

    describe('after more than BURST_MS', () => {
      afterEach(() => jest.useRealTimers());

      it('starts a new row even for a continuation of the same query', async () => {
        const c = await openContact(agent);
        const before = (await eventsOf(ctx, agentId)).length;
        // only Date is faked: sockets, timers and the event loop keep running for supertest
        jest.useFakeTimers({
          doNotFake: [
            'hrtime',
            'nextTick',
            'performance',
            'queueMicrotask',
            'requestAnimationFrame',
            'cancelAnimationFrame',
            'requestIdleCallback',
            'cancelIdleCallback',
            'setImmediate',
            'clearImmediate',
            'setInterval',
            'clearInterval',
            'setTimeout',
            'clearTimeout',
          ],
          now: Date.now(),
        });
        await search(agent, { q: 'router', contactId: c.id }).expect(200);
        jest.setSystemTime(Date.now() + BURST_MS - 500);
        await search(agent, { q: 'router blink', contactId: c.id }).expect(200);
        jest.setSystemTime(Date.now() + BURST_MS + 1);
        await search(agent, { q: 'router blinks', contactId: c.id }).expect(200);
        jest.useRealTimers();
        const events = (await eventsOf(ctx, agentId)).slice(before);
        expect(events.map((e) => e.query)).toEqual(['router blink', 'router blinks']);
        expect(Date.parse(events[1]!.created_at) - Date.parse(events[0]!.updated_at)).toBe(
          BURST_MS + 1,
        );
      });
    });
  });

  describe('contact checks', () => {
    it('answers 403 contact_not_yours for another agent’s contact and stores nothing', async () => {
      const theirs = await openContact(other);
      const before = (await eventsOf(ctx, agentId)).length;
      const res = await search(agent, { q: 'router', contactId: theirs.id });
      expect(res.status).toBe(403);
      expect(res.body.error.id).toBe('contact_not_yours');
      expect(res.body).not.toHaveProperty('data');
      expect(await eventsOf(ctx, agentId)).toHaveLength(before);
      const count = await ctx.db.get<{ n: number }>(
        'SELECT count(*) AS n FROM search_events WHERE contact_id = ?',
        [theirs.id],
      );
      expect(count!.n).toBe(0);
    });

    it('answers 409 contact_closed for a closed contact and stores nothing', async () => {
      const c = await openContact(agent);
      await agent.post(`/api/contacts/${c.id}/close`, { outcome: 'solved' }).expect(200);
      const before = (await eventsOf(ctx, agentId)).length;
      const res = await search(agent, { q: 'router', contactId: c.id });
      expect(res.status).toBe(409);
      expect(res.body.error.id).toBe('contact_closed');
      expect(await eventsOf(ctx, agentId)).toHaveLength(before);
    });

    it('answers 404 for an unknown contact and 400 for a malformed contactId', async () => {
      expect((await search(agent, { q: 'router', contactId: 999_999 })).status).toBe(404);
      const bad = await search(agent, { q: 'router', contactId: 'abc' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe('contactId');
    });

    it('lets an admin search within an agent’s contact', async () => {
      const c = await openContact(agent);
      await search(admin, { q: 'invoice', contactId: c.id }).expect(200);
      const contact = await agent.get(`/api/contacts/${c.id}`).expect(200);
      expect(contact.body.data.searches.map((s: { query: string }) => s.query)).toEqual([
        'invoice',
      ]);
    });
  });
});

describe('answer-first hits, facets and filters', () => {
  let ctx: TestContext;
  let agent: Client;
  let engineer: Client;
  let billingEngineer: Client;
  let steps: CreatedArticle;

  beforeAll(async () => {
    ctx = await makeTestApp();
    [agent, engineer, billingEngineer] = await Promise.all([
      signedIn(ctx, 'agent'),
      signedIn(ctx, 'engineer'),
      signedIn(ctx, 'billingEngineer'),
    ]);
    steps = await createArticle(engineer, {
      title: 'Kelpwave modem loses sync',
      issue: 'The kelpwave modem drops the line every hour. It comes back after a minute.',
      resolution:
        '1. Open the **status** page.\n2. Note the SNR.\n3. Lower the sync profile.\n4. Reboot.\n5. Watch for an hour.',
      products: ['Kelpwave modem', 'Fibre 500'],
    });
    await createArticle(engineer, {
      title: 'Kelpwave modem firmware',
      issue: 'Kelpwave needs the new firmware!',
      resolution: 'Install the firmware from the portal.',
      products: ['Kelpwave modem'],
    });
    await createArticle(billingEngineer, {
      title: 'Kelpwave rental on the invoice',
      issue: 'The kelpwave rental shows twice? Check the invoice.',
      department: 'billing',
      products: ['Invoice'],
    });
  });
  afterAll(() => ctx.close());

  it('carries issueLine (first sentence), up to three plain-text steps, solves30d and why', async () => {
    const res = await search(agent, { q: 'kelpwave sync' }).expect(200);
    const hit = hitsOf(res.body).find((h) => h.id === steps.id)!;
    expect(hit).toMatchObject({
      issueLine: 'The kelpwave modem drops the line every hour.',
      steps: ['Open the status page.', 'Note the SNR.', 'Lower the sync profile.'],
      solves30d: 0,
      why: ['Validated'],
      department: 'network',
      departmentName: 'Network Engineering',
      confidence: 'validated',
    });
    expect(hit.score).toEqual(expect.any(Number));
    for (const h of hitsOf(res.body)) {
      expect(h.steps.length).toBeLessThanOrEqual(3);
      expect(h.issueLine).not.toMatch(/<|\*\*/);
      for (const s of h.steps) expect(s).not.toMatch(/<|\*\*|^\d+\./);
    }
    const firmware = hitsOf(res.body).find((h) => h.title === 'Kelpwave modem firmware');
    expect(firmware?.issueLine).toBe('Kelpwave needs the new firmware!');
    expect(firmware?.steps).toEqual(['Install the firmware from the portal.']);
  });

  it('counts departments and products in facets', async () => {
    const res = await search(agent, { q: 'kelpwave' }).expect(200);
    expect(res.body.data.facets).toEqual({
      departments: [
        { slug: 'network', name: 'Network Engineering', count: 2 },
        { slug: 'billing', name: 'Billing', count: 1 },
      ],
      products: [
        { name: 'Kelpwave modem', count: 2 },
        { name: 'Fibre 500', count: 1 },
        { name: 'Invoice', count: 1 },
      ],
    });
    expect(res.body.data.total).toBe(3);
  });

  it('narrows hits by department and by product (case-insensitive)', async () => {
    const byDepartment = await search(agent, { q: 'kelpwave', department: 'billing' }).expect(200);
    expect(hitsOf(byDepartment.body).map((h) => h.title)).toEqual([
      'Kelpwave rental on the invoice',
    ]);
    expect(byDepartment.body.data.total).toBe(1);

    const byProduct = await search(agent, { q: 'kelpwave', product: 'kelpwave MODEM' }).expect(200);
    expect(
      hitsOf(byProduct.body)
        .map((h) => h.title)
        .sort(),
    ).toEqual(['Kelpwave modem firmware', 'Kelpwave modem loses sync']);
    expect(byProduct.body.data.total).toBe(2);

    const both = await search(agent, {
      q: 'kelpwave',
      department: 'network',
      product: 'Fibre 500',
    }).expect(200);
    expect(hitsOf(both.body).map((h) => h.id)).toEqual([steps.id]);

    const none = await search(agent, { q: 'kelpwave', department: 'platform' }).expect(200);
    expect(none.body.data).toMatchObject({ total: 0, hits: [] });
  });
});

describe('ranking by trust and recent solves', () => {
  let ctx: TestContext;
  let agent: Client;
  let agentId: number;
  let engineer: Client;
  let admin: Client;

  beforeAll(async () => {
    ctx = await makeTestApp();
    [agent, engineer, admin] = await Promise.all([
      signedIn(ctx, 'agent'),
      signedIn(ctx, 'engineer'),
      signedIn(ctx, 'admin'),
    ]);
    agentId = await userId(ctx, USERS.agent.email);
  });
  afterAll(() => ctx.close());

  /** Two articles identical in every searchable field; only the slug (and what is overridden) differs. */
  const twin = (slug: string, o: Record<string, unknown>) =>
    createArticle(engineer, {
      slug,
      title: `${o.word as string} gateway drops calls`,
      issue: `Calls through the ${o.word as string} gateway drop after ten minutes.`,
      resolution: '1. Disable SIP ALG.\n2. Save.',
      environment: '',
      cause: '',
      products: ['Voice gateway'],
      tags: [],
      ...o,
      word: undefined,
    });

  it('puts a validated article above a not-validated twin of equal text relevance', async () => {
    // the not-validated one is created first, so on text alone it would not lose the tie
    const unvalidated = await twin('zephyr-a', { word: 'zephyr', confidence: 'not_validated' });
    const valid = await twin('zephyr-b', { word: 'zephyr', confidence: 'validated' });
    const engine = ctx.search.candidates('zephyr', { audience: 'agents', limit: 10 });
    expect(engine.top.map((c) => c.score)).toEqual([engine.top[0]!.score, engine.top[0]!.score]); // equal text relevance
    const res = await search(agent, { q: 'zephyr' }).expect(200);
    const hits = hitsOf(res.body);
    expect(hits.map((h) => h.id)).toEqual([valid.id, unvalidated.id]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(hits[0]!.why).toContain('Validated');
    expect(hits[1]!.why).toContain('Not validated yet');
  });

  it('shows solves in the last 30 days and ranks the recently solving twin first', async () => {
    const first = await twin('quill-a', { word: 'quillfeather' });
    const second = await twin('quill-b', { word: 'quillfeather' });
    const before = hitsOf((await search(agent, { q: 'quillfeather' }).expect(200)).body);
    expect(before.map((h) => h.solves30d)).toEqual([0, 0]);
    expect(before[0]!.score).toBe(before[1]!.score);
    // whichever the tie put second gets the solves
    const loser = before[1]!.id;
    const winner = before[0]!.id;
    expect([winner, loser].sort()).toEqual([first.id, second.id].sort());

    await importSolves(admin, agentId, loser, 3, 2);
    const after = hitsOf((await search(agent, { q: 'quillfeather' }).expect(200)).body);
    expect(after.map((h) => h.id)).toEqual([loser, winner]);
    expect(after[0]).toMatchObject({ solves30d: 3 });
    expect(after[0]!.why).toContain('Solved 3 contacts in the last 30 days');
    expect(after[1]).toMatchObject({ solves30d: 0 });
    expect(after[1]!.why.some((w) => w.startsWith('Solved'))).toBe(false);
    expect(after[0]!.score).toBeGreaterThan(after[1]!.score);
  });

  it('counts an agent’s solve at once and says "1 contact" in the singular', async () => {
    const a = await twin('osprey-a', { word: 'osprey' });
    const c = await openContact(agent);
    await agent
      .post(`/api/contacts/${c.id}/close`, { outcome: 'solved', articleId: a.id })
      .expect(200);
    const hit = hitsOf((await search(agent, { q: 'osprey' }).expect(200)).body)[0]!;
    expect(hit).toMatchObject({ id: a.id, solves30d: 1 });
    expect(hit.why).toContain('Solved 1 contact in the last 30 days');
  });

  it('does not count a solve closed more than 30 days ago', async () => {
    const a = await twin('heron-a', { word: 'heron' });
    // a search first, so the lazy recount has run and the next bump is not recounted away
    await search(agent, { q: 'heron' }).expect(200);
    await search(agent, { q: 'heron' }).expect(200);
    await importSolves(admin, agentId, a.id, 1, 40);
    await importSolves(admin, agentId, a.id, 2, 5);
    const since = new Date(Date.now() - 30 * DAY).toISOString();
    const stored = await ctx.db.all<{ recent: number }>(
      `SELECT closed_at >= ? AS recent FROM contacts WHERE article_id = ? ORDER BY closed_at`,
      [since, a.id],
    );
    expect(stored).toEqual([{ recent: 0 }, { recent: 1 }, { recent: 1 }]);
    const hit = hitsOf((await search(agent, { q: 'heron' }).expect(200)).body)[0]!;
    expect(hit.id).toBe(a.id);
    expect(hit.solves30d).toBe(2);
    expect(hit.why).toContain('Solved 2 contacts in the last 30 days');
  });

  it('does not count contacts that were not solved with the article', async () => {
    const a = await twin('egret-a', { word: 'egret' });
    const c = await openContact(agent);
    await agent.post(`/api/contacts/${c.id}/tried`, { articleId: a.id }).expect(200);
    await agent.post(`/api/contacts/${c.id}/opened`, { articleId: a.id }).expect(200);
    await agent
      .post(`/api/contacts/${c.id}/close`, {
        outcome: 'escalated',
        department: 'network',
        reason: 'Did not help',
      })
      .expect(200);
    const hit = hitsOf((await search(agent, { q: 'egret' }).expect(200)).body)[0]!;
    expect(hit.solves30d).toBe(0);
  });
});

describe('solve counts from the database', () => {
  let ctx: TestContext;
  let agent: Client;
  let engineer: Client;
  beforeAll(async () => {
    ctx = await makeTestApp();
    [agent, engineer] = await Promise.all([signedIn(ctx, 'agent'), signedIn(ctx, 'engineer')]);
  });
  afterAll(() => ctx.close());

  it('recounts solves stored without the API (imports, other processes) within the window only', async () => {
    const a = await createArticle(engineer, { title: 'Pelican voicemail greeting lost' });
    const agentId = await userId(ctx, USERS.agent.email);
    const frontline = (await ctx.db.get<{ id: number }>(
      "SELECT id FROM departments WHERE slug = 'frontline'",
    ))!.id;
    const network = (await ctx.db.get<{ id: number }>(
      "SELECT id FROM departments WHERE slug = 'network'",
    ))!.id;
    for (const closedAt of [
      ago(1 * DAY),
      ago(10 * DAY),
      ago(29 * DAY),
      ago(31 * DAY),
      ago(90 * DAY),
    ]) {
      await ctx.db.run(
        `INSERT INTO contacts (agent_id, agent_department_id, channel, started_at, closed_at,
           outcome, article_id, article_department_id)
         VALUES (?, ?, 'phone', ?, ?, 'solved', ?, ?)`,
        [agentId, frontline, closedAt, closedAt, a.id, network],
      );
    }
    // counted at start (before these rows): still 0 within the minute
    const before = hitsOf((await search(agent, { q: 'pelican voicemail' }).expect(200)).body)[0]!;
    expect(before).toMatchObject({ id: a.id, solves30d: 0 });
    // a minute later, the first search starts the recount; the next one sees it
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    try {
      await search(agent, { q: 'pelican voicemail' }).expect(200);
      const hit = hitsOf((await search(agent, { q: 'pelican voicemail' }).expect(200)).body)[0]!;
      expect(hit).toMatchObject({ id: a.id, solves30d: 3 });
    } finally {
      clock.mockRestore();
    }
  });
});

describe('SearchLog with a real database', () => {
  let dir: string;
  let db: Database;
  let userA: number;
  let userB: number;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstcall-searchlog-'));
    db = await Database.open(path.join(dir, 'log.db'));
    await migrate(db);
    await upsertDepartment(db, { slug: 'frontline', name: 'Contact Center', kind: 'frontline' });
    const dept = (await findDepartmentBySlug(db, 'frontline'))!.id;
    const user = (email: string) =>
      insertUser(db, { email, name: email, role: 'agent', departmentId: dept, passwordHash: 'x' });
    userA = await user('a@test.example');
    userB = await user('b@test.example');
  });
  afterAll(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const T0 = Date.parse('2026-06-01T10:00:00.000Z');
  const event = (userId: number, query: string, ms: number, over: Partial<SearchEventData> = {}) =>
    ({
      userId,
      contactId: null,
      query,
      normalizedQuery: query.toLowerCase(),
      filters: {},
      resultCount: query.length,
      shownIds: [query.length],
      tookMs: 1.5,
      at: new Date(T0 + ms).toISOString(),
      ...over,
    }) satisfies SearchEventData;
  const rows = (userId: number) =>
    db.all<EventRow>('SELECT * FROM search_events WHERE user_id = ? ORDER BY id', [userId]);

  it('folds a burst, keeping created_at and moving updated_at, result_count and shown_ids', async () => {
    const log = new SearchLog(db);
    await log.record(event(userA, 'rou', 0));
    await log.record(event(userA, 'rout', 800));
    await log.record(event(userA, 'router', 1600, { filters: { department: 'network' } }));
    const [row, ...rest] = await rows(userA);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({
      query: 'router',
      normalized_query: 'router',
      result_count: 6,
      shown_ids: '[6]',
      filters: '{"department":"network"}',
      took_ms: 1.5,
      created_at: new Date(T0).toISOString(),
      updated_at: new Date(T0 + 1600).toISOString(),
    });
  });

  it('measures the gap from the last keystroke, not the first: a slow typist stays one row', async () => {
    const log = new SearchLog(db);
    await db.run('DELETE FROM search_events');
    // each keystroke 3 s after the previous one: 9 s in total, never a gap over BURST_MS
    for (const [i, q] of ['rou', 'rout', 'route', 'router'].entries())
      await log.record(event(userA, q, i * 3000));
    expect((await rows(userA)).map((r) => r.query)).toEqual(['router']);
  });

  it('starts a new row after a gap of more than BURST_MS, and not at exactly BURST_MS', async () => {
    const log = new SearchLog(db);
    await db.run('DELETE FROM search_events');
    await log.record(event(userA, 'router', 0));
    await log.record(event(userA, 'router blink', BURST_MS)); // exactly: same burst
    await log.record(event(userA, 'router blinks', 2 * BURST_MS + 1)); // 1 ms over: new row
    expect((await rows(userA)).map((r) => [r.query, r.created_at])).toEqual([
      ['router blink', new Date(T0).toISOString()],
      ['router blinks', new Date(T0 + 2 * BURST_MS + 1).toISOString()],
    ]);
  });

  it('keeps users apart and writes concurrent records of one user in order', async () => {
    const log = new SearchLog(db);
    await db.run('DELETE FROM search_events');
    await Promise.all([
      log.record(event(userA, 'rou', 0)),
      log.record(event(userB, 'inv', 0)),
      log.record(event(userA, 'rout', 100)),
      log.record(event(userB, 'invo', 100)),
      log.record(event(userA, 'router', 200)),
      log.record(event(userB, 'modem', 200)),
    ]);
    expect((await rows(userA)).map((r) => r.query)).toEqual(['router']);
    expect((await rows(userB)).map((r) => r.query)).toEqual(['invo', 'modem']);
  });

  it('keeps logging after a failed write', async () => {
    const log = new SearchLog(db);
    await db.run('DELETE FROM search_events');
    // a user that does not exist violates the foreign key
    await expect(log.record(event(999_999, 'boom', 0))).rejects.toThrow();
    await log.record(event(userA, 'after', 0));
    expect((await rows(userA)).map((r) => r.query)).toEqual(['after']);
  });
});
