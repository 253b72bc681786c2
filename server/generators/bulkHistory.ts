import type { Database, Param } from '../db/connection';
import * as bulk from '../stores/bulkHistory';
import { rebuildStatsRollups } from '../stores/statsRollups';
import { mulberry32 } from './random';
import { normalizeQuery } from '../domain/searchBursts';

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
export interface BulkOptions {
  contacts: number;
  days: number;
  seed: number;
  now?: Date;
  /** contacts per transaction */
  chunk?: number;
  onProgress?: (p: { done: number; total: number; ms: number }) => void;
}

export interface BulkSummary {
  contacts: number;
  firstStartedAt: string | null;
  lastClosedAt: string | null;
  solved: number;
  solvedWithArticle: number;
  escalated: number;
  followUp: number;
  withCustomerRef: number;
  repeatCustomers: number;
  searches: number;
  zeroResultSearches: number;
  opened: number;
  tried: number;
  requests: number;
  requestsResolved: number;
  nextContactUpdated: number;
  ms: { generate: number; nextContact: number; rollups: number; total: number };
  contactsPerSecond: number;
}

const DAY = 86_400_000;
const MINUTE = 60_000;
const REASON = 'Needs a specialist: the problem is not covered in the knowledge base.';

/** Things callers ask that no article covers: combinations, so gaps group realistically. */
const GAP_SUBJECTS = [
  'esim transfer',
  'invoice large print',
  'router app login loop',
  'parental controls schedule',
  'refund expired card',
  'voicemail pin abroad',
  'tv box hdmi arc',
  'direct debit date',
  'number porting',
  'smart plug pairing',
  'roaming data cap',
  'paper bill fee',
];
const GAP_DETAILS = ['', 'not working', 'error', 'how to', 'again', 'after update', 'ignored'];
const FOLLOW_UP_SUFFIXES = ['again', 'error', 'not working', 'help'];

interface Topic {
  id: number;
  departmentId: number;
  publishedAt: number;
  queries: { q: string; n: string }[];
}

interface Agent {
  id: number;
  departmentId: number;
}

