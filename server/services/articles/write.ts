import type { Queryable } from '../../db/connection';
import { ARTICLE_FIELDS, type ArticleSources } from '../../contract/articleFields';
import type { ArticleCreate, ArticleUpdate } from '../../contract/articles';
import type { Confidence, VersionKind } from '../../contract/enums';
import { auditAction, checkTransition } from '../../domain/confidence';
import type { Actor } from '../../domain/roles';
import { verifyDateFrom } from '../../domain/verification';
import { canRead, canWrite, isPublished } from '../../domain/visibility';
import { conflict, forbidden, notFound, validationFailed } from '../../errors';
import * as articles from '../../stores/articles';
import type { ArticleContent, ArticleRow } from '../../stores/articles';
import { insertAudit } from '../../stores/audit';
import { findDepartmentBySlug } from '../../stores/departments';
import { findUserByEmail } from '../../stores/users';
import { getSettings } from '../settings/settings';
import { findArticle, type ArticleDeps } from './read';
import { render } from './render';
import { toSearchDoc } from './searchDoc';
import { uniqueSlug } from './slugs';
import { linkRequest, linkRequests, resolveRequestsOf } from './requests';
import { articleData, emitEvent } from '../webhooks/events';

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
    // published as validated: validated now, by its author (as a verify records it)
    if (confidence === 'validated')
      await articles.setVerified(tx, id, actor.id, new Date().toISOString());
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
    const row = (await articles.findArticleById(tx, id))!;
    if (isPublished(confidence)) await emitEvent(tx, 'article.published', articleData(row));
    if (confidence === 'validated') await emitEvent(tx, 'article.validated', articleData(row));
    return row;
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
      ...sourcesOf(input, current),
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
    // validating is a verification: "Last verified" and impact show it, not "never"
    if (becameValidated)
      await articles.setVerified(tx, current.id, actor.id, new Date().toISOString());
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
    const row = (await articles.findArticleById(tx, current.id))!;
    if (isPublished(confidence) && !isPublished(current.confidence))
      await emitEvent(tx, 'article.published', articleData(row));
    if (becameValidated) await emitEvent(tx, 'article.validated', articleData(row));
    return { row, changed: true };
  });
  if (result.changed) deps.search.articleChanged(toSearchDoc(result.row));
  return result.row;
}

/** A validated article without a verify-by date gets one: today + its interval or the global. */
async function verifyByFor(
  db: Queryable,
  confidence: Confidence,
  verifyBy: string | null,
  intervalDays: number | null,
): Promise<string | null> {
  if (confidence !== 'validated' || verifyBy) return verifyBy;
  return verifyDateFrom(new Date(), intervalDays ?? (await getSettings(db)).verifyIntervalDays);
}

/** Each content field as given, or as it is when the edit leaves it out. */
function sourcesOf(input: ArticleUpdate, current: ArticleSources): ArticleSources {
  const sources: Record<string, unknown> = {};
  for (const { name } of ARTICLE_FIELDS) sources[name] = input[name] ?? current[name];
  return sources as ArticleSources;
}

/** The facts compared besides the content (rendered HTML follows from the sources). */
const COMPARED: (keyof ArticleContent)[] = [
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
    ARTICLE_FIELDS.every(({ name }) => JSON.stringify(a[name]) === JSON.stringify(b[name]))
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
