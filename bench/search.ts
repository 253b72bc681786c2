import type { SearchDoc } from '../server/search/document';
import { rankedSearch, type RankedSearchOptions } from '../server/search/rankedSearch';
import { SearchIndex } from '../server/search/searchIndex';
import { Fts5Anchor } from './anchors/fts5';
import { PlainLunrAnchor } from './anchors/plainLunr';
import type { Corpus } from './corpus';
import { collect, mb, round, summarize, within, type Summary } from './lib/stats';
import { queryStream, type QueryKind } from './queries';

/**
 * In-process search figures for one engine over one corpus size: build time, memory, query
 * latency over the shared query stream. Runs inside a child process (see child.ts), one
 * engine per process, so memory figures are the engine's own.
 */
export type EngineName = 'ours' | 'fts5' | 'lunr';

export interface Plan {
  queries: number;
  warmup: number;
  /** a query phase stops early when over budget (and says so) rather than run for an hour */
  queryBudgetMs: number;
  publishes: number;
  publishGapMs: number;
  churnChanges: number;
  churnPerSecond: number;
  /** applying changes stops after this long (the churn phase: after 3× its planned time) */
  changeBudgetMs: number;
  agreementChanges: number;
  agreementQueries: number;
  idleTimeoutMs: number;
}

/**
 * --quick is a smoke run (every phase, small), the full plan is what the figures are read
 * from. Each phase is also bounded in time: a slow engine yields fewer samples, not a hang.
 */
export function planFor(quick: boolean): Plan {
  if (quick) {
    return {
      queries: 200,
      warmup: 50,
      queryBudgetMs: 5_000,
      publishes: 10,
      publishGapMs: 50,
      churnChanges: 100,
      churnPerSecond: 50,
      changeBudgetMs: 3_000,
      agreementChanges: 50,
      agreementQueries: 100,
      idleTimeoutMs: 30_000,
    };
  }
  return {
    queries: 2000,
    warmup: 200,
    queryBudgetMs: 180_000,
    publishes: 50,
    publishGapMs: 200,
    churnChanges: 600,
    churnPerSecond: 20,
    changeBudgetMs: 120_000,
    agreementChanges: 300,
    agreementQueries: 500,
    idleTimeoutMs: 300_000,
  };
}

export interface Engine {
  build(docs: SearchDoc[]): Promise<void> | void;
  idle(): Promise<void>;
  search(text: string): Promise<number[]> | number[];
  errors(): { count: number; samples: string[] };
}

/** agents' search (ranking included); the generated corpus has no contact history */
export const AGENT: RankedSearchOptions = { audience: 'agents', limit: 20, solvesOf: () => 0 };

export async function makeEngine(name: EngineName): Promise<Engine & { ours?: SearchIndex }> {
  if (name === 'ours') {
    const ours = new SearchIndex();
    return {
      ours,
      build: (docs) => ours.build(docs),
      idle: () => ours.whenIdle(),
      search: (text) => rankedSearch(ours, text, AGENT).hits.map((h) => h.id),
      errors: () => ({ count: 0, samples: [] }),
    };
  }
  if (name === 'fts5') {
    const fts = await Fts5Anchor.open();
    return {
      build: (docs) => fts.build(docs),
      idle: () => Promise.resolve(),
      search: async (text) => (await fts.search(text)).map((h) => h.id),
      errors: () => ({ count: fts.errors, samples: [] }),
    };
  }
  const lunr = new PlainLunrAnchor();
  return {
    build: (docs) => lunr.build(docs),
    idle: () => Promise.resolve(),
    search: (text) => lunr.search(text),
    errors: () => ({ count: lunr.errors, samples: lunr.errorSamples }),
  };
}

/** Build time (synchronous part, then until the engine says it is idle) and RSS after it. */
export async function measureBuild(engine: Engine, docs: SearchDoc[], plan: Plan) {
  collect();
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  await engine.build(docs);
  const syncMs = performance.now() - started;
  const idle = await within(engine.idle(), plan.idleTimeoutMs);
  const buildMs = performance.now() - started;
  collect();
  const mem = process.memoryUsage();
  return {
    docs: docs.length,
    buildMs: round(buildMs),
    buildSyncMs: round(syncMs),
    idleReached: idle.ok,
    rssMB: mb(mem.rss),
    rssCorpusOnlyMB: mb(rssBefore),
    heapUsedMB: mb(mem.heapUsed),
  };
}

export interface LatencyResult extends Summary {
  byKind: Partial<Record<QueryKind, { n: number; p50: number; p95: number }>>;
  errors: number;
  errorSamples: string[];
  emptyResults: number;
  stoppedByBudget: boolean;
}

/** Latency over the shared stream, after a warm-up on a different stream (so no answer is cached). */
export async function measureLatency(
  engine: Engine,
  corpus: Corpus,
  plan: Plan,
): Promise<LatencyResult> {
  const warmUntil = performance.now() + plan.queryBudgetMs / 6;
  for (const q of queryStream(corpus, plan.warmup, 1)) {
    if (performance.now() > warmUntil) break;
    await engine.search(q.text);
  }
  const errorsBefore = engine.errors().count;
  const stream = queryStream(corpus, plan.queries);
  const times: number[] = [];
  const byKind = new Map<QueryKind, number[]>();
  let empty = 0;
  const deadline = performance.now() + plan.queryBudgetMs;
  for (const q of stream) {
    if (performance.now() > deadline) break;
    const started = performance.now();
    const ids = await engine.search(q.text);
    const ms = performance.now() - started;
    times.push(ms);
    if (!byKind.has(q.kind)) byKind.set(q.kind, []);
    byKind.get(q.kind)!.push(ms);
    if (ids.length === 0) empty++;
  }
  const kinds = [...byKind].map(([k, v]) => {
    const s = summarize(v);
    return [k, { n: s.count, p50: s.p50, p95: s.p95 }] as const;
  });
  const errors = engine.errors();
  return {
    ...summarize(times),
    byKind: Object.fromEntries(kinds),
    errors: errors.count - errorsBefore,
    errorSamples: errors.samples,
    emptyResults: empty,
    stoppedByBudget: times.length < stream.length,
  };
}
