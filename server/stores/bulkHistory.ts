import type { Param, Queryable } from '../db/connection';

/**
 * SQL for the bulk history generator (`cli generate`): what it draws from (agents, published
 * articles), multi-row inserts, and `next_contact_at` recomputed in one statement.
 */
export interface BulkAgent {
  id: number;
  role: 'agent' | 'engineer';
  departmentId: number;
}

/** Active users who take contacts (managers never do, admins only import history). */
export const bulkAgents = (db: Queryable) =>
  db.all<BulkAgent>(
    `SELECT id, role, department_id AS departmentId FROM users
     WHERE active = 1 AND role IN ('agent', 'engineer') ORDER BY id`,
  );

export interface BulkArticle {
  id: number;
  title: string;
  errorCodes: string;
  departmentId: number;
  createdAt: string;
  /** when it first became not_validated or validated (the start of time to publish) */
  publishedAt: string;
}

/** Published articles agents can use, with the first time they were published. */
export const bulkArticles = (db: Queryable) =>
  db.all<BulkArticle>(
    `SELECT a.id, a.title, a.error_codes AS errorCodes, a.department_id AS departmentId,
       a.created_at AS createdAt,
       coalesce((SELECT min(v.created_at) FROM article_versions v WHERE v.article_id = a.id
         AND v.confidence IN ('not_validated', 'validated')), a.created_at) AS publishedAt
     FROM articles a
     WHERE a.audience = 'agents' AND a.confidence IN ('validated', 'not_validated')
     ORDER BY a.id`,
  );

export const maxContactId = async (db: Queryable) =>
  (await db.get<{ n: number }>('SELECT coalesce(max(id), 0) AS n FROM contacts'))!.n;

/** Columns of each table the generator fills, in the order rows give their values. */
export const COLUMNS = {
  contacts: [
    'id',
    'agent_id',
    'agent_department_id',
    'channel',
    'customer_ref',
    'started_at',
    'closed_at',
    'outcome',
    'article_id',
    'article_department_id',
    'escalated_to',
    'reason',
    'note',
  ],
  contact_articles: ['contact_id', 'article_id', 'kind', 'at'],
  search_events: [
    'user_id',
    'contact_id',
    'query',
    'normalized_query',
    'result_count',
    'shown_ids',
    'opened_id',
    'took_ms',
    'created_at',
    'updated_at',
  ],
  article_requests: [
    'department_id',
    'contact_id',
    'requested_by',
    'queries',
    'reason',
    'status',
    'article_id',
    'created_at',
    'resolved_at',
    'resolution_note',
  ],
} as const;

export type BulkTable = keyof typeof COLUMNS;

/** SQLite binds at most 32,766 parameters per statement; stay well below. */
const MAX_PARAMS = 8000;
const statements = new Map<string, string>();

function insertSql(table: BulkTable, rows: number): string {
  const key = `${table}:${rows}`;
  let sql = statements.get(key);
  if (!sql) {
    const columns = COLUMNS[table];
    const tuple = `(${columns.map(() => '?').join(',')})`;
    sql = `INSERT INTO ${table} (${columns.join(',')}) VALUES ${Array(rows).fill(tuple).join(',')}`;
    statements.set(key, sql);
  }
  return sql;
}

/** Inserts `rows` (each in COLUMNS order) with as few multi-row statements as fit. */
export async function insertRows(db: Queryable, table: BulkTable, rows: Param[][]): Promise<void> {
  const width = COLUMNS[table].length;
  const per = Math.floor(MAX_PARAMS / width);
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    await db.run(insertSql(table, chunk.length), chunk.flat());
  }
}

/**
 * `next_contact_at` for every contact with a customer reference: the earliest later start of
 * the same customer, exactly what insertContact keeps one row at a time. A GROUPS frame skips
 * contacts that started at the same instant (insertContact's "started_at >" is strict).
 * Only rows whose value changes are written.
 */
export async function recomputeNextContacts(db: Queryable): Promise<number> {
  const { changes } = await db.run(
    `WITH nx AS (
       SELECT id, first_value(started_at) OVER (
         PARTITION BY customer_ref ORDER BY started_at
         GROUPS BETWEEN 1 FOLLOWING AND 1 FOLLOWING) AS next_at
       FROM contacts WHERE customer_ref IS NOT NULL
     )
     UPDATE contacts SET next_contact_at = nx.next_at FROM nx
     WHERE contacts.id = nx.id AND contacts.next_contact_at IS NOT nx.next_at`,
  );
  return changes;
}