type Rows = Record<bulk.BulkTable, Param[][]>;

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
  const gapQueries = GAP_SUBJECTS.flatMap((s) => GAP_DETAILS.map((d) => `${s} ${d}`.trim())).map(
    (q) => ({ q, n: normalizeQuery(q) }),
  );

  const summary: BulkSummary = {
    contacts: 0,
    firstStartedAt: null,
    lastClosedAt: null,
    solved: 0,
    solvedWithArticle: 0,
    escalated: 0,
    followUp: 0,
    withCustomerRef: 0,
    repeatCustomers: 0,
    searches: 0,
    zeroResultSearches: 0,
    opened: 0,
    tried: 0,
    requests: 0,
    requestsResolved: 0,
    nextContactUpdated: 0,
    ms: { generate: 0, nextContact: 0, rollups: 0, total: 0 },
    contactsPerSecond: 0,
  };

  // customers: a pool drawn uniformly, plus "called again" drawn from the recent ones
  const pool = Math.max(500, Math.round(o.contacts * 0.3));
  const recent: string[] = []; // a ring of the last ~10 days' references
  const RECENT = Math.max(200, Math.round((o.contacts / o.days) * 0.65 * 10));
  let ring = 0;
  let nextId = (await bulk.maxContactId(db)) + 1;
  const chunk = o.chunk ?? 50_000;
  const cache = (await db.get<{ cache_size: number }>('PRAGMA cache_size'))!.cache_size;
  await db.run('PRAGMA cache_size = -262144'); // 256 MB: index pages stay in memory

  let rows: Rows = empty();
  const flush = async () => {
    if (rows.contacts.length === 0) return;
    const batch = rows;
    rows = empty();
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
        let customerRef: string | null = null;
        if (random() < 0.65) {
          if (recent.length > 0 && random() < 0.12) {
            customerRef = pick(recent);
            summary.repeatCustomers++;
          } else customerRef = `CUS-${100_000 + Math.floor(random() * pool)}`;
          if (recent.length < RECENT) recent.push(customerRef);
          else recent[ring++ % RECENT] = customerRef;
          summary.withCustomerRef++;
        }
        const contact = {
          id: nextId++,
          agent,
          customerRef,
          startedAt,
          channel: pick(['phone', 'phone', 'phone', 'chat', 'chat', 'email'] as const),
        };
        oneContact(contact, { topic: topicAt(startedAt), gap: random() < 0.07 });
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

  /** One contact: its searches, what was opened and tried, how it ended, a request maybe. */
  function oneContact(
    c: { id: number; agent: Agent; customerRef: string | null; startedAt: number; channel: string },
    { topic: t, gap }: { topic: Topic; gap: boolean },
  ) {
    const iso = (ms: number) => new Date(ms).toISOString();
    const published = t.publishedAt <= c.startedAt;
    const query = gap ? pick(gapQueries) : pick(t.queries);
    const found = gap ? 0 : published ? 3 + Math.floor(random() * 20) : Math.floor(random() * 4);
    const shown: number[] = published && !gap ? [t.id] : [];
    for (let tries = 0; shown.length < Math.min(found, 5) && tries < 20; tries++) {
      const other = topics[Math.floor(random() * topics.length)]!.id;
      if (!shown.includes(other)) shown.push(other);
    }
    const shownJson = JSON.stringify(shown);
    const searches = random() < 0.3 ? 2 : 1;
    let at = c.startedAt + 20_000 + random() * MINUTE;
    const opened = new Set<number>();
    for (let s = 0; s < searches; s++) {
      const suffix = s === 0 ? '' : ` ${pick(FOLLOW_UP_SUFFIXES)}`;
      const q = query.q + suffix;
      const openNow = s === searches - 1 && published && !gap && random() < 0.9;
      const created = iso(at);
      rows.search_events.push([
        c.agent.id,
        c.id,
        q,
        suffix ? normalizeQuery(q) : query.n,
        found,
        shownJson,
        openNow ? t.id : null,
        Math.round((2 + random() * 10) * 100) / 100,
        created,
        created,
      ]);
      summary.searches++;
      if (found === 0) summary.zeroResultSearches++;
      if (openNow) {
        rows.contact_articles.push([c.id, t.id, 'opened', iso(at + 5_000)]);
        opened.add(t.id);
      }
      at += 30_000 + random() * MINUTE;
    }
    const closedAt = at + MINUTE + random() * 8 * MINUTE;
    const closed = iso(closedAt);
    const tried = (articleId: number) => {
      if (!opened.has(articleId)) rows.contact_articles.push([c.id, articleId, 'opened', closed]);
      opened.add(articleId);
      rows.contact_articles.push([c.id, articleId, 'tried', closed]);
      summary.tried++;
    };

    let outcome: 'solved' | 'escalated' | 'follow_up' = 'follow_up';
    let articleId: number | null = null;
    const roll = random();
    if (published && !gap && roll < 0.85) {
      outcome = 'solved';
      articleId = t.id;
      const other = shown.find((id) => id !== t.id);
      if (other !== undefined && random() < 0.12) tried(other);
      if (!opened.has(t.id)) rows.contact_articles.push([c.id, t.id, 'opened', closed]);
      opened.add(t.id);
    } else if (roll < (published ? 0.93 : 0.6)) {
      outcome = 'escalated';
      if (published && !gap && random() < 0.5) tried(t.id);
    } else if (roll < 0.85 && !published) {
      outcome = 'solved'; // from the agent's own experience
    } else if (published && !gap && random() < 0.3) tried(t.id);
    summary.opened += opened.size;

    rows.contacts.push([
      c.id,
      c.agent.id,
      c.agent.departmentId,
      c.channel,
      c.customerRef,
      iso(c.startedAt),
      closed,
      outcome,
      articleId,
      articleId === null ? null : t.departmentId,
      outcome === 'escalated' ? t.departmentId : null,
      outcome === 'escalated' ? REASON : null,
      outcome === 'follow_up' && random() < 0.5 ? 'Customer calls back after a restart.' : null,
    ]);
    summary.firstStartedAt ??= iso(c.startedAt);
    if (summary.lastClosedAt === null || closed > summary.lastClosedAt)
      summary.lastClosedAt = closed;
    if (outcome === 'solved') summary.solved++;
    if (articleId !== null) summary.solvedWithArticle++;
    if (outcome === 'escalated') summary.escalated++;
    if (outcome === 'follow_up') summary.followUp++;

    if (outcome === 'escalated' && (!published || gap) && random() < 0.5) {
      // resolved by the article it asked for, when that article is published later
      const resolved = !gap && t.publishedAt > closedAt;
      rows.article_requests.push([
        t.departmentId,
        c.id,
        c.agent.id,
        JSON.stringify([query.q]),
        REASON,
        resolved ? 'resolved' : 'open',
        resolved ? t.id : null,
        closed,
        resolved ? iso(t.publishedAt) : null,
        resolved ? 'Article published' : null,
      ]);
      summary.requests++;
      if (resolved) summary.requestsResolved++;
    }
  }
}

