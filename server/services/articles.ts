import type { Database, Queryable } from '../db/connection';
import { conflict, forbidden, notFound, validationFailed } from '../errors';
import { htmlToText, renderMarkdown } from '../markdown/render';
import type { SearchDoc } from '../search/document';
import type { SearchIndex } from '../search/searchIndex';
import * as articles from '../stores/articles';
import type { ArticleContent, ArticleRow, VersionKind } from '../stores/articles';
import { findDepartmentBySlug } from '../stores/departments';
import { findUserByEmail } from '../stores/users';
import { insertAudit, listAudit } from '../stores/audit';
import { linkRequest, linkRequests, resolveRequestsOf } from './articleRequests';
import type { ArticleCreate, ArticleUpdate } from './articleSchema';
import { auditAction, checkTransition } from './confidence';
import { getSettings } from './settings';
import { canRead, canWrite, type Actor } from './permissions';

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
  confidence?: articles.Confidence;
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
  const agent = actor.role === 'agent';
  const allowed: articles.Confidence[] = agent
    ? ['validated', 'not_validated']
    : ['wip', 'not_validated', 'validated', 'archived'];
  const confidence = f.confidence ? allowed.filter((c) => c === f.confidence) : allowed;
  if (confidence.length === 0) return { rows: [], total: 0 };
  return articles.listArticles(deps.db, {
    departmentId,
    confidence,
    audience: agent ? ['agents'] : undefined,
    product: f.product,
    tag: f.tag,
    limit: f.limit,
    offset: f.offset,
  });
}

export async function createArticle(
  deps: ArticleDeps,
  actor: Actor,
  input: ArticleCreate,
): Promise<ArticleRow> {
  const row = await deps.db.transaction(async (tx) => {
    const department = await findDepartmentBySlug(tx, input.department);
    if (!department)
      throw validationFailed(`Unknown department "${input.department}".`, 'department');
    if (!canWrite(actor, department.id))
      throw forbidden('You can only write articles for your own department.');
    const slug = input.slug ?? (await uniqueSlug(tx, input.title));
    if (input.slug && (await articles.slugExists(tx, slug))) {
      throw conflict('slug_taken', `An article with the slug "${slug}" already exists.`, 'slug');
    }
    const confidence = input.confidence ?? (input.resolution.trim() ? 'not_validated' : 'wip');
    const verifyIntervalDays = input.verifyIntervalDays ?? null;
    const content = render({
      ...input,
      departmentId: department.id,
      ownerId: await ownerId(tx, input.owner, actor.id),
      confidence,
      verifyIntervalDays,
      verifyBy: await verifyByFor(tx, confidence, input.verifyBy ?? null, verifyIntervalDays),
    });
    const id = await articles.insertArticle(tx, slug, content, actor.id);
    await articles.insertVersionSnapshot(tx, id, actor.id, input.note || 'Created', 'create');
    const answered: number[] = [];
    if (input.requestId !== undefined) {
      await linkRequest(tx, input.requestId, id, department.id);
      answered.push(input.requestId);
    }
    if (input.requestIds !== undefined) {
      const others = input.requestIds.filter((r) => r !== input.requestId);
      answered.push(...(await linkRequests(tx, others, id, department.id)));
    }
    if (isPublished(confidence)) await resolveRequestsOf(tx, id, actor.id);
    await insertAudit(tx, {
      actorId: actor.id,
      action: 'article.create',
      entity: 'article',
      entityId: id,
      detail: {
        slug,
        confidence,
        ...(input.requestId && { requestId: input.requestId }),
        ...(answered.length > 0 && input.requestIds && { requestIds: answered }),
      },
    });
    return (await articles.findArticleById(tx, id))!;
  });
  deps.search.articleChanged(toSearchDoc(row)); // after commit: the index never shows uncommitted data
  return row;
}

