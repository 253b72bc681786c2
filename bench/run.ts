/**
 * `npm run bench`: search latency over the seed content, through the product's own search
 * module (no HTTP). Prints a table and one JSON line. Never pass/fail: figures only.
 * (The scaling benchmark at 10k/50k articles with FTS5 and plain-lunr anchors is issue #3.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../server/db/connection';
import { migrate } from '../server/db/migrate';
import { DEFAULT_CONTENT_DIR } from '../server/paths';
import { SearchIndex } from '../server/search/searchIndex';
import { loadSearchIndex } from '../server/services/articles';
import { importDirectory } from '../server/services/content';

const QUERIES = [
  'router blinkng orange',
  'E-1043',
  'e1043',
  '0x80070005',
  'HTTP 503',
  'rout',
  'internt',
  'pasword reset link',
  'cant pay my bill',
  'my internet stopped working after the update',
  'esim qr code',
  'card declined 51',
  'DNS_PROBE_FINISHED_NXDOMAIN',
  'mms not sending android',
  'one way audio on calls',
  'tv buffering live football',
  'abcdefghijkl~7',
  'a:^~*',
];
const ROUNDS = 200;

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstcall-bench-'));
  const db = await Database.open(path.join(dir, 'bench.db'));
  await migrate(db);
  const search = new SearchIndex();
  await importDirectory({ db, search }, DEFAULT_CONTENT_DIR);
  const t0 = performance.now();
  const articles = await loadSearchIndex({ db, search });
  const buildMs = performance.now() - t0;

  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of QUERIES) {
      const t = performance.now();
      search.query(q, { role: 'agent', limit: 20 });
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  const result = {
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}`,
    articles,
    buildMs: +buildMs.toFixed(1),
    queries: times.length,
    p50Ms: +pct(times, 50).toFixed(3),
    p95Ms: +pct(times, 95).toFixed(3),
    p99Ms: +pct(times, 99).toFixed(3),
    maxMs: +times[times.length - 1]!.toFixed(3),
  };
  console.log('search over the seed content');
  console.table([result]);
  console.log(JSON.stringify(result));
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
