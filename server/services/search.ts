import type { Database } from '../db/connection';
import type { SearchIndex } from '../search/searchIndex';
import { ownOpenContact } from './contacts';
import type { Actor } from './permissions';
import { rank, type RankedHit } from './ranking';
import { normalizeQuery } from './searchBursts';
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
  const engine = deps.search.query(r.q, { role: actor.role, limit: WINDOW });
  const ranked = rank(engine.hits, r.q, (id) => deps.solves.of(id));
  const facets = {
    departments: count(ranked, (h) => [
      { key: h.department, slug: h.department, name: h.departmentName },
    ]),
    products: count(ranked, (h) => h.products.map((p) => ({ key: p, name: p }))),
  };
  const kept = ranked.filter(
    (h) =>
      (r.department === undefined || h.department === r.department) &&
      (r.product === undefined ||
        h.products.some((p) => p.toLowerCase() === r.product!.toLowerCase())),
  );
  const filtered = r.department !== undefined || r.product !== undefined;
  const hits = kept.slice(0, r.limit);
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
      resultCount: filtered ? kept.length : engine.total,
      shownIds: hits.map((h) => h.id),
      tookMs,
      at: new Date().toISOString(),
    });
  }
  return { total: filtered ? kept.length : engine.total, tookMs, hits, facets };
}

/** Counts per facet value, most frequent first (then by name); a hit counts once per value. */
function count(
  hits: readonly RankedHit[],
  values: (h: RankedHit) => { key: string; name: string; slug?: string }[],
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
