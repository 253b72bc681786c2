import type { Database, Queryable } from '../../db/connection';
import type { Confidence } from '../../contract/enums';
import type { Actor } from '../../domain/roles';
import { canRead, readableConfidences } from '../../domain/visibility';
import { notFound } from '../../errors';
import type { SearchIndex } from '../../search/searchIndex';
import * as articles from '../../stores/articles';
import type { ArticleRow } from '../../stores/articles';
import { listAudit } from '../../stores/audit';
import { findDepartmentBySlug } from '../../stores/departments';

export interface ArticleDeps {
  db: Database;
  search: SearchIndex;
}

export async function findArticle(
  db: Queryable,
  idOrSlug: string,
): Promise<ArticleRow | undefined> {
  return /^\d+$/.test(idOrSlug)
    ? articles.findArticleById(db, Number(idOrSlug))
    : articles.findArticleBySlug(db, idOrSlug);
}

/** An article the actor may read; 404 (not 403) otherwise, so hidden articles stay unknown. */
export async function getArticle(
  deps: Pick<ArticleDeps, 'db'>,
  actor: Actor,
  idOrSlug: string,
): Promise<ArticleRow> {
  const row = await findArticle(deps.db, idOrSlug);
  if (!row || !canRead(actor.role, row)) throw notFound('Article');
  return row;
}

export interface ListFilters {
  department?: string;
  confidence?: Confidence;
  product?: string;
  tag?: string;
  limit: number;
  offset: number;
}

export async function listArticles(deps: ArticleDeps, actor: Actor, f: ListFilters) {
  let departmentId: number | undefined;
  if (f.department) {
    const d = await findDepartmentBySlug(deps.db, f.department);
    if (!d) return { rows: [], total: 0 };
    departmentId = d.id;
  }
  const allowed = readableConfidences(actor.role);
  const confidence = f.confidence ? allowed.filter((c) => c === f.confidence) : [...allowed];
  if (confidence.length === 0) return { rows: [], total: 0 };
  return articles.listArticles(deps.db, {
    departmentId,
    confidence,
    audience: actor.role === 'agent' ? ['agents'] : undefined,
    product: f.product,
    tag: f.tag,
    limit: f.limit,
    offset: f.offset,
  });
}

/**
 * The article's history: every version (who, when, note, kind, confidence) and the automatic
 * events that are not versions (a failing flag raised by outcomes), newest first.
 */
export async function articleHistory(deps: ArticleDeps, actor: Actor, idOrSlug: string) {
  const row = await getArticle(deps, actor, idOrSlug);
  const [versions, events] = await Promise.all([
    articles.listVersions(deps.db, row.id),
    listAudit(deps.db, {
      entity: 'article',
      entityId: row.id,
      action: 'article.auto_flag',
      limit: 500,
      offset: 0,
    }),
  ]);
  return { versions, events: events.rows };
}

export async function articleVersions(deps: ArticleDeps, actor: Actor, idOrSlug: string) {
  const row = await getArticle(deps, actor, idOrSlug);
  return articles.listVersions(deps.db, row.id);
}
