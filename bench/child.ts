/**
 * Entry point of every child process the bench starts (see lib/proc.ts). The task comes as
 * JSON in argv[2]; results go back to the parent as IPC messages, one per finished phase, so
 * a child killed for running too long still leaves its earlier figures behind.
 */
import type { Server } from 'node:http';
import express from 'express';
import { createApp } from '../server/app';
import { boot } from '../server/boot';
import { createLogger } from '../server/logger';
import { rankedSearch } from '../server/search/rankedSearch';
import { Fts5Anchor } from './anchors/fts5';
import { Corpus } from './corpus';
import {
  ChangeStream,
  eventLoopUnderChurn,
  publishToSearchable,
  topTenAgreement,
} from './freshness';
import { mb, round } from './lib/stats';
import { benchConfig, type BenchDb } from './restart';
import {
  AGENT,
  makeEngine,
  measureBuild,
  measureLatency,
  planFor,
  type EngineName,
} from './search';

const send = (type: string, payload: Record<string, unknown> = {}) =>
  new Promise<void>((resolve) => process.send!({ type, ...payload }, () => resolve()));

async function engineTask(spec: { engine: EngineName; size: number; quick: boolean }) {
  const plan = planFor(spec.quick);
  const corpus = new Corpus();
  const docs = corpus.docs(spec.size);
  const engine = await makeEngine(spec.engine);
  await send('phase', { name: 'build', data: await measureBuild(engine, docs, plan) });
  await send('phase', { name: 'latency', data: await measureLatency(engine, corpus, plan) });
  const ours = engine.ours;
  if (!ours) return;
  const changes = new ChangeStream(corpus, new Map(docs.map((d) => [d.id, d])), 3);
  await send('phase', { name: 'publish', data: await publishToSearchable(ours, changes, plan) });
  await send('phase', {
    name: 'agreement',
    data: await topTenAgreement(ours, corpus, changes, plan),
  });
  await send('phase', {
    name: 'eventLoop',
    data: await eventLoopUnderChurn(ours, corpus, changes, plan),
  });
}

async function bootTask(db: BenchDb) {
  const started = performance.now();
  const runtime = await boot(benchConfig(db), createLogger('silent'));
  const ready = performance.now();
  const sampleHits = rankedSearch(runtime.search, 'router', AGENT).total;
  const figures = {
    // performance.now() counts from process start: module loading (and tsx) included
    processStartToReadyMs: round(ready),
    bootMs: round(ready - started),
    rssMB: mb(process.memoryUsage().rss),
    articles: runtime.search.size,
    sampleHits,
    idleAfterBootMs: 0,
  };
  // let background work (e.g. persisting the index on first start) finish before closing
  await runtime.search.whenIdle();
  figures.idleAfterBootMs = round(performance.now() - ready);
  await send('boot', { figures });
  await runtime.db.close();
}

function listen(app: express.Express): Promise<Server> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}

async function appTask(db: BenchDb) {
  const started = performance.now();
  const config = benchConfig(db);
  const logger = createLogger('silent');
  const runtime = await boot(config, logger);
  const server = await listen(
    createApp({ config, db: runtime.db, search: runtime.search, logger }),
  );
  const port = (server.address() as { port: number }).port;
  await send('ready', {
    port,
    bootMs: round(performance.now() - started),
    articles: runtime.search.size,
  });
}

async function ftsAppTask(spec: { size: number }) {
  const fts = await Fts5Anchor.open();
  await fts.build(new Corpus().docs(spec.size));
  const app = express();
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/search', async (req, res) => {
    const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 1000) : '';
    const started = performance.now();
    const hits = await fts.search(q, 20, true);
    res.json({ data: { query: q, tookMs: round(performance.now() - started), hits } });
  });
  const server = await listen(app);
  await send('ready', { port: (server.address() as { port: number }).port });
}

async function main() {
  const spec = JSON.parse(process.argv[2] ?? '{}') as { task: string } & Record<string, unknown>;
  const tasks: Record<string, (s: never) => Promise<void>> = {
    engine: engineTask,
    boot: bootTask,
    app: appTask,
    ftsApp: ftsAppTask,
  };
  const task = tasks[spec.task];
  if (!task) throw new Error(`unknown task ${spec.task}`);
  await task(spec as never);
  if (spec.task === 'app' || spec.task === 'ftsApp') {
    process.on('SIGTERM', () => process.exit(0));
    process.on('disconnect', () => process.exit(0)); // the parent died: do not linger
    return;
  }
  await send('done');
  process.exit(0);
}

main().catch(async (err: Error) => {
  await send('error', { message: err.message, stack: err.stack });
  process.exit(1);
});
