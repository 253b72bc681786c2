import type { Database } from '../db/connection';
import * as bulk from '../stores/bulkHistory';
import { rebuildStatsRollups } from '../stores/statsRollups';
import { dailyCounts } from './bulk/calendar';
import { oneContact, type Generation } from './bulk/contact';
import { Customers } from './bulk/customers';
import { emptyRows, emptySummary, type BulkOptions, type BulkSummary } from './bulk/summary';
import { gapQueries, loadAgents, topicOf, zipf } from './bulk/topics';
import { mulberry32 } from './random';

export type { BulkOptions, BulkSummary } from './bulk/summary';

/**
 * Bulk history (`cli generate`): years of contacts at a large contact center, for measuring the
 * statistics at scale. Rows are generated in memory in chronological order and written with
 * multi-row INSERTs, 50,000 contacts per transaction; `next_contact_at` is then set for every
 * customer in one window-function UPDATE instead of two statements per contact.
 *
 * What it looks like: agents (and a few engineers) from the users table; topics from the
 * published articles (Zipf popularity); an article can only be found and linked once it was
 * published, so contacts about an article that does not exist yet are escalated more and file
 * "needs an article" requests, resolved when that article is published. 65% of contacts carry
 * a customer reference; 12% of those are the same customer calling again within about ten
 * days, so verified FCR sits visibly below claimed FCR. About 1.3 searches per contact; 7% of
 * contacts search for something no article covers (content gaps).
 *
 * Deterministic: the same seed, `now`, users and articles give the same rows.
 */
export async function generateBulkHistory(db: Database, o: BulkOptions): Promise<BulkSummary> {
  const started = performance.now();
  const random = mulberry32(o.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const now = (o.now ?? new Date()).getTime();

  const agents = await loadAgents(db);
  const topics = (await bulk.bulkArticles(db)).map((a) => topicOf(a, random));
  if (agents.length === 0) throw new Error('No agents or engineers: run `seed` or `user add`.');
  if (topics.length === 0) throw new Error('No published articles: run `seed` or `import`.');
  const topic = zipf(topics, random);
  /** The knowledge base grows: most callers' problems have an article by the time they call. */
  const topicAt = (at: number) => {
    let t = topic();
    for (let i = 0; i < 3 && t.publishedAt > at; i++) t = topic();
    return t;
  };

  const summary = emptySummary();
  const g: Generation = {
    random,
    pick,
    rows: emptyRows(),
    summary,
    topics,
    gapQueries: gapQueries(),
  };
  const customers = new Customers(o, random, summary);

  let nextId = (await bulk.maxContactId(db)) + 1;
  const chunk = o.chunk ?? 50_000;
  const cache = (await db.get<{ cache_size: number }>('PRAGMA cache_size'))!.cache_size;
  await db.run('PRAGMA cache_size = -262144'); // 256 MB: index pages stay in memory

  const flush = async () => {
    if (g.rows.contacts.length === 0) return;
    const batch = g.rows;
    g.rows = emptyRows();
    await db.transaction(async (tx) => {
      for (const table of [
        'contacts',
        'contact_articles',
        'search_events',
        'article_requests',
      ] as const)
        await bulk.insertRows(tx, table, batch[table]);
    });
    o.onProgress?.({
      done: summary.contacts,
      total: o.contacts,
      ms: Math.round(performance.now() - started),
    });
  };

  try {
    for (const [dayStart, count] of dailyCounts(o.contacts, o.days, now, random)) {
      const times = Array.from({ length: count }, () => dayStart.from + random() * dayStart.span);
      times.sort((a, b) => a - b);
      for (const startedAt of times) {
        const agent = pick(agents);
        const customerRef = customers.next();
        const contact = {
          id: nextId++,
          agent,
          customerRef,
          startedAt,
          channel: pick(['phone', 'phone', 'phone', 'chat', 'chat', 'email'] as const),
        };
        oneContact(g, contact, { topic: topicAt(startedAt), gap: random() < 0.07 });
        summary.contacts++;
        if (summary.contacts % chunk === 0) await flush();
      }
    }
    await flush();
    summary.ms.generate = Math.round(performance.now() - started);
    const nextStarted = performance.now();
    // contacts went in already closed, which the roll-ups' triggers do not follow: the
    // statistics are recomputed once at the end (until then they lag behind the rows)
    summary.nextContactUpdated = await db.transaction(async (tx) => {
      const updated = await bulk.recomputeNextContacts(tx);
      const rollupStarted = performance.now();
      await rebuildStatsRollups(tx);
      summary.ms.rollups = Math.round(performance.now() - rollupStarted);
      return updated;
    });
    summary.ms.nextContact = Math.round(performance.now() - nextStarted) - summary.ms.rollups;
    await db.run('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    await db.run(`PRAGMA cache_size = ${cache}`);
  }
  summary.ms.total = Math.round(performance.now() - started);
  summary.contactsPerSecond = Math.round(summary.contacts / (summary.ms.total / 1000));
  return summary;
}
