import lunr from 'lunr';
import { canFind, type Role } from '../services/permissions';
import { FIELDS, type FieldName, type SearchDoc } from './document';
import { expandTerms } from './expand';
import { planQuery } from './queryPlan';
import { buildSegment, fieldTexts } from './segment';
import { highlight, snippet } from './snippet';

export interface SearchOptions {
  role: Role;
  limit?: number;
  department?: string;
  /** today's date (YYYY-MM-DD) for stale badges; injectable for tests */
  today?: string;
}

export interface SearchHit {
  id: number;
  slug: string;
  title: string;
  titleHtml: string;
  snippet: string;
  confidence: SearchDoc['confidence'];
  audience: SearchDoc['audience'];
  department: string;
  departmentName: string;
  errorCodes: string[];
  products: string[];
  stale: boolean;
  score: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
}

/** Past this many changed articles, the recent-changes segment is folded into the base. */
const MAX_DELTA = 200;
const SNIPPET_FIELDS: FieldName[] = ['issue', 'resolution', 'environment', 'labels', 'errorCodes'];

type Match = { ref: string; score: number; positions: Map<FieldName, [number, number][]> };

/**
 * The search engine behind four calls: build, articleChanged, articleRemoved, query.
 *
 * lunr indexes are immutable and cost ~1.8 ms per article to build, so one index rebuilt on
 * every save would take over a minute at 50,000 articles. Instead: a large *base* segment and
 * a small *delta* segment of recent changes, queried together. A changed article is
 * tombstoned in the base and (re)indexed in the delta, which rebuilds in milliseconds, so a
 * save is searchable on the next request. When the delta grows past MAX_DELTA it is folded
 * into a new base. (Moving that fold to a worker thread, and calibrating delta scores against
 * the base's statistics, is the scaling issue's work.)
 */
export class SearchIndex {
  private docs = new Map<number, SearchDoc>();
  private base: lunr.Index = buildSegment([]);
  private delta: lunr.Index | null = null;
  private deltaIds = new Set<number>();
  /** base entries that are out of date: changed (now in the delta) or removed */
  private tombstones = new Set<number>();
  /** >0 while a bulk change (an import) runs: segments are rebuilt once, at its end */
  private deferred = 0;

  get size(): number {
    return this.docs.size;
  }

  build(docs: Iterable<SearchDoc>): void {
    this.docs = new Map([...docs].map((d) => [d.id, d]));
    this.base = buildSegment(this.docs.values());
    this.delta = null;
    this.deltaIds.clear();
    this.tombstones.clear();
  }

  articleChanged(doc: SearchDoc): void {
    this.docs.set(doc.id, doc);
    this.tombstones.add(doc.id);
    this.deltaIds.add(doc.id);
    this.afterChange();
  }

  articleRemoved(id: number): void {
    if (!this.docs.delete(id)) return;
    this.tombstones.add(id);
    this.deltaIds.delete(id);
    this.afterChange();
  }

  /**
   * Runs many changes (an import of hundreds of files) with one segment rebuild at the end,
   * instead of one per article.
   */
  async bulk<T>(fn: () => Promise<T>): Promise<T> {
    this.deferred++;
    try {
      return await fn();
    } finally {
      if (--this.deferred === 0) this.afterChange();
    }
  }

  /** Resolves when no background index work is pending (benchmarks and tests wait on it). */
  whenIdle(): Promise<void> {
    return Promise.resolve();
  }

  query(text: string, options: SearchOptions): SearchResult {
    const plan = planQuery(text);
    if (plan.length === 0) return { total: 0, hits: [] };
    const matches = [
      ...this.run(this.base, plan).filter((m) => !this.tombstones.has(Number(m.ref))),
      ...(this.delta ? this.run(this.delta, plan) : []),
    ].sort((a, b) => b.score - a.score);

    const today = options.today ?? new Date().toISOString().slice(0, 10);
    const visible: { doc: SearchDoc; match: Match }[] = [];
    for (const match of matches) {
      const doc = this.docs.get(Number(match.ref));
      if (!doc || !canFind(options.role, doc)) continue;
      if (options.department && doc.department.slug !== options.department) continue;
      visible.push({ doc, match });
    }
    const limit = options.limit ?? 20;
    return {
      total: visible.length,
      hits: visible.slice(0, limit).map(({ doc, match }) => present(doc, match, today)),
    };
  }

  private afterChange(): void {
    if (this.deferred > 0) return;
    if (this.deltaIds.size > MAX_DELTA) {
      this.build(this.docs.values());
      return;
    }
    const changed = [...this.deltaIds]
      .map((id) => this.docs.get(id))
      .filter((d) => d !== undefined);
    this.delta = changed.length > 0 ? buildSegment(changed) : null;
  }

  private run(index: lunr.Index, plan: ReturnType<typeof planQuery>): Match[] {
    const clauses = expandTerms(index, plan);
    const results = index.query((q) => {
      for (const c of clauses) {
        q.term(c.term, { boost: c.boost, usePipeline: false, wildcard: lunr.Query.wildcard.NONE });
      }
    });
    return results.map((r) => ({
      ref: r.ref,
      score: r.score,
      positions: positionsOf(r.matchData),
    }));
  }
}

function positionsOf(matchData: lunr.MatchData): Map<FieldName, [number, number][]> {
  const out = new Map<FieldName, [number, number][]>();
  const metadata = matchData.metadata as Record<
    string,
    Record<string, { position?: [number, number][] }>
  >;
  for (const term of Object.keys(metadata)) {
    for (const [field, data] of Object.entries(metadata[term]!)) {
      if (!data.position) continue;
      const list = out.get(field as FieldName) ?? [];
      list.push(...data.position);
      out.set(field as FieldName, list);
    }
  }
  return out;
}

function present(doc: SearchDoc, match: Match, today: string): SearchHit {
  const texts = fieldTexts(doc);
  const field = SNIPPET_FIELDS.find((f) => match.positions.has(f) && texts[f]) ?? 'issue';
  return {
    id: doc.id,
    slug: doc.slug,
    title: doc.title,
    titleHtml: highlight(doc.title, match.positions.get('title') ?? []),
    snippet: snippet(texts[field], match.positions.get(field) ?? []),
    confidence: doc.confidence,
    audience: doc.audience,
    department: doc.department.slug,
    departmentName: doc.department.name,
    errorCodes: doc.errorCodes,
    products: doc.products,
    stale: isStale(doc, today),
    score: Math.round(match.score * 1000) / 1000,
  };
}

export function isStale(
  doc: { confidence: string; verifyBy: string | null },
  today: string,
): boolean {
  return doc.confidence === 'validated' && doc.verifyBy !== null && doc.verifyBy < today;
}

export { FIELDS };