const empty = (): Rows => ({
  contacts: [],
  contact_articles: [],
  search_events: [],
  article_requests: [],
});

/** Mostly agents; engineers take a contact now and then (their solves cross no silo). */
async function loadAgents(db: Database): Promise<Agent[]> {
  const users = await bulk.bulkAgents(db);
  return users.flatMap((u) => {
    const agent = { id: u.id, departmentId: u.departmentId };
    return u.role === 'agent' ? Array<Agent>(8).fill(agent) : [agent];
  });
}

/** What agents type for an article: its error code, a few title words, sometimes a typo. */
function topicOf(a: bulk.BulkArticle, random: () => number): Topic {
  const words = a.title
    .toLowerCase()
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .split(/\s+/)
    .filter((w) => w.length > 3);
  const queries = new Set<string>();
  const codes = JSON.parse(a.errorCodes) as string[];
  if (codes[0]) queries.add(codes[0]);
  for (let start = 0; start < Math.max(1, words.length - 1); start++) {
    const q = words.slice(start, start + 2 + Math.floor(random() * 2));
    if (q.length === 0) continue;
    queries.add(q.join(' '));
    const w = q[0]!;
    if (w.length > 4) {
      const i = 1 + Math.floor(random() * (w.length - 2));
      queries.add([w.slice(0, i) + w.slice(i + 1), ...q.slice(1)].join(' ')); // a dropped letter
    }
  }
  if (queries.size === 0) queries.add(a.title.toLowerCase());
  return {
    id: a.id,
    departmentId: a.departmentId,
    publishedAt: Date.parse(a.publishedAt),
    queries: [...queries].map((q) => ({ q, n: normalizeQuery(q) })),
  };
}

/** Zipf-like popularity: a few articles solve most contacts. */
function zipf<T>(items: readonly T[], random: () => number): () => T {
  const cumulative: number[] = [];
  let total = 0;
  items.forEach((_, i) => cumulative.push((total += 1 / (i + 1) ** 0.8)));
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo]!;
  };
}

/**
 * Contacts per UTC day, summing exactly to `total`: weekdays full, weekends a third, ±20%
 * noise, opening hours 07:00–21:00, and nothing that would close in the future (the last
 * contact starts at least 30 minutes before `now`).
 */
function dailyCounts(
  total: number,
  days: number,
  now: number,
  random: () => number,
): [{ from: number; span: number }, number][] {
  const today = Math.floor(now / DAY) * DAY;
  const slots: { from: number; span: number; weight: number }[] = [];
  for (let d = days - 1; d >= 0; d--) {
    const start = today - d * DAY;
    const from = start + 7 * 3_600_000;
    const span = Math.min(14 * 3_600_000, now - 30 * MINUTE - from);
    if (span <= 0) continue;
    const weekday = new Date(start).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    slots.push({
      from,
      span,
      weight: (span / (14 * 3_600_000)) * (weekend ? 1 / 3 : 1) * (0.8 + 0.4 * random()),
    });
  }
  const sum = slots.reduce((s, x) => s + x.weight, 0);
  const exact = slots.map((s) => (s.weight / sum) * total);
  const counts = exact.map(Math.floor);
  // largest remainders get the contacts rounding left over
  const left = total - counts.reduce((s, n) => s + n, 0);
  exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, left)
    .forEach(([, i]) => counts[i]!++);
  return slots.map((s, i) => [{ from: s.from, span: s.span }, counts[i]!]);
}
