import { KEYSTROKE_TO_PAINT_TARGET_MS, type ConsoleResults } from './console';
import { printTable, round, type Cell } from './lib/stats';
import type { LatencyResult } from './search';

/**
 * Everything measured, as readable tables and one JSON object with the targets. Figures only:
 * a missed target is reported (met: false), never turned into a failing exit code.
 */
type Phase = Record<string, unknown>;
export interface EngineRun {
  build?: { buildMs: number; rssMB: number; rssCorpusOnlyMB: number; idleReached: boolean };
  latency?: LatencyResult;
  publish?: Phase;
  agreement?: Phase;
  eventLoop?: Phase;
  error?: string;
}
export type SearchResults = Record<number, Record<string, EngineRun>>;

export interface Results {
  search: SearchResults;
  restart?: Phase;
  http?: Phase;
  /** only with --console */
  console?: ConsoleResults | { error: string };
}

const get = (o: unknown, path: string): number | null => {
  let v: unknown = o;
  for (const k of path.split('.'))
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

export function printSearch(search: SearchResults): void {
  const rows: Record<string, Cell>[] = [];
  const kinds: Record<string, Cell>[] = [];
  for (const [size, engines] of Object.entries(search)) {
    for (const [engine, r] of Object.entries(engines)) {
      const l = r.latency;
      rows.push({
        size,
        engine,
        'build s': r.build ? round(r.build.buildMs / 1000) : null,
        'RSS MB': r.build?.rssMB,
        'corpus-only MB': r.build?.rssCorpusOnlyMB,
        queries: l?.count,
        'p50 ms': l?.p50,
        'p95 ms': l?.p95,
        'p99 ms': l?.p99,
        'max ms': l?.max,
        errors: l?.errors,
        'no hits': l?.emptyResults,
        note: r.error ?? (l?.stoppedByBudget ? 'query budget hit' : ''),
      });
      if (l)
        kinds.push({
          size,
          engine,
          ...Object.fromEntries(Object.entries(l.byKind).map(([k, v]) => [k, v.p95])),
        });
    }
  }
  printTable('Search in process (agent role, top 20; latency per query)', rows);
  for (const [size, engines] of Object.entries(search))
    for (const [engine, r] of Object.entries(engines))
      if (r.latency?.errors) console.log(`  ${engine} ${size}: e.g. ${r.latency.errorSamples[0]}`);
  printTable('p95 ms by query kind', kinds);
  const fresh: Record<string, Cell>[] = [];
  const agree: Record<string, Cell>[] = [];
  for (const [size, engines] of Object.entries(search)) {
    const o = engines.ours;
    if (!o) continue;
    fresh.push({
      size,
      'publish→searchable p50': get(o.publish, 'publishToSearchable.p50'),
      p95: get(o.publish, 'publishToSearchable.p95'),
      max: get(o.publish, 'publishToSearchable.max'),
      'sync p95': get(o.publish, 'articleChangedSync.p95'),
      'not found': get(o.publish, 'notFound'),
      'churn published': o.eventLoop
        ? `${get(o.eventLoop, 'published')}/${get(o.eventLoop, 'planned')}`
        : null,
      'loop delay max': get(o.eventLoop, 'maxDelayMs'),
      'loop p99': get(o.eventLoop, 'p99DelayMs'),
      'query p95 during': get(o.eventLoop, 'queriesDuring.p95'),
      'idle wait ms': get(o.eventLoop, 'idleWaitMs'),
    });
    agree.push({
      size,
      changes: get(o.agreement, 'changes'),
      compared: get(o.agreement, 'compared'),
      'both empty': get(o.agreement, 'bothEmpty'),
      'identical top 10 %': get(o.agreement, 'identicalPct'),
      'same set %': get(o.agreement, 'sameSetPct'),
      'fresh build ms': get(o.agreement, 'freshBuildMs'),
    });
  }
  printTable('Freshness, ours (ms; loop delay beyond the 10 ms timer)', fresh);
  printTable('Top-10 agreement, ours after changes vs a fresh build', agree);
}

export function printRestart(restart: Phase): void {
  const rows = (['first', 'second'] as const).map((k) => ({
    boot: k === 'first' ? 'first start' : 'restart',
    ...(restart[k] as Record<string, Cell>),
  }));
  printTable(`Restart → ready (${String(restart.size)} articles, fresh process each)`, rows);
}

export function printHttp(http: Phase): void {
  const results = (http.results ?? {}) as Record<string, Record<string, Cell>>;
  printTable(
    `HTTP (${String(http.articles)} articles, 10 connections)`,
    Object.entries(results).map(([name, r]) => ({ endpoint: name, ...r })),
  );
  for (const n of (http.notes as string[] | undefined) ?? []) console.log(`  note: ${n}`);
}

interface Target {
  value: number | null;
  target: string;
  at?: number;
  met: boolean | null;
}

const target = (
  value: number | null,
  op: '≤' | '≥',
  limit: number,
  unit = '',
  at?: number,
): Target => ({
  value,
  target: `${op} ${limit}${unit}`,
  ...(at !== undefined ? { at } : {}),
  met: value === null ? null : op === '≤' ? value <= limit : value >= limit,
});

export function targets(r: Results): {
  ratios: Record<string, number | null>;
  targets: Record<string, Target>;
} {
  const sizes = Object.keys(r.search).map(Number);
  const largest = Math.max(...sizes.filter((s) => r.search[s]?.ours), 0);
  const ours = (size: number) => r.search[size]?.ours;
  const restartSize = get(r.restart, 'size') ?? undefined;
  const p95At10k = get(ours(10000), 'latency.p95');
  const fts95At10k = get(r.search[10000]?.fts5, 'latency.p95');
  return {
    ratios: {
      p95OursOverFts5At10k: p95At10k !== null && fts95At10k ? round(p95At10k / fts95At10k) : null,
    },
    targets: {
      p95At50kMs: target(get(ours(50000), 'latency.p95'), '≤', 30, ' ms', 50000),
      p99At50kMs: target(get(ours(50000), 'latency.p99'), '≤', 80, ' ms', 50000),
      httpRealisticOverHealthz: target(get(r.http, 'realisticOverHealthz'), '≥', 0.25),
      httpAllUniqueOursOverFts5: target(get(r.http, 'allUniqueOursOverFts5'), '≥', 1),
      publishToSearchableP95At50kMs: target(
        get(ours(50000), 'publish.publishToSearchable.p95'),
        '≤',
        1000,
        ' ms',
        50000,
      ),
      maxEventLoopDelayMs: target(
        get(ours(largest), 'eventLoop.maxDelayMs'),
        '≤',
        50,
        ' ms',
        largest,
      ),
      rssAt50kMB: target(get(ours(50000), 'build.rssMB'), '≤', 1536, ' MB', 50000),
      restartToReadyMs: target(
        get(r.restart, 'second.processStartToReadyMs'),
        '≤',
        3000,
        ' ms',
        restartSize,
      ),
      top10AgreementPct: target(
        get(ours(largest), 'agreement.identicalPct'),
        '≥',
        95,
        ' %',
        largest,
      ),
      // only when measured (--console), so the default report keeps its shape
      ...(r.console
        ? {
            keystrokeToPaintP95Ms:
              'error' in r.console
                ? target(null, '≤', KEYSTROKE_TO_PAINT_TARGET_MS, ' ms')
                : target(
                    r.console.target.value,
                    '≤',
                    KEYSTROKE_TO_PAINT_TARGET_MS,
                    ' ms',
                    r.console.articles,
                  ),
          }
        : {}),
    },
  };
}

export function printTargets(t: ReturnType<typeof targets>): void {
  printTable(
    'Targets (figures only: a miss never fails the run)',
    Object.entries(t.targets).map(([name, v]) => ({
      name,
      value: v.value,
      target: v.target,
      at: v.at,
      met: v.met,
    })),
  );
  for (const [name, v] of Object.entries(t.ratios)) console.log(`  ${name}: ${v ?? '–'}`);
}
