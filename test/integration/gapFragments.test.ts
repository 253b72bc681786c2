/**
 * Content gaps fold as-you-type fragments (migration 008): a search that a later search of the
 * same contact extends ("rout" … "router blinking") counts in no gap; the longer query counts
 * once. Searches go through the API (the search log folds 4 s bursts first; a different query
 * in between ends a burst without waiting); the roll-ups must still equal a rebuild.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../../server/db/connection';
import { migrate, readMigrations } from '../../server/db/migrate';
import { rebuildStatsRollups } from '../../server/stores/statsRollups';
import { makeTestApp, signedIn, type Client, type TestContext } from '../helpers/app';
import { search } from '../helpers/contacts';
import { openContact } from '../helpers/factories';
import { day } from '../helpers/lifecycle';
import { stats } from '../helpers/stats';

type Gaps = Record<'zeroResults' | 'nothingOpened' | 'escalatedWithoutArticle', GapRow[]>;
interface GapRow {
  query: string;
  count: number;
  lastDay: string;
}

const rollups = async (db: Database) => ({
  days: await db.all(
    `SELECT * FROM search_gap_days WHERE n <> 0
     ORDER BY kind, day, normalized_query, agent_department_id, channel`,
  ),
  months: await db.all(
    `SELECT * FROM search_gap_months WHERE n <> 0
     ORDER BY kind, agent_department_id, channel, month, normalized_query`,
  ),
});

describe('content gaps: as-you-type fragments', () => {
  let ctx: TestContext;
  let agent: Client;
  let manager: Client;
  const range = { from: day(-1), to: day(0) };
  const gaps = async (params: Record<string, string> = {}): Promise<Gaps> => {
    const res = await stats(manager, 'gaps', { ...range, ...params });
    expect(res.status).toBe(200);
    return res.body.data as Gaps;
  };
  const counts = (rows: GapRow[]) => Object.fromEntries(rows.map((r) => [r.query, r.count]));
  /** Searches in order, as the agent types them (the search log decides what a burst is). */
  const type = async (queries: string[], contactId?: number) => {
    for (const q of queries) {
      const res = await search(agent, contactId === undefined ? { q } : { q, contactId });
      expect(res.status).toBe(200);
    }
  };

  beforeAll(async () => {
    // no articles: every search finds nothing
    ctx = await makeTestApp();
    agent = await signedIn(ctx, 'agent');
    manager = await signedIn(ctx, 'manager');
  });
  afterAll(() => ctx.close());

  it('folds a fragment into the longer query of the same contact, and only there', async () => {
    const a = await openContact(agent, { channel: 'phone' });
    // "printer" is no continuation of "rout": three events, "rout" extended later by the third
    await type(['rout', 'printer', 'router blinking'], a.id);
    const events = await ctx.db.all<{ normalized_query: string }>(
      'SELECT normalized_query FROM search_events WHERE contact_id = ? ORDER BY id',
      [a.id],
    );
    expect(events.map((e) => e.normalized_query)).toEqual(['rout', 'printer', 'router blinking']);
    // another contact's "rout" is extended by nothing of its own: a gap
    const b = await openContact(agent, { channel: 'chat' });
    await type(['rout'], b.id);
    // outside a contact nothing ties searches together: no folding
    await type(['wifi', 'zz other', 'wifi drops']);
    // the same query again is no extension: both count
    const c = await openContact(agent, { channel: 'phone' });
    await type(['modem', 'zz break', 'modem'], c.id);

    expect(counts((await gaps()).zeroResults)).toEqual({
      'router blinking': 1,
      printer: 1,
      rout: 1, // contact b's, not a's
      wifi: 1,
      'wifi drops': 1,
      'zz other': 1,
      modem: 2,
      'zz break': 1,
    });
    expect(counts((await gaps({ channel: 'chat' })).zeroResults)).toEqual({ rout: 1 });

    // closing a as escalated without an article: its gaps are the two whole queries
    const closed = await agent.post(`/api/contacts/${a.id}/close`, {
      outcome: 'escalated',
      department: 'network',
      reason: 'Needs a specialist.',
    });
    expect(closed.status).toBe(200);
    expect(counts((await gaps()).escalatedWithoutArticle)).toEqual({
      printer: 1,
      'router blinking': 1,
    });
  });

  it('follows a burst that rewrites the longer query (it may stop extending the fragment)', async () => {
    const d = await openContact(agent, { channel: 'email' });
    await type(['reset', 'zz pause', 'reset pass'], d.id);
    expect(counts((await gaps({ channel: 'email' })).zeroResults)).toEqual({
      'reset pass': 1,
      'zz pause': 1,
    });
    // backspacing within the burst rewrites its row to "reset": no longer longer than the
    // first "reset", which is a gap again, like the rewritten row
    await type(['reset'], d.id);
    expect(counts((await gaps({ channel: 'email' })).zeroResults)).toEqual({
      reset: 2,
      'zz pause': 1,
    });
  });

  it('keeps the roll-ups equal to a rebuild', async () => {
    const kept = await rollups(ctx.db);
    expect(kept.days.length).toBeGreaterThan(5);
    await ctx.db.transaction(async (tx) => rebuildStatsRollups(tx));
    expect(await rollups(ctx.db)).toEqual(kept);
  });
});

describe('migration 008 on a database that already has fragments', () => {
  it('recomputes the gap roll-ups under the new rule', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstcall-008-'));
    const before = path.join(dir, 'before');
    fs.mkdirSync(before);
    for (const m of readMigrations().filter((m) => m.version < 8))
      fs.writeFileSync(path.join(before, m.name), m.sql);
    const db = await Database.open(path.join(dir, 'test.db'));
    try {
      await migrate(db, before);
      await db.run(
        `INSERT INTO departments (slug, name, kind) VALUES ('frontline', 'F', 'frontline')`,
      );
      const { lastID: userId } = await db.run(
        `INSERT INTO users (email, name, role, department_id, password_hash)
         VALUES ('a@x.example', 'A', 'agent', 1, 'x')`,
      );
      const now = new Date().toISOString();
      const { lastID: contactId } = await db.run(
        `INSERT INTO contacts (agent_id, agent_department_id, channel, started_at)
         VALUES (?, 1, 'phone', ?)`,
        [userId, now],
      );
      for (const [q, ms] of [
        ['rout', 0],
        ['router blinking', 10_000],
      ] as const)
        await db.run(
          `INSERT INTO search_events (user_id, contact_id, query, normalized_query, result_count,
             shown_ids, took_ms, created_at, updated_at) VALUES (?, ?, ?, ?, 0, '[]', 1, ?, ?)`,
          [userId, contactId, q, q, now.slice(0, 11) + new Date(ms).toISOString().slice(11), now],
        );
      const queries = async () =>
        (
          await db.all<{ q: string }>(
            `SELECT normalized_query AS q FROM search_gap_days WHERE n > 0 ORDER BY 1`,
          )
        ).map((r) => r.q);
      expect(await queries()).toEqual(['rout', 'router blinking']);
      await migrate(db); // 008 (and whatever else is newer)
      expect(await queries()).toEqual(['router blinking']);
      const kept = await rollups(db);
      await db.transaction(async (tx) => rebuildStatsRollups(tx));
      expect(await rollups(db)).toEqual(kept);
    } finally {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
