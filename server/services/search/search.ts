import type { Database } from '../../db/connection';
import { readershipOf } from '../../domain/visibility';
import { rankedSearch } from '../../search/rankedSearch';
import type { SearchIndex } from '../../search/searchIndex';
import { ownOpenContact } from '../contacts/contacts';
import type { Actor } from '../../domain/roles';
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

/** A search by a user: checks the contact it belongs to, ranks (search/rankedSearch) and logs it. */
export async function searchArticles(deps: SearchDeps, actor: Actor, r: SearchRequest) {
  const started = performance.now();
  if (r.contactId !== undefined) await ownOpenContact(deps.db, actor, r.contactId);
  const { total, hits, facets, weak } = rankedSearch(deps.search, r.q, {
    audience: readershipOf(actor.role),
    limit: r.limit,
    solvesOf: (id) => deps.solves.of(id),
    department: r.department,
    product: r.product,
  });
  const tookMs = Math.round((performance.now() - started) * 100) / 100;
  // the log groups queries as written (content gaps, bursts), not as the engine reads them
  const normalized = normalizeQuery(r.q);
  if (actor.id !== null && normalized !== '') {
    await deps.searchLog.record({
      userId: actor.id,
      contactId: r.contactId ?? null,
      query: r.q.trim().slice(0, 256),
      normalizedQuery: normalized.slice(0, 256),
      filters: {
        ...(r.department && { department: r.department }),
        ...(r.product && { product: r.product }),
      },
      resultCount: total,
      shownIds: hits.map((h) => h.id),
      tookMs,
      at: new Date().toISOString(),
    });
  }
  return { total, tookMs, hits, weak, facets };
}
