import { mulberry32 } from './random';
import type { Database, Queryable } from '../db/connection';
import { insertArticleRequest, resolveArticleRequest } from '../stores/articleRequests';
import { allArticles, setArticlePublishedAt, type ArticleRow } from '../stores/articles';
import * as contacts from '../stores/contacts';
import { insertSearchEvent, setSearchOpened } from '../stores/searchEvents';
import type { UserRow } from '../stores/users';
import { normalizeQuery } from '../domain/searchBursts';

/**
 * Demo history: what a contact center's last weeks look like, so a fresh `npm start` shows a
 * console with "solved N contacts" badges and managers see meaningful numbers at once.
 * Deterministic (seeded), relative to today. A third of the articles are "published" during
 * the period, and a contact about a problem whose article does not exist yet is escalated
 * more often: first-contact resolution rises as knowledge is shared.
 */
export interface HistoryOptions {
  days: number;
  /** contacts per weekday; weekends get a third */
  perDay: number;
  seed: number;
  now?: Date;
}

const DAY = 86_400_000;

/** Problems callers have that no article covers yet: the content gaps of the demo. */
const GAP_QUERIES = [
  'esim transfer to new phone',
  'invoice in large print',
  'router app stuck on login loop',
  'parental controls schedule ignored',
  'refund to an expired card',
  'voicemail pin reset abroad',
  'tv box no sound hdmi arc',
  'direct debit date change mid cycle',
];

export async function generateHistory(
  db: Database,
  agents: readonly UserRow[],
  options: HistoryOptions,
): Promise<{ contacts: number; searches: number }> {
  const random = mulberry32(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const now = options.now ?? new Date();
  const windowStart = now.getTime() - options.days * DAY;
  const articles = (await allArticles(db)).filter(
    (a) =>
      a.audience === 'agents' && (a.confidence === 'validated' || a.confidence === 'not_validated'),
  );
  if (articles.length === 0 || agents.length === 0) return { contacts: 0, searches: 0 };

  return db.transaction(async (tx) => {
    // a third of the knowledge base is written during the period, spread evenly over it
    const publishedAt = new Map<number, number>();
    for (const a of articles) {
      const during = random() < 0.3;
      const at = during
        ? windowStart + random() * options.days * DAY
        : windowStart - (30 + random() * 300) * DAY;
      publishedAt.set(a.id, at);
      await setArticlePublishedAt(tx, a.id, new Date(at).toISOString());
    }
    const popularity = articles.map((_, i) => 1 / (i + 1) ** 0.8);
    const total = popularity.reduce((s, w) => s + w, 0);
    const topic = () => {
      let x = random() * total;
      for (let i = 0; i < articles.length; i++) if ((x -= popularity[i]!) <= 0) return articles[i]!;
      return articles[articles.length - 1]!;
    };
    const customers = Array.from({ length: 1200 }, (_, i) => `ACC-${10_000 + i * 37}`);
    let made = 0;
    let searches = 0;
    for (let day = options.days - 1; day >= 0; day--) {
      const date = new Date(now.getTime() - day * DAY);
      const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
      const count = Math.round(
        (weekend ? options.perDay / 3 : options.perDay) * (0.8 + 0.4 * random()),
      );
      for (let n = 0; n < count; n++) {
        const startedAt =
          Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 8) +
          random() * 10 * 3600_000;
        if (startedAt > now.getTime() - 20 * 60_000) continue;
        const gap = random() < 0.07;
        const article = topic();
        const published = (publishedAt.get(article.id) ?? 0) <= startedAt;
        const contact = {
          agent: pick(agents),
          channel: pick(['phone', 'phone', 'phone', 'chat', 'chat', 'email'] as const),
          customerRef: random() < 0.6 ? pick(customers) : null,
          startedAt,
        };
        searches += await logContact(tx, contact, {
          gap,
          article,
          published,
          random,
          pick,
          articles,
        });
        made++;
      }
    }
    return { contacts: made, searches };
  });
}

interface Ctx {
  gap: boolean;
  article: ArticleRow;
  published: boolean;
  random: () => number;
  pick: <T>(items: readonly T[]) => T;
  articles: readonly ArticleRow[];
}

