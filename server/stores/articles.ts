import {
  ARTICLE_FIELDS,
  htmlName,
  type ArticleHtml,
  type ArticleSources,
  type ListFieldName,
} from '../contract/articleFields';
import type { Audience, Confidence, VersionKind } from '../contract/enums';
import type { Param, Queryable } from '../db/connection';

/** The editable fields of an article: its content (sources plus rendered HTML) and facts. */
export interface ArticleContent extends ArticleSources, ArticleHtml {
  departmentId: number;
  ownerId: number | null;
  audience: Audience;
  confidence: Confidence;
  verifyBy: string | null;
  /** days between verifications; null = the global setting */
  verifyIntervalDays: number | null;
}

export interface ArticleRow extends ArticleContent {
  id: number;
  slug: string;
  version: number;
  departmentSlug: string;
  departmentName: string;
  ownerName: string | null;
  updatedById: number | null;
  updatedByName: string | null;
  verifiedAt: string | null;
  verifiedByName: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Lists are stored as JSON text. */
type Stored<T> = Omit<T, ListFieldName> & { [K in ListFieldName]: string };
type RawRow = Stored<ArticleRow>;

const column = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** Every content column in catalogue order, each Markdown source followed by its HTML. */
const CONTENT_COLUMNS = ARTICLE_FIELDS.flatMap((f) =>
  f.kind === 'markdown' ? [f.name, htmlName(f.name)] : [f.name],
);
/** The sources alone: what a version keeps (its HTML is rendered again when restored). */
const SOURCE_COLUMNS = ARTICLE_FIELDS.map((f) => f.name);
const selectList = (names: readonly string[], table: string) =>
  names.map((n) => `${table}${column(n)} AS ${n}`).join(', ');

const SELECT = `SELECT a.id, a.slug, ${selectList(CONTENT_COLUMNS, 'a.')},
  a.department_id AS departmentId, d.slug AS departmentSlug, d.name AS departmentName,
  a.owner_id AS ownerId, o.name AS ownerName, a.audience, a.confidence, a.verify_by AS verifyBy,
  a.verify_interval_days AS verifyIntervalDays, a.verified_at AS verifiedAt, vb.name AS verifiedByName,
  a.version, a.updated_by AS updatedById, ub.name AS updatedByName,
  a.created_at AS createdAt, a.updated_at AS updatedAt
  FROM articles a
  JOIN departments d ON d.id = a.department_id
  LEFT JOIN users o ON o.id = a.owner_id
  LEFT JOIN users ub ON ub.id = a.updated_by
  LEFT JOIN users vb ON vb.id = a.verified_by`;

function parseLists<T>(r: Stored<T>): T {
  const row: Record<string, unknown> = { ...r };
  for (const f of ARTICLE_FIELDS) if (f.kind === 'list') row[f.name] = JSON.parse(r[f.name]);
  return row as T;
}
const parse = (r: RawRow): ArticleRow => parseLists<ArticleRow>(r);

export async function findArticleById(db: Queryable, id: number): Promise<ArticleRow | undefined> {
  const row = await db.get<RawRow>(`${SELECT} WHERE a.id = ?`, [id]);
  return row && parse(row);
}

export async function findArticleBySlug(
  db: Queryable,
  slug: string,
): Promise<ArticleRow | undefined> {
  const row = await db.get<RawRow>(`${SELECT} WHERE a.slug = ?`, [slug]);
  return row && parse(row);
}

export async function allArticles(db: Queryable): Promise<ArticleRow[]> {
  return (await db.all<RawRow>(`${SELECT} ORDER BY a.id`)).map(parse);
}

export interface ArticleFilter {
  departmentId?: number;
  confidence?: Confidence[];
  audience?: Audience[];
  product?: string;
  tag?: string;
  limit: number;
  offset: number;
}

export async function listArticles(
  db: Queryable,
  f: ArticleFilter,
): Promise<{ rows: ArticleRow[]; total: number }> {
  const where: string[] = [];
  const params: Param[] = [];
  if (f.departmentId !== undefined) {
    where.push('a.department_id = ?');
    params.push(f.departmentId);
  }
  if (f.confidence) {
    where.push(`a.confidence IN (${f.confidence.map(() => '?').join(', ')})`);
    params.push(...f.confidence);
  }
  if (f.audience) {
    where.push(`a.audience IN (${f.audience.map(() => '?').join(', ')})`);
    params.push(...f.audience);
  }
  if (f.product) {
    where.push('EXISTS (SELECT 1 FROM json_each(a.products) WHERE value = ? COLLATE NOCASE)');
    params.push(f.product);
  }
  if (f.tag) {
    where.push('EXISTS (SELECT 1 FROM json_each(a.tags) WHERE value = ? COLLATE NOCASE)');
    params.push(f.tag);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (await db.get<{ n: number }>(
    `SELECT count(*) AS n FROM articles a ${clause}`,
    params,
  ))!.n;
  const rows = await db.all<RawRow>(
    `${SELECT} ${clause} ORDER BY a.updated_at DESC, a.id DESC LIMIT ? OFFSET ?`,
    [...params, f.limit, f.offset],
  );
  return { rows: rows.map(parse), total };
}

const FACT_COLUMNS = [
  'department_id',
  'owner_id',
  'audience',
  'confidence',
  'verify_by',
  'verify_interval_days',
];
const WRITTEN_COLUMNS = [...CONTENT_COLUMNS.map(column), ...FACT_COLUMNS];

/** Values for WRITTEN_COLUMNS, in that order. */
const contentParams = (c: ArticleContent): Param[] => [
  ...CONTENT_COLUMNS.map((n) => {
    const value = c[n as keyof ArticleContent];
    return Array.isArray(value) ? JSON.stringify(value) : (value as string);
  }),
  c.departmentId,
  c.ownerId,
  c.audience,
  c.confidence,
  c.verifyBy,
  c.verifyIntervalDays,
];

export async function insertArticle(
  db: Queryable,
  slug: string,
  c: ArticleContent,
  authorId: number | null,
): Promise<number> {
  const { lastID } = await db.run(
    `INSERT INTO articles (${WRITTEN_COLUMNS.join(', ')}, slug, version, created_by, updated_by)
     VALUES (${WRITTEN_COLUMNS.map(() => '?').join(', ')}, ?, 1, ?, ?)`,
    [...contentParams(c), slug, authorId, authorId],
  );
  return lastID;
}

/**
 * Writes a new version only if the article is still at `expectedVersion`.
 * Returns false when someone saved in between (the caller answers 409; nothing changed).
 */
export async function updateArticle(
  db: Queryable,
  id: number,
  expectedVersion: number,
  c: ArticleContent,
  authorId: number | null,
): Promise<boolean> {
  const { changes } = await db.run(
    `UPDATE articles SET ${WRITTEN_COLUMNS.map((c) => `${c} = ?`).join(', ')}, version = version + 1, updated_by = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE id = ? AND version = ?`,
    [...contentParams(c), authorId, id, expectedVersion],
  );
  return changes === 1;
}

const SNAPSHOT_COLUMNS = SOURCE_COLUMNS.map(column).join(', ');

/** Snapshots the article's current state as a version row (call after insert/update). */
export async function insertVersionSnapshot(
  db: Queryable,
  articleId: number,
  authorId: number | null,
  note: string,
  kind: VersionKind = 'edit',
  restoredFrom: number | null = null,
): Promise<void> {
  await db.run(
    `INSERT INTO article_versions (article_id, version, ${SNAPSHOT_COLUMNS}, department_id,
       owner_id, audience, confidence, verify_by, author_id, note, kind, restored_from, created_at)
     SELECT id, version, ${SNAPSHOT_COLUMNS}, department_id, owner_id, audience, confidence,
       verify_by, ?, ?, ?, ?, updated_at
     FROM articles WHERE id = ?`,
    [authorId, note, kind, restoredFrom, articleId],
  );
}

/** The sources as they were at one version. */
export interface VersionSnapshot extends ArticleSources {
  version: number;
  departmentId: number;
  ownerId: number | null;
  audience: Audience;
  confidence: Confidence;
  verifyBy: string | null;
}

export async function findVersion(
  db: Queryable,
  articleId: number,
  version: number,
): Promise<VersionSnapshot | undefined> {
  const row = await db.get<Stored<VersionSnapshot>>(
    `SELECT version, ${selectList(SOURCE_COLUMNS, '')}, department_id AS departmentId,
       owner_id AS ownerId, audience, confidence, verify_by AS verifyBy
     FROM article_versions WHERE article_id = ? AND version = ?`,
    [articleId, version],
  );
  return row && parseLists<VersionSnapshot>(row);
}

/** Marks the article verified now (the version bump is the caller's snapshot). */
export const setVerified = (db: Queryable, id: number, by: number | null, at: string) =>
  db.run('UPDATE articles SET verified_at = ?, verified_by = ? WHERE id = ?', [at, by, id]);

export interface VersionRow {
  version: number;
  kind: VersionKind;
  restoredFrom: number | null;
  authorId: number | null;
  authorName: string | null;
  note: string;
  confidence: Confidence;
  createdAt: string;
}

export const listVersions = (db: Queryable, articleId: number) =>
  db.all<VersionRow>(
    `SELECT v.version, v.kind, v.restored_from AS restoredFrom, v.author_id AS authorId, u.name AS authorName, v.note, v.confidence,
       v.created_at AS createdAt
     FROM article_versions v LEFT JOIN users u ON u.id = v.author_id
     WHERE v.article_id = ? ORDER BY v.version DESC`,
    [articleId],
  );

export const slugExists = async (db: Queryable, slug: string) =>
  (await db.get<{ id: number }>('SELECT id FROM articles WHERE slug = ?', [slug])) !== undefined;

export const countArticles = async (db: Queryable) =>
  (await db.get<{ n: number }>('SELECT count(*) AS n FROM articles'))!.n;

/** Demo history only: when the article (and its first version) appeared. */
export async function setArticlePublishedAt(db: Queryable, id: number, at: string): Promise<void> {
  await db.run('UPDATE articles SET created_at = ? WHERE id = ?', [at, id]);
  await db.run('UPDATE article_versions SET created_at = ? WHERE article_id = ? AND version = 1', [
    at,
    id,
  ]);
}
