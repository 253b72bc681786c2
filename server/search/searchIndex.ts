import type { Readership } from '../domain/visibility';
import { analyze } from './analyze';
import type { SearchDoc } from './document';
import { expandTerms } from './expand';
import { buildInWorker } from './fold';
import { loadBase, saveBase } from './persist';
import { ResultCache } from './resultCache';
import type { FoldItem } from './foldWorker';
import { planQuery, type QueryPlan } from './queryPlan';
import { score } from './score';
import {
  buildSegment,
  findDoc,
  VISIBLE_TO_AGENTS,
  VISIBLE_TO_STAFF,
  type AnalyzedDoc,
  type Segment,
} from './segment';
import { CorpusStats } from './stats';

export interface SearchOptions {
  /** who searches: each article says which readerships may find it */
  audience: Readership;
  limit?: number;
}

/**
 * Matches before ranking and presentation: documents with text scores, the index terms matched
 * (for highlights) and the plan they came from (ranking reads the query from it).
 */
export interface Candidates {
  total: number;
  /** `words`: bit i set when the document matched the plan's word i (or an expansion of it) */
  top: { doc: SearchDoc; score: number; words: number }[];
  matched: ReadonlySet<string>;
  plan: QueryPlan;
}

const cacheKey = (text: string, o: SearchOptions) =>
  [o.audience, o.limit ?? 20, text].join('\u0000');

/** Past this many single-article segments, they are folded into the base. */
const MAX_RECENT = 256;

/**
 * The search engine behind four calls: build, articleChanged, articleRemoved, candidates
 * (rankedSearch.ts ranks and presents them).
 *
 * Articles are analyzed by lunr's pipeline (our tokenizer, stop words, stemmer) into compact
 * segments (segment.ts) and ranked with lunr's BM25 over corpus-wide statistics (score.ts).
 * A change indexes the article alone into a new small segment and marks its old entry dead, so
 * a save is searchable on the next request at any corpus size; small segments are folded into
 * the base now and then. Because statistics are global, results never depend on which segment
 * an article sits in.
 */
export class SearchIndex {
  private docs = new Map<number, SearchDoc>();
  private stats = new CorpusStats();
  private base: Segment[] = [];
  private recent: Segment[] = [];
  /** articles whose live entry is in a recent segment (the others are in the base) */
  private home = new Map<number, Segment>();
  /** department slug → code stored in segments */
  private departments = new Map<string, number>();
  /** >0 while a bulk change (an import) runs: folding waits for its end */
  private deferred = 0;
  /** the fold under way in a worker, and the articles changed since it took its snapshot */
  private folding: Promise<void> | null = null;
  private saving: Promise<void> | null = null;
  private changedDuringFold = new Set<number>();
  /** bumped by build(): a fold started before it is discarded */
  private generation = 0;

  private readonly cache = new ResultCache<Candidates>();
  private readonly onError: (err: unknown) => void;
  private readonly persistPath: string | undefined;

  /**
   * @param options.onError where background failures go (a failed fold or save only leaves
   *   more small segments, or a slower next start)
   * @param options.persistPath file for the base segment, reused at the next start
   */
  /** Told how long a rebuild (every article) or a fold took, in seconds: the metrics. */
  onTiming: ((kind: 'rebuild' | 'fold', seconds: number) => void) | null = null;

  constructor(options: { onError?: (err: unknown) => void; persistPath?: string } = {}) {
    this.onError = options.onError ?? (() => undefined);
    this.persistPath = options.persistPath;
  }

  get size(): number {
    return this.docs.size;
  }

  /** The base and the recent single-article segments a search visits. */
  get segments(): number {
    return this.base.length + this.recent.length;
  }

  build(docs: Iterable<SearchDoc>): void {
    const began = performance.now();
    this.rebuild(docs);
    this.onTiming?.('rebuild', (performance.now() - began) / 1000);
  }

  private rebuild(docs: Iterable<SearchDoc>): void {
    this.generation++;
    this.clearCaches();
    this.docs = new Map([...docs].map((d) => [d.id, d]));
    this.stats = new CorpusStats();
    const analyzed = [...this.docs.values()].map((d) => this.prepare(d));
    for (const a of analyzed) this.stats.add(a.fields);
    const segment = buildSegment(analyzed);
    this.base = [segment];
    this.recent = [];
    this.home = new Map();
    this.save();
  }

  /**
   * At start: reuses the saved base where it still matches `docs` (same article version,
   * visibility and department) and indexes only the rest, instead of analyzing everything.
   */
  load(docs: Iterable<SearchDoc>): void {
    const saved = this.persistPath ? loadBase(this.persistPath) : null;
    if (!saved) return this.build(docs);
    this.generation++;
    this.clearCaches();
    this.docs = new Map([...docs].map((d) => [d.id, d]));
    this.departments = new Map(saved.departments);
    const base = saved.segment;
    this.base = [base];
    this.recent = [];
    this.home = new Map();
    const changed: SearchDoc[] = [];
    const current = new Uint8Array(base.docIds.length);
    for (const doc of this.docs.values()) {
      const i = findDoc(base, doc.id);
      const { flags, department } = this.meta(doc);
      const same = i >= 0 && !base.dead[i] && saved.versions[i] === (doc.version ?? -2);
      if (same && base.flags[i] === flags && base.department[i] === department) current[i] = 1;
      else changed.push(doc);
    }
    current.forEach((keep, i) => keep || (base.dead[i] = 1)); // changed or deleted since it was saved
    this.stats = CorpusStats.fromSegment(base);
    for (const doc of changed) this.indexRecent(doc);
    this.maybeFold();
  }

