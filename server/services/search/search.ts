import type { Database } from '../../db/connection';
import type { SearchDoc } from '../../search/document';
import { isStale } from '../../domain/verification';
import { readershipOf } from '../../domain/visibility';
import {
  present,
  type Candidates,
  type SearchHit,
  type SearchIndex,
} from '../../search/searchIndex';
import { ownOpenContact } from '../contacts/contacts';
import type { Actor } from '../../domain/roles';
import { rank, type Ranked, type Rankable } from './ranking';
import { normalizeQuery } from '../../domain/searchBursts';
import type { SearchLog } from './searchLog';
import type { SolveCounts } from './solveCounts';

export interface SearchDeps {
  db: Database;
  search: SearchIndex;
  solves: SolveCounts;
  searchLog: SearchLog;
}

export interface SearchRequest {
  q: string;
  limit: number;
  department?: string;
  product?: string;
  contactId?: number;
}

/**
 * How many of the best text matches are ranked, filtered and counted into facets. Agents read
 * the first few results; facet counts describe this head ("in the best 100"), which keeps every
 * search as cheap as its top-k instead of proportional to all matching articles.
 */
export const WINDOW = 100;

export interface Facet {
  slug?: string;
  name: string;
  count: number;
}

export async function searchArticles(deps: SearchDeps, actor: Actor, r: SearchRequest) {
  const started = performance.now();
  if (r.contactId !== undefined) await ownOpenContact(deps.db, actor, r.contactId);
  const today = new Date().toISOString().slice(0, 10);
  const found = deps.search.candidates(r.q, { audience: readershipOf(actor.role), limit: WINDOW });
  const ranked = rank(
    found.top.map(({ doc, score }) => candidate(doc, score, today)),
    r.q,
    (id) => deps.solves.of(id),
  );
  const facets = {
    departments: count(ranked, (c) => [
      { key: c.doc.department.slug, slug: c.doc.department.slug, name: c.doc.department.name },
    ]),
    products: count(ranked, (c) => c.doc.products.map((p) => ({ key: p, name: p }))),
  };
  const product = r.product?.toLowerCase();
  const kept = ranked.filter(
    (c) =>
      (r.department === undefined || c.doc.department.slug === r.department) &&
      (product === undefined || c.doc.products.some((p) => p.toLowerCase() === product)),
  );
  const filtered = r.department !== undefined || r.product !== undefined;
  // only the hits shown are presented (snippets, highlights): the window is ranked bare
  const hits = kept.slice(0, r.limit).map((c): PresentedHit => ({
    ...presented(found, c.doc, c.textScore, today),
    score: c.score,
    textScore: c.textScore,
    solves30d: c.solves30d,
    why: c.why,
  }));
  const tookMs = Math.round((performance.now() - started) * 100) / 100;
  if (actor.id !== null && normalizeQuery(r.q) !== '') {
    await deps.searchLog.record({
      userId: actor.id,
      contactId: r.contactId ?? null,
      query: r.q.trim().slice(0, 256),
      normalizedQuery: normalizeQuery(r.q).slice(0, 256),
      filters: {
        ...(r.department && { department: r.department }),
        ...(r.product && { product: r.product }),
      },
      resultCount: filtered ? kept.length : found.total,
      shownIds: hits.map((h) => h.id),
      tookMs,
      at: new Date().toISOString(),
    });
  }
  return { total: filtered ? kept.length : found.total, tookMs, hits, facets };
}

/** Counts per facet value, most frequent first (then by name); a hit counts once per value. */
/**
 * Presentation (snippets, highlights) is the costly part of a hit; it depends only on the
 * matches (cached by the engine per query and index generation) and the day, so it is kept
 * with them: popular and as-you-type queries pay for it once.
 */
const presentations = new WeakMap<Candidates, { today: string; hits: Map<number, SearchHit> }>();

function presented(found: Candidates, doc: SearchDoc, score: number, today: string): SearchHit {
  let cache = presentations.get(found);
  if (!cache || cache.today !== today) {
    cache = { today, hits: new Map() };
    presentations.set(found, cache);
  }
  let hit = cache.hits.get(doc.id);
  if (!hit) {
    hit = present(doc, score, found.matched, today);
    cache.hits.set(doc.id, hit);
  }
  return hit;
}

interface Candidate extends Rankable {
  doc: SearchDoc;
}

const candidate = (doc: SearchDoc, score: number, today: string): Candidate => ({
  doc,
  id: doc.id,
  score,
  confidence: doc.confidence,
  stale: isStale(doc, today),
  errorCodes: doc.errorCodes,
});

/** A hit as agents get it: the engine's presentation plus the rank and its reasons. */
export interface PresentedHit extends SearchHit {
  textScore: number;
  solves30d: number;
  why: string[];
}

function count(
  hits: readonly Ranked<Candidate>[],
  values: (c: Ranked<Candidate>) => { key: string; name: string; slug?: string }[],
): Facet[] {
  const counts = new Map<string, Facet>();
  for (const h of hits) {
    const keys = new Set<string>();
    for (const { key, name, slug } of values(h)) {
      const k = key.toLowerCase();
      if (keys.has(k)) continue;
      keys.add(k);
      const facet = counts.get(k) ?? { ...(slug && { slug }), name, count: 0 };
      facet.count++;
      counts.set(k, facet);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
