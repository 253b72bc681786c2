import { normalizeQuery } from '../../domain/searchBursts';
import type { BulkSummary, Rows } from './summary';
import type { Agent, Query, Topic } from './topics';

const MINUTE = 60_000;
export const REASON = 'Needs a specialist: the problem is not covered in the knowledge base.';
const FOLLOW_UP_SUFFIXES = ['again', 'error', 'not working', 'help'];

/** What every generated contact draws on: the one random stream and the rows being batched. */
export interface Generation {
  random: () => number;
  pick: <T>(items: readonly T[]) => T;
  rows: Rows;
  summary: BulkSummary;
  topics: readonly Topic[];
  gapQueries: readonly Query[];
}

/** One contact: its searches, what was opened and tried, how it ended, a request maybe. */
export function oneContact(
  g: Generation,
  c: { id: number; agent: Agent; customerRef: string | null; startedAt: number; channel: string },
  { topic: t, gap }: { topic: Topic; gap: boolean },
): void {
  const { random, pick, rows, summary, topics } = g;
  const iso = (ms: number) => new Date(ms).toISOString();
  const published = t.publishedAt <= c.startedAt;
  const query = gap ? pick(g.gapQueries) : pick(t.queries);
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
  if (summary.lastClosedAt === null || closed > summary.lastClosedAt) summary.lastClosedAt = closed;
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
