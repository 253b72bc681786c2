import { today } from '../domain/verification';
import type { Readership } from '../domain/visibility';
import type { SearchDoc } from './document';
import { coverage, isWeak, matchedWhy } from './coverage';
import { countFacets, type Facets } from './facets';
import { excerpt, present, type Excerpt, type SearchHit } from './hit';
import { rank, rankable } from './rank';
import type { Candidates, SearchIndex } from './searchIndex';

/**
 * How many of the best text matches are ranked, filtered and counted into facets. Agents read
 * the first few results; facet counts describe this head ("in the best 100"), which keeps every
 * search as cheap as its top-k instead of proportional to all matching articles.
 */
export const WINDOW = 100;

export interface RankedSearchOptions {
  /** who searches: each article says which readerships may find it */
  audience: Readership;
  limit: number;
  /** recent solves of an article (services/search/solveCounts; 0 without contact history) */
  solvesOf: (id: number) => number;
  department?: string;
  product?: string;
  /** today (YYYY-MM-DD) for stale badges; injectable for tests */
  today?: string;
}

export interface RankedResult {
  total: number;
  hits: SearchHit[];
  facets: Facets;
  /** hits, and the best covers less than half of the query's words (coverage.ts) */
  weak: boolean;
}

/**
 * The one search agents get, and what the relevance evaluation and the benches measure: the
 * engine's best WINDOW text matches ranked by trust and outcomes (rank.ts), counted into facets,
 * filtered, and only the `limit` shown presented.
 */
export function rankedSearch(index: SearchIndex, q: string, o: RankedSearchOptions): RankedResult {
  const day = o.today ?? today();
  const found = index.candidates(q, { audience: o.audience, limit: WINDOW });
  const ranked = rank(
    found.top.map(({ doc, score, words }) => ({ ...rankable(doc, score, day), words })),
    found.plan,
    o.solvesOf,
  );
  const facets = countFacets(ranked.map((c) => c.doc));
  const product = o.product?.toLowerCase();
  const kept = ranked.filter(
    (c) =>
      (o.department === undefined || c.doc.department.slug === o.department) &&
      (product === undefined || c.doc.products.some((p) => p.toLowerCase() === product)),
  );
  const filtered = o.department !== undefined || o.product !== undefined;
  const shown = kept.slice(0, o.limit);
  const weak = isWeak(shown[0] && coverage(shown[0].words, found.plan));
  const hits = shown.map((c) =>
    present(c.doc, excerptOf(found, c.doc), {
      ...c,
      coverage: coverage(c.words, found.plan),
      // a weak search says what each hit rests on: the words it matched
      why: weak ? [matchedWhy(c.words, found.plan), ...c.why] : c.why,
    }),
  );
  return { total: filtered ? kept.length : found.total, hits, facets, weak };
}

/**
 * Excerpts depend only on the matches, which the engine caches per query until the index
 * changes, so they are kept with them: popular and as-you-type queries pay for them once.
 */
const excerpts = new WeakMap<Candidates, Map<number, Excerpt>>();

function excerptOf(found: Candidates, doc: SearchDoc): Excerpt {
  let cache = excerpts.get(found);
  if (!cache) {
    cache = new Map();
    excerpts.set(found, cache);
  }
  let text = cache.get(doc.id);
  if (!text) {
    text = excerpt(doc, found.matched);
    cache.set(doc.id, text);
  }
  return text;
}
