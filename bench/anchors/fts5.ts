import sqlite3 from 'sqlite3';
import type { SearchDoc } from '../../server/search/document';
import { fieldsOf, visibleToAgent } from './visible';

/**
 * Anchor 1: SQLite FTS5 over the same fields, porter + unicode61 tokenizer, bm25 with weights
 * like ours. It is what a team would reach for instead of an in-process index, so our figures
 * are read against it.
 */
const WEIGHTS = [10, 5, 3, 2, 1, 1]; // errorCodes, title, issue, labels, environment, resolution

export interface FtsHit {
  id: number;
  title: string;
  snippet?: string;
}

export class Fts5Anchor {
  errors = 0;
  private constructor(private readonly db: sqlite3.Database) {}

  static async open(file = ':memory:'): Promise<Fts5Anchor> {
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const d = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(d)));
    });
    const anchor = new Fts5Anchor(db);
    await anchor.exec(`CREATE VIRTUAL TABLE docs USING fts5(
      errorCodes, title, issue, labels, environment, resolution, visible UNINDEXED,
      tokenize = 'porter unicode61')`);
    return anchor;
  }

  async build(docs: Iterable<SearchDoc>): Promise<void> {
    await this.exec('BEGIN');
    const stmt = this.db.prepare(
      'INSERT INTO docs (rowid, errorCodes, title, issue, labels, environment, resolution, visible) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const pending: Promise<void>[] = [];
    for (const d of docs) {
      const f = fieldsOf(d);
      const row = [
        d.id,
        f.errorCodes,
        f.title,
        f.issue,
        f.labels,
        f.environment,
        f.resolution,
        visibleToAgent(d) ? 1 : 0,
      ];
      pending.push(
        new Promise((resolve, reject) => stmt.run(row, (err) => (err ? reject(err) : resolve()))),
      );
    }
    await Promise.all(pending);
    await new Promise<void>((resolve, reject) =>
      stmt.finalize((err) => (err ? reject(err) : resolve())),
    );
    await this.exec('COMMIT');
  }

  /** Top `limit` ids (and titles and snippets for the HTTP anchor); invalid queries count as errors. */
  async search(text: string, limit = 20, withSnippet = false): Promise<FtsHit[]> {
    const match = toFtsQuery(text);
    if (!match) return [];
    const columns = withSnippet
      ? `, title, snippet(docs, 2, '<mark>', '</mark>', '…', 12) AS snippet`
      : '';
    const sql = `SELECT rowid AS id${columns} FROM docs WHERE docs MATCH ? AND visible = 1
      ORDER BY bm25(docs, ${WEIGHTS.join(', ')}) LIMIT ?`;
    return new Promise((resolve) =>
      this.db.all(sql, [match, limit], (err, rows) => {
        if (err) this.errors++;
        resolve(err ? [] : (rows as FtsHit[]));
      }),
    );
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) =>
      this.db.close((err) => (err ? reject(err) : resolve())),
    );
  }

  private exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) =>
      this.db.exec(sql, (err) => (err ? reject(err) : resolve())),
    );
  }
}

/**
 * Free text → a safe FTS5 query: every whitespace-separated term quoted (so `AND`, `-`, `:`,
 * `*` or `^` are plain text), OR-ed; the last term as a prefix while the user is still typing.
 */
export function toFtsQuery(text: string, maxTerms = 16): string | null {
  const raw = text
    .split(/\s+/)
    .filter((t) => /[\p{L}\p{N}]/u.test(t))
    .slice(0, maxTerms);
  if (raw.length === 0) return null;
  const typing = !/\s$/.test(text);
  return raw
    .map((t, i) => {
      const quoted = `"${t.replace(/"/g, '""')}"`;
      // as in our index, a prefix needs 2+ characters ("i"* would match a fifth of all words)
      return typing && i === raw.length - 1 && t.length >= 2 ? `${quoted}*` : quoted;
    })
    .join(' OR ');
}
