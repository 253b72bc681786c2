/**
 * The metric catalogue (server/contract/metrics.ts) names SQL columns by convention: each
 * contact fact is a column of the view stats_contact_facts and of the roll-up contact_days, in
 * snake_case. A fact added to the catalogue without its columns (or the other way round) fails
 * here rather than in a dashboard.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONTACT_FACTS, DRILLS, METRICS, WINDOW_FACTS } from '../../server/contract/metrics';
import { Database } from '../../server/db/connection';
import { migrate } from '../../server/db/migrate';

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

describe('metric catalogue', () => {
  let dir: string;
  let db: Database;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstcall-metrics-'));
    db = await Database.open(path.join(dir, 'test.db'));
    await migrate(db);
  });
  afterAll(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const columns = async (table: string) =>
    (await db.all<{ name: string }>(`SELECT name FROM pragma_table_info(?)`, [table])).map(
      (c) => c.name,
    );

  it('has every contact fact as a column of the facts view and of contact_days', async () => {
    const facts = await columns('stats_contact_facts');
    const days = await columns('contact_days');
    for (const fact of CONTACT_FACTS) {
      expect([fact, facts]).toEqual([fact, expect.arrayContaining([snake(fact)])]);
      expect([fact, days]).toEqual([fact, expect.arrayContaining([snake(fact)])]);
    }
  });

  it('rebuilds each roll-up from a view with the same columns', async () => {
    for (const table of ['contact_days', 'solve_repeat_days', 'article_days', 'search_gap_days'])
      expect((await columns(`stats_rebuild_${table}`)).length).toBe((await columns(table)).length);
  });

  it('builds every metric from facts, and drills into facts', () => {
    const facts: readonly string[] = [...CONTACT_FACTS, ...WINDOW_FACTS];
    for (const m of METRICS) {
      expect(facts).toContain(m.numerator);
      if ('denominator' in m) expect(facts).toContain(m.denominator);
      if ('drill' in m) expect(Object.keys(DRILLS)).toContain(m.drill);
      expect(m.kind === 'rate').toBe('denominator' in m);
    }
    for (const d of Object.values(DRILLS)) if (d.fact !== null) expect(facts).toContain(d.fact);
  });
});
