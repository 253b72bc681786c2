import type { Database } from '../../db/connection';
import { normalizeQuery } from '../../domain/searchBursts';
import * as bulk from '../../stores/bulkHistory';

/** A published article as callers ask about it. */
export interface Topic {
  id: number;
  departmentId: number;
  publishedAt: number;
  queries: Query[];
}

/** What an agent typed, and its normalized form (how content gaps group it). */
export interface Query {
  q: string;
  n: string;
}

export interface Agent {
  id: number;
  departmentId: number;
}

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

/** Every gap query: subject × detail. */
export const gapQueries = (): Query[] =>
  GAP_SUBJECTS.flatMap((s) => GAP_DETAILS.map((d) => `${s} ${d}`.trim())).map((q) => ({
    q,
    n: normalizeQuery(q),
  }));

/** Mostly agents; engineers take a contact now and then (their solves cross no silo). */
export async function loadAgents(db: Database): Promise<Agent[]> {
  const users = await bulk.bulkAgents(db);
  return users.flatMap((u) => {
    const agent = { id: u.id, departmentId: u.departmentId };
    return u.role === 'agent' ? Array<Agent>(8).fill(agent) : [agent];
  });
}

/** What agents type for an article: its error code, a few title words, sometimes a typo. */
export function topicOf(a: bulk.BulkArticle, random: () => number): Topic {
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
export function zipf<T>(items: readonly T[], random: () => number): () => T {
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