  articleChanged(doc: SearchDoc): void {
    this.forget(doc.id);
    this.indexRecent(doc);
    this.maybeFold();
  }

  articleRemoved(id: number): void {
    this.forget(id);
    this.docs.delete(id);
  }

  /** Runs many changes (an import) and folds once at the end. */
  async bulk<T>(fn: () => Promise<T>): Promise<T> {
    this.deferred++;
    try {
      return await fn();
    } finally {
      this.deferred--;
      this.maybeFold();
    }
  }

  /** Resolves when no background index work is pending (benchmarks and tests wait on it). */
  async whenIdle(): Promise<void> {
    while (this.folding || this.saving) await (this.folding ?? this.saving);
  }

  /**
   * The best `limit` text matches as documents and scores, not presented: the ranked search
   * (rankedSearch.ts) ranks a wider window and presents only the few it shows.
   */
  candidates(text: string, options: SearchOptions): Candidates {
    const key = cacheKey(text, options);
    let found = this.cache.get(key);
    if (!found) {
      found = this.match(text, options);
      this.cache.set(key, found);
    }
    return found;
  }

  private match(text: string, options: SearchOptions): Candidates {
    const plan = planQuery(text);
    if (plan.terms.length === 0) return { total: 0, top: [], matched: new Set(), plan };
    const segments = [...this.base, ...this.recent];
    const clauses = expandTerms(segments, this.stats, plan.terms);
    const { total, top } = score(segments, this.stats, clauses, {
      mask: options.audience === 'agents' ? VISIBLE_TO_AGENTS : VISIBLE_TO_STAFF,
      department: -1,
      limit: options.limit ?? 20,
    });
    return {
      total,
      top: top.map((s) => ({
        doc: this.docs.get(s.segment.docIds[s.doc]!)!,
        score: s.score,
        words: s.words,
      })),
      matched: new Set(clauses.map((c) => c.term)),
      plan,
    };
  }

  private clearCaches(): void {
    this.cache.clear();
  }

  /** The facts filtered on at query time, packed for the segment. */
  private meta(doc: SearchDoc): FoldItem {
    let department = this.departments.get(doc.department.slug);
    if (department === undefined) {
      department = this.departments.size;
      this.departments.set(doc.department.slug, department);
    }
    const flags =
      (doc.findableBy.includes('agents') ? VISIBLE_TO_AGENTS : 0) |
      (doc.findableBy.includes('staff') ? VISIBLE_TO_STAFF : 0);
    return { doc, flags, department };
  }

  private prepare(doc: SearchDoc): AnalyzedDoc {
    const { flags, department } = this.meta(doc);
    return { id: doc.id, fields: analyze(doc), flags, department };
  }

  /** Indexes one article into a segment of its own: searchable at once. */
  private indexRecent(doc: SearchDoc): void {
    this.clearCaches();
    const prepared = this.prepare(doc);
    this.stats.add(prepared.fields);
    this.docs.set(doc.id, doc);
    const segment = buildSegment([prepared]);
    this.recent.push(segment);
    this.home.set(doc.id, segment);
  }

  /** Writes the base to disk in the background; the next start reuses it. */
  private save(): void {
    const base = this.base[0];
    if (!this.persistPath || !base || this.base.length !== 1) return;
    const versions = Int32Array.from(base.docIds, (id, i) =>
      base.dead[i] ? -1 : (this.docs.get(id)?.version ?? -1),
    );
    const saving = saveBase(this.persistPath, {
      segment: base,
      versions,
      departments: [...this.departments],
    })
      .catch(this.onError)
      .finally(() => {
        if (this.saving === saving) this.saving = null;
      });
    this.saving = saving;
  }

  private forget(id: number): void {
    this.clearCaches();
    if (this.folding) this.changedDuringFold.add(id);
    const old = this.docs.get(id);
    if (!old) return;
    this.stats.remove(analyze(old));
    const recent = this.home.get(id);
    if (recent) recent.dead[0] = 1;
    else {
      for (const b of this.base) {
        const i = findDoc(b, id);
        if (i >= 0) b.dead[i] = 1;
      }
    }
    this.home.delete(id);
  }

  private maybeFold(): void {
    if (this.deferred > 0 || this.folding || this.recent.length <= MAX_RECENT) return;
    this.folding = this.fold()
      .catch(this.onError)
      .finally(() => {
        this.folding = null;
        this.changedDuringFold.clear();
        this.maybeFold();
      });
  }

  /**
   * Rebuilds the base from every article in a worker. Articles changed while it runs keep
   * their newer small segments and are marked dead in the new base.
   */
  private async fold(): Promise<void> {
    const began = performance.now();
    const generation = this.generation;
    const snapshot = this.recent.length;
    this.changedDuringFold.clear();
    const segment = await buildInWorker([...this.docs.values()], (d) => this.meta(d));
    if (generation !== this.generation) return;
    // only what changed meanwhile is visited: its newer entry lives in a recent segment
    for (const id of this.changedDuringFold) {
      const i = findDoc(segment, id);
      if (i >= 0) segment.dead[i] = 1;
    }
    const folded = new Set(this.recent.slice(0, snapshot));
    for (const [id, s] of this.home) if (folded.has(s)) this.home.delete(id);
    this.base = [segment];
    this.recent = this.recent.slice(snapshot);
    this.save();
    this.onTiming?.('fold', (performance.now() - began) / 1000);
  }
}