/** Saves a new version. 409 when `version` is not the current one: nothing is overwritten. */
export async function updateArticle(
  deps: ArticleDeps,
  actor: Actor,
  idOrSlug: string,
  input: ArticleUpdate,
  why: { kind?: VersionKind; restoredFrom?: number; reason?: string; force?: boolean } = {},
): Promise<ArticleRow> {
  const result = await deps.db.transaction(async (tx) => {
    const current = await findArticle(tx, idOrSlug);
    if (!current || !canRead(actor.role, current)) throw notFound('Article');
    if (!canWrite(actor, current.departmentId))
      throw forbidden('You can only edit articles of your own department.');
    if (input.version !== current.version) {
      throw conflict(
        'article_version_conflict',
        `This article was saved by someone else (now version ${current.version}; you edited version ${input.version}). Reload it and apply your changes again.`,
        'version',
      );
    }
    let departmentId = current.departmentId;
    if (input.department !== undefined && input.department !== current.departmentSlug) {
      const d = await findDepartmentBySlug(tx, input.department);
      if (!d) throw validationFailed(`Unknown department "${input.department}".`, 'department');
      if (!canWrite(actor, d.id))
        throw forbidden('You can only move articles to your own department.');
      departmentId = d.id;
    }
    const confidence = input.confidence ?? current.confidence;
    if (confidence !== current.confidence) checkTransition(actor, current.confidence, confidence);
    const verifyIntervalDays =
      input.verifyIntervalDays !== undefined
        ? input.verifyIntervalDays
        : current.verifyIntervalDays;
    const becameValidated = confidence === 'validated' && current.confidence !== 'validated';
    const next = render({
      title: input.title ?? current.title,
      issue: input.issue ?? current.issue,
      environment: input.environment ?? current.environment,
      resolution: input.resolution ?? current.resolution,
      cause: input.cause ?? current.cause,
      errorCodes: input.errorCodes ?? current.errorCodes,
      products: input.products ?? current.products,
      tags: input.tags ?? current.tags,
      departmentId,
      ownerId:
        input.owner !== undefined ? await ownerId(tx, input.owner, actor.id) : current.ownerId,
      audience: input.audience ?? current.audience,
      confidence,
      verifyIntervalDays,
      // validating starts a fresh verification period unless a date is given
      verifyBy: await verifyByFor(
        tx,
        confidence,
        input.verifyBy !== undefined ? input.verifyBy : becameValidated ? null : current.verifyBy,
        verifyIntervalDays,
      ),
    });
    // a verification is recorded even when the date does not move (verified twice a day)
    if (!why.force && sameContent(current, next)) return { row: current, changed: false };
    const saved = await articles.updateArticle(tx, current.id, input.version, next, actor.id);
    if (!saved)
      throw conflict(
        'article_version_conflict',
        'This article was saved by someone else meanwhile.',
        'version',
      );
    const kind = why.kind ?? (confidence !== current.confidence ? 'confidence' : 'edit');
    const note = input.note ?? why.reason ?? '';
    await articles.insertVersionSnapshot(tx, current.id, actor.id, note, kind, why.restoredFrom);
    if (isPublished(confidence) && !isPublished(current.confidence))
      await resolveRequestsOf(tx, current.id, actor.id);
    await insertAudit(tx, {
      actorId: actor.id,
      action: auditAction(kind, current.confidence, confidence),
      entity: 'article',
      entityId: current.id,
      detail: {
        version: input.version + 1,
        ...(confidence !== current.confidence && { from: current.confidence, to: confidence }),
        ...(why.restoredFrom !== undefined && { restoredFrom: why.restoredFrom }),
        ...(note && { note }),
      },
    });
    return { row: (await articles.findArticleById(tx, current.id))!, changed: true };
  });
  if (result.changed) deps.search.articleChanged(toSearchDoc(result.row));
  return result.row;
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

/** Loads every article into the search index at boot (reusing the saved index where it can). */
export async function loadSearchIndex(deps: ArticleDeps): Promise<number> {
  const rows = await articles.allArticles(deps.db);
  deps.search.load(rows.map(toSearchDoc));
  return rows.length;
}

export function toSearchDoc(row: ArticleRow): SearchDoc {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    issue: htmlToText(row.issueHtml),
    environment: htmlToText(row.environmentHtml),
    resolution: htmlToText(row.resolutionHtml),
    errorCodes: row.errorCodes,
    products: row.products,
    tags: row.tags,
    confidence: row.confidence,
    audience: row.audience,
    department: { slug: row.departmentSlug, name: row.departmentName },
    verifyBy: row.verifyBy,
    version: row.version,
  };
}

type Sources = Omit<
  ArticleContent,
  'issueHtml' | 'environmentHtml' | 'resolutionHtml' | 'causeHtml'
>;

/** Markdown is rendered and sanitized once, here, at write time; readers get stored HTML. */
function render(s: Sources): ArticleContent {
  if ((s.confidence === 'not_validated' || s.confidence === 'validated') && !s.resolution.trim()) {
    throw validationFailed(
      'A published article needs a resolution (or save it as wip).',
      'resolution',
    );
  }
  return {
    ...s,
    issueHtml: renderMarkdown(s.issue),
    environmentHtml: renderMarkdown(s.environment),
    resolutionHtml: renderMarkdown(s.resolution),
    causeHtml: renderMarkdown(s.cause),
  };
}

/** A validated article without a verify-by date gets one: today + its interval or the global. */
async function verifyByFor(
  db: Queryable,
  confidence: articles.Confidence,
  verifyBy: string | null,
  intervalDays: number | null,
): Promise<string | null> {
  if (confidence !== 'validated' || verifyBy) return verifyBy;
  return verifyDateFrom(new Date(), intervalDays ?? (await getSettings(db)).verifyIntervalDays);
}

const isPublished = (c: articles.Confidence) => c === 'not_validated' || c === 'validated';

export const verifyDateFrom = (from: Date, days: number) =>
  new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);

const COMPARED: (keyof ArticleContent)[] = [
  'title',
  'issue',
  'environment',
  'resolution',
  'cause',
  'departmentId',
  'ownerId',
  'audience',
  'confidence',
  'verifyBy',
  'verifyIntervalDays',
];

function sameContent(a: ArticleRow, b: ArticleContent): boolean {
  return (
    COMPARED.every((k) => a[k] === b[k]) &&
    JSON.stringify([a.errorCodes, a.products, a.tags]) ===
      JSON.stringify([b.errorCodes, b.products, b.tags])
  );
}

async function ownerId(
  db: Queryable,
  email: string | undefined,
  fallback: number | null,
): Promise<number | null> {
  if (!email) return fallback;
  const user = await findUserByEmail(db, email);
  if (!user) throw validationFailed(`No user with the email ${email}.`, 'owner');
  return user.id;
}

export function slugify(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'article'
  );
}

async function uniqueSlug(db: Queryable, title: string): Promise<string> {
  const base = slugify(title);
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await articles.slugExists(db, slug))) return slug;
  }
}