/** One contact: its searches, what the agent opened and tried, and how it ended. */
async function logContact(
  db: Queryable,
  c: {
    agent: UserRow;
    channel: 'phone' | 'chat' | 'email';
    customerRef: string | null;
    startedAt: number;
  },
  { gap, article, published, random, pick, articles }: Ctx,
): Promise<number> {
  const iso = (t: number) => new Date(t).toISOString();
  const id = await contacts.insertContact(db, {
    agentId: c.agent.id,
    agentDepartmentId: c.agent.departmentId,
    channel: c.channel,
    customerRef: c.customerRef,
    startedAt: iso(c.startedAt),
  });
  const query = gap ? pick(GAP_QUERIES) : queryFor(article, random);
  const found = gap ? 0 : published ? 3 + Math.floor(random() * 20) : Math.floor(random() * 4);
  const shown = published && !gap ? [article.id] : [];
  while (shown.length < Math.min(found, 5)) {
    const other = pick(articles).id;
    if (!shown.includes(other)) shown.push(other);
  }
  let t = c.startedAt + 20_000 + random() * 60_000;
  const searches = 1 + (random() < 0.4 ? 1 : 0);
  for (let s = 0; s < searches; s++) {
    const q = s === 0 ? query : `${query} ${pick(['again', 'error', 'not working', 'help'])}`;
    const eventId = await insertSearchEvent(db, {
      userId: c.agent.id,
      contactId: id,
      query: q,
      normalizedQuery: normalizeQuery(q),
      filters: {},
      resultCount: found,
      shownIds: shown,
      tookMs: Math.round((2 + random() * 10) * 100) / 100,
      at: iso(t),
    });
    if (s === searches - 1 && published && !gap && random() < 0.9) {
      await setSearchOpened(db, eventId, article.id);
      await contacts.addContactArticle(db, id, article.id, 'opened', iso(t + 5_000));
    }
    t += 30_000 + random() * 60_000;
  }
  const closedAt = iso(t + 60_000 + random() * 8 * 60_000);
  const close: contacts.ContactClose = {
    outcome: 'follow_up',
    closedAt,
    articleId: null,
    articleDepartmentId: null,
    escalatedTo: null,
    reason: null,
    note: null,
  };
  const roll = random();
  if (published && !gap && roll < 0.85) {
    if (random() < 0.12) await contacts.addContactArticle(db, id, pick(shown), 'tried', closedAt);
    Object.assign(close, {
      outcome: 'solved',
      articleId: article.id,
      articleDepartmentId: article.departmentId,
    });
  } else if (roll < (published ? 0.93 : 0.6)) {
    Object.assign(close, {
      outcome: 'escalated',
      escalatedTo: article.departmentId,
      reason: 'Needs a specialist: the customer’s problem is not covered in the knowledge base.',
    });
  } else if (roll < 0.85 && !published) {
    close.outcome = 'solved'; // from the agent's own experience
  }
  await contacts.closeContact(db, id, close);
  if (close.outcome === 'escalated' && (!published || gap) && random() < 0.5) {
    const requestId = await insertArticleRequest(db, {
      departmentId: article.departmentId,
      contactId: id,
      requestedBy: c.agent.id,
      queries: [query],
      reason: close.reason!,
      at: closedAt,
    });
    if (!gap) await resolveArticleRequest(db, requestId, article.id, iso(c.startedAt + 3 * DAY));
  }
  return searches;
}

/** What an agent types for this problem: a code, a few title words, sometimes a typo. */
function queryFor(a: ArticleRow, random: () => number): string {
  if (a.errorCodes.length && random() < 0.35) return a.errorCodes[0]!;
  const words = a.title
    .toLowerCase()
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .split(/\s+/)
    .filter((w) => w.length > 3);
  const start = Math.floor(random() * Math.max(1, words.length - 2));
  const q = words.slice(start, start + 2 + Math.floor(random() * 2));
  if (q.length && random() < 0.3) {
    const w = q[0]!;
    const i = 1 + Math.floor(random() * (w.length - 2));
    q[0] = w.slice(0, i) + w.slice(i + 1); // a dropped letter
  }
  return q.join(' ') || a.title.toLowerCase();
}
