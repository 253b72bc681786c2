/**
 * `npm run bench` (or `node --expose-gc -r tsx/cjs bench/run.ts`): the search benchmark.
 *   --sizes 1000,10000,50000   corpus sizes for the in-process figures (default: all three)
 *   --engines ours,fts5,lunr   engines for the in-process figures (default: all three)
 *   --quick                    1k-only smoke run of every section, well under a minute
 *   --skip-http                no HTTP section
 *   --skip-restart             no restart section (and so no HTTP section either)
 *   --console                  also keystroke → paint in Chromium (bench/console.ts), 10k (1k with --quick)
 * Prints a table per section, then a machine line and ONE JSON line with every figure and the
 * targets. Figures only: exits non-zero on a crash, never because a target was missed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { consoleBench, printConsole } from './console';
import { Corpus } from './corpus';
import { httpBench } from './http';
import { runChild, type ChildMessage } from './lib/proc';
import { round } from './lib/stats';
import {
  printHttp,
  printRestart,
  printSearch,
  printTargets,
  targets,
  type Results,
} from './report';
import { makeDatabase, restartBench } from './restart';
import type { EngineName } from './search';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const quick = flag('--quick');
const sizes = quick ? [1000] : (option('--sizes') ?? '1000,10000,50000').split(',').map(Number);
const engines = (option('--engines') ?? 'ours,fts5,lunr').split(',') as EngineName[];
const appSize = quick ? 1000 : 10000;
const started = performance.now();
const log = (msg: string) =>
  console.error(`[${((performance.now() - started) / 1000).toFixed(1)}s] ${msg}`);

/**
 * server/search may change while a long run is under way (it is being worked on): every child
 * records which version of that code it loaded, and the report says when versions differ.
 */
const versions = new Set<string>();
function searchCodeVersion(): string {
  const dir = path.join(__dirname, '..', 'server', 'search');
  const hash = crypto.createHash('sha1');
  for (const f of fs.readdirSync(dir).sort())
    hash.update(f).update(fs.readFileSync(path.join(dir, f)));
  const version = hash.digest('hex').slice(0, 10);
  versions.add(version);
  return version;
}

/** heap for an engine's child: ours keeps a second, fresh index for the agreement check */
const heapMbFor = (engine: EngineName, size: number) =>
  Math.min(16384, Math.max(2048, Math.round(size * (engine === 'ours' ? 0.16 : 0.08))));
const timeoutMsFor = (engine: EngineName, size: number) =>
  quick ? 120_000 : 300_000 + size * (engine === 'ours' ? 40 : engine === 'lunr' ? 8 : 2);

async function searchSection(results: Results): Promise<void> {
  for (const size of sizes) {
    results.search[size] = {};
    for (const engine of engines) {
      const run: Record<string, unknown> = { searchCode: searchCodeVersion() };
      results.search[size][engine] = run;
      const heapMb = heapMbFor(engine, size);
      if (os.totalmem() / 1048576 < heapMb * 1.2) {
        run.error = `skipped: needs ~${heapMb} MB, machine has ${Math.round(os.totalmem() / 1048576)} MB`;
        continue;
      }
      log(`${size} ${engine}: starting`);
      const timeoutMs = timeoutMsFor(engine, size);
      const child = await runChild(
        { task: 'engine', engine, size, quick },
        {
          timeoutMs,
          heapMb,
          onMessage: (m: ChildMessage) => {
            if (m.type !== 'phase') return;
            run[m.name as string] = m.data;
            log(`${size} ${engine}: ${String(m.name)} ${JSON.stringify(m.data).slice(0, 160)}`);
          },
        },
      );
      const error = child.messages.find((m) => m.type === 'error');
      if (error) run.error = String(error.message);
      else if (child.timedOut) run.error = `killed after ${timeoutMs / 1000} s`;
      else if (child.exitCode !== 0) run.error = `exit code ${child.exitCode}`;
      if (run.error) log(`${size} ${engine}: ${String(run.error)}`);
    }
  }
}

async function appSections(results: Results): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstcall-bench-'));
  try {
    log(`restart: creating a database with ${appSize} articles`);
    const db = await makeDatabase(dir, new Corpus(), appSize);
    const searchCode = searchCodeVersion();
    const restart = await restartBench(db, quick ? 60_000 : 300_000);
    results.restart = { size: appSize, setupMs: db.setupMs, searchCode, ...restart };
    log(`restart: ${JSON.stringify(restart)}`);
    if (flag('--skip-http')) return;
    log('http: starting');
    const code = searchCodeVersion();
    const http = await httpBench(db, new Corpus(), appSize, {
      durationS: quick ? 1 : 10,
      warmupS: quick ? 0 : 2,
      connections: 10,
      readyTimeoutMs: quick ? 60_000 : 300_000,
    });
    results.http = { searchCode: code, ...http };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  const machine = {
    cpus: cpus.length,
    model: cpus[0]?.model ?? 'unknown',
    node: process.version,
    memoryGB: round(os.totalmem() / 2 ** 30),
    loadAverageAtStart: os.loadavg().map(round),
  };
  const results: Results = { search: {} };
  await searchSection(results);
  if (!flag('--skip-restart')) await appSections(results);
  if (flag('--console')) {
    results.console = await consoleBench({
      articles: appSize,
      keystrokes: quick ? 40 : 200,
      budgetS: quick ? 60 : 180,
      buildClient: false,
      seed: 17,
      log,
    }).catch((err: unknown) => {
      log(`console: ${String(err)}`);
      return { error: err instanceof Error ? err.message : String(err) };
    });
  }

  printSearch(results.search);
  if (results.restart) printRestart(results.restart);
  if (results.http) printHttp(results.http);
  if (results.console) printConsole(results.console);
  const t = targets(results);
  printTargets(t);
  const durationS = round((performance.now() - started) / 1000);
  const searchCode = { versions: [...versions], changedDuringRun: versions.size > 1 };
  if (searchCode.changedDuringRun)
    console.log(
      `\nWARNING: server/search changed during the run (${versions.size} versions): sections may differ`,
    );
  console.log(
    `\nmachine: ${machine.cpus} × ${machine.model}, node ${machine.node}, ${machine.memoryGB} GB, load ${machine.loadAverageAtStart.join(' ')}; took ${durationS} s`,
  );
  const options = {
    sizes,
    quick,
    skipHttp: flag('--skip-http'),
    skipRestart: flag('--skip-restart'),
    ...(flag('--console') ? { console: true } : {}),
  };
  console.log(JSON.stringify({ machine, options, durationS, searchCode, ...results, ...t }));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
