import fs from 'node:fs';
import path from 'node:path';
import { boot } from '../server/boot';
import { loadConfig, type Config } from '../server/config';
import type { Database } from '../server/db/connection';
import { createLogger } from '../server/logger';
import type { SearchDoc } from '../server/search/document';
import { createUser } from '../server/services/users/users';
import type { Corpus } from './corpus';
import { round } from './lib/stats';
import { runChild, type ChildMessage } from './lib/proc';
import { DEPARTMENTS } from './vocabulary';

/**
 * restart → ready: a real database with N articles, booted once (first start: the index is
 * built, and persisted if the engine does that), then booted again in a fresh process.
 */
export const BENCH_USER = {
  email: 'bench.agent@bench.example',
  password: 'a quiet harbour at dawn',
};

export interface BenchDb {
  dbPath: string;
  contentDir: string;
}

export function benchConfig({ dbPath, contentDir }: BenchDb): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_PATH: dbPath,
    SESSION_SECRET: 'x'.repeat(40),
    CONTENT_DIR: contentDir, // empty: only the bench's articles exist
    LOG_LEVEL: 'silent',
  });
}

/** Creates and migrates the database through boot(), then inserts departments, a user and the articles with SQL. */
export async function makeDatabase(
  dir: string,
  corpus: Corpus,
  size: number,
): Promise<BenchDb & { setupMs: number }> {
  const started = performance.now();
  const db: BenchDb = { dbPath: path.join(dir, 'bench.db'), contentDir: path.join(dir, 'content') };
  fs.mkdirSync(db.contentDir, { recursive: true });
  const runtime = await boot(benchConfig(db), createLogger('silent'));
  for (const d of DEPARTMENTS) {
    await runtime.db.run('INSERT OR IGNORE INTO departments (slug, name, kind) VALUES (?, ?, ?)', [
      d.slug,
      d.name,
      d.kind,
    ]);
  }
  await createUser(runtime.db, {
    ...BENCH_USER,
    name: 'Bench Agent',
    role: 'agent',
    department: 'frontline',
  });
  await insertArticles(runtime.db, corpus.docs(size));
  await runtime.search.whenIdle();
  await runtime.db.close();
  return { ...db, setupMs: round(performance.now() - started) };
}

async function insertArticles(db: Database, docs: SearchDoc[]): Promise<void> {
  const departments = new Map(
    (await db.all<{ id: number; slug: string }>('SELECT id, slug FROM departments')).map((d) => [
      d.slug,
      d.id,
    ]),
  );
  await db.transaction(async (tx) => {
    for (const d of docs) {
      await tx.run(
        `INSERT INTO articles (id, slug, title, issue, issue_html, environment, environment_html,
          resolution, resolution_html, error_codes, products, tags, department_id, audience,
          confidence, verify_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          d.id,
          d.slug,
          d.title,
          d.issue,
          `<p>${escape(d.issue)}</p>`,
          d.environment,
          list('ul', d.environment),
          d.resolution,
          list('ol', d.resolution),
          JSON.stringify(d.errorCodes),
          JSON.stringify(d.products),
          JSON.stringify(d.tags),
          departments.get(d.department.slug)!,
          d.audience,
          d.confidence,
          d.verifyBy,
        ],
      );
    }
  });
}

/** The HTML the Markdown renderer would produce for "- item" / "1. step" lines, near enough. */
function list(tag: 'ul' | 'ol', markdown: string): string {
  const items = markdown
    .split('\n')
    .map((l) => `<li>${escape(l.replace(/^(- |\d+\. )/, ''))}</li>`);
  return `<${tag}>${items.join('')}</${tag}>`;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface BootFigures {
  processStartToReadyMs: number;
  bootMs: number;
  spawnToExitMs: number;
  idleAfterBootMs: number;
  rssMB: number;
  articles: number;
  sampleHits: number;
}

/** First start, then restart, each in a fresh process. */
export async function restartBench(db: BenchDb, timeoutMs: number) {
  const once = async (): Promise<BootFigures | { error: string }> => {
    const run = await runChild({ task: 'boot', ...db }, { timeoutMs });
    const m = run.messages.find((x: ChildMessage) => x.type === 'boot');
    if (!m)
      return {
        error: run.timedOut
          ? `timed out after ${timeoutMs} ms`
          : `exit ${run.exitCode}: ${errorOf(run.messages)}`,
      };
    return { ...(m.figures as BootFigures), spawnToExitMs: round(run.wallMs) };
  };
  const first = await once();
  const second = await once();
  return { first, second };
}

const errorOf = (messages: ChildMessage[]) =>
  String(messages.find((m) => m.type === 'error')?.message ?? 'no result');
