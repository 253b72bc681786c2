import autocannon from 'autocannon';
import type { Corpus } from './corpus';
import { signIn } from './lib/signIn';
import { round } from './lib/stats';
import { startServer } from './lib/proc';
import { allUniqueMix, realisticMix } from './queries';
import { BENCH_USER, type BenchDb } from './restart';

/**
 * HTTP throughput: the real app (createApp over the bench database) and an FTS5-backed
 * Express endpoint over the same articles, each in its own child process so the load
 * generator (here) never shares their event loop. 10 connections, fixed duration per run.
 */
export interface HttpOptions {
  durationS: number;
  warmupS: number;
  connections: number;
  readyTimeoutMs: number;
}

export interface LoadFigures {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  distinctPaths: number;
}

async function load(url: string, paths: string[], o: HttpOptions, durationS: number, headers = {}) {
  let next = 0;
  const result = await autocannon({
    url,
    connections: o.connections,
    duration: durationS,
    timeout: 10,
    headers,
    // rotate through the query mix; every request takes the next path
    requests: [
      { method: 'GET', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }) },
    ],
  });
  const figures: LoadFigures = {
    reqPerSec: round(result.requests.average),
    p50Ms: round(result.latency.p50),
    p99Ms: round(result.latency.p99),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    distinctPaths: new Set(paths.slice(0, next)).size,
  };
  return figures;
}

export async function httpBench(db: BenchDb, corpus: Corpus, size: number, o: HttpOptions) {
  const toPaths = (prefix: string, qs: string[]) =>
    qs.map((q) => `${prefix}${encodeURIComponent(q)}`);
  const realistic = realisticMix(corpus, 20_000);
  const unique = allUniqueMix(corpus, 80_000);
  const results: Record<string, LoadFigures> = {};
  const notes: string[] = [];

  const ours = await startServer({ task: 'app', ...db }, o.readyTimeoutMs);
  try {
    const base = `http://127.0.0.1:${String(ours.ready.port)}`;
    const headers = { cookie: await signIn(base, BENCH_USER) };
    const run = async (name: string, paths: string[]) => {
      if (o.warmupS > 0) await load(base, paths.slice(-500), o, o.warmupS, headers);
      results[name] = await load(base, paths, o, o.durationS, headers);
    };
    await run('healthz', ['/healthz']);
    // signed in but no search: what sessions, passport and CSRF cost on every API request
    await run('ours /api/auth/me', ['/api/auth/me']);
    await run('ours realistic', toPaths('/api/search?q=', realistic));
    await run('ours allUnique', toPaths('/api/search?q=', unique));
  } finally {
    await ours.stop();
  }

  const fts = await startServer({ task: 'ftsApp', size }, o.readyTimeoutMs);
  try {
    const base = `http://127.0.0.1:${String(fts.ready.port)}`;
    const run = async (name: string, paths: string[]) => {
      if (o.warmupS > 0) await load(base, paths.slice(-500), o, o.warmupS);
      results[name] = await load(base, paths, o, o.durationS);
    };
    await run('fts5 realistic', toPaths('/search?q=', realistic));
    await run('fts5 allUnique', toPaths('/search?q=', unique));
  } finally {
    await fts.stop();
  }
  const uniqueServed = results['ours allUnique']?.requests ?? 0;
  if (uniqueServed > unique.length)
    notes.push(`allUnique wrapped: ${uniqueServed} requests, ${unique.length} queries`);

  const ratio = (a?: LoadFigures, b?: LoadFigures) =>
    a && b && b.reqPerSec ? round(a.reqPerSec / b.reqPerSec) : null;
  return {
    articles: ours.ready.articles,
    appBootMs: ours.ready.bootMs,
    results,
    realisticOverHealthz: ratio(results['ours realistic'], results.healthz),
    allUniqueOursOverFts5: ratio(results['ours allUnique'], results['fts5 allUnique']),
    notes,
  };
}
