import { diffWordsWithSpace } from 'diff';
import { badRequest, forbidden, notFound, validationFailed } from '../../errors';
import * as articles from '../../stores/articles';
import type { ArticleRow, VersionSnapshot } from '../../stores/articles';
import type { Confidence } from '../../contract/enums';
import { getArticle, type ArticleDeps } from './read';
import { updateArticle } from './write';
import { verifyDateFrom } from '../../domain/verification';
import type { Actor } from '../../domain/roles';
import { canRead, canWrite } from '../../domain/visibility';
import { getSettings } from '../settings/settings';

/** Submit, validate, archive, restore: a confidence change is a new version. */
export function changeConfidence(
  deps: ArticleDeps,
  actor: Actor,
  idOrSlug: string,
  input: { to: Confidence; version: number; note?: string },
): Promise<ArticleRow> {
  return updateArticle(deps, actor, idOrSlug, {
    version: input.version,
    confidence: input.to,
    note: input.note,
  });
}

/** "Verify now": the owners confirm the article still holds; a new verification period. */
export async function verifyArticle(
  deps: ArticleDeps,
  actor: Actor,
  idOrSlug: string,
  input: { version: number; note?: string },
): Promise<ArticleRow> {
  const current = await writable(deps, actor, idOrSlug);
  if (current.confidence !== 'validated')
    throw badRequest('article_not_validated', 'Only validated articles are verified.');
  const days = current.verifyIntervalDays ?? (await getSettings(deps.db)).verifyIntervalDays;
  const now = new Date();
  let row = await updateArticle(
    deps,
    actor,
    idOrSlug,
    { version: input.version, verifyBy: verifyDateFrom(now, days), note: input.note ?? 'Verified' },
    { kind: 'verify', force: true },
  );
  await articles.setVerified(deps.db, row.id, actor.id, now.toISOString());
  row = (await articles.findArticleById(deps.db, row.id))!;
  return row;
}

/** Brings back the sources of an old version as a new version (history is never rewritten). */
export async function restoreVersion(
  deps: ArticleDeps,
  actor: Actor,
  idOrSlug: string,
  input: { from: number; version: number },
): Promise<ArticleRow> {
  const current = await writable(deps, actor, idOrSlug);
  const old = await articles.findVersion(deps.db, current.id, input.from);
  if (!old) throw validationFailed(`There is no version ${input.from}.`, 'from');
  return updateArticle(
    deps,
    actor,
    idOrSlug,
    {
      version: input.version,
      title: old.title,
      issue: old.issue,
      environment: old.environment,
      resolution: old.resolution,
      cause: old.cause,
      errorCodes: old.errorCodes,
      products: old.products,
      tags: old.tags,
      audience: old.audience,
      note: `Restored version ${old.version}`,
    },
    { kind: 'restore', restoredFrom: old.version },
  );
}

/** The fields compared between versions, in reading order. */
const DIFFED = [
  'title',
  'issue',
  'environment',
  'resolution',
  'cause',
  'errorCodes',
  'products',
  'tags',
  'audience',
  'confidence',
  'verifyBy',
] as const;

export interface FieldDiff {
  field: (typeof DIFFED)[number];
  /** word-level pieces: unchanged, added or removed text */
  parts: { value: string; added?: boolean; removed?: boolean }[];
}

/** What changed between two versions, field by field, word by word. */
export async function diffVersions(
  deps: ArticleDeps,
  actor: Actor,
  idOrSlug: string,
  from: number,
  to: number,
): Promise<{ from: number; to: number; fields: FieldDiff[] }> {
  const article = await getArticle(deps, actor, idOrSlug);
  const [a, b] = await Promise.all([
    articles.findVersion(deps.db, article.id, from),
    articles.findVersion(deps.db, article.id, to),
  ]);
  if (!a) throw validationFailed(`There is no version ${from}.`, 'from');
  if (!b) throw validationFailed(`There is no version ${to}.`, 'to');
  // agents compare only versions they could have read (never internal or draft text)
  if (!canRead(actor.role, a) || !canRead(actor.role, b)) throw notFound('Version');
  const fields: FieldDiff[] = [];
  for (const field of DIFFED) {
    if (field === 'cause' && actor.role === 'agent') continue; // internal
    const before = text(a, field);
    const after = text(b, field);
    if (before === after) continue;
    fields.push({
      field,
      parts: diffWordsWithSpace(before, after).map((p) => ({
        value: p.value,
        ...(p.added && { added: true }),
        ...(p.removed && { removed: true }),
      })),
    });
  }
  return { from, to, fields };
}

function text(v: VersionSnapshot, field: (typeof DIFFED)[number]): string {
  const value = v[field];
  if (Array.isArray(value)) return value.join('\n');
  return value ?? '';
}

async function writable(deps: ArticleDeps, actor: Actor, idOrSlug: string): Promise<ArticleRow> {
  const current = await getArticle(deps, actor, idOrSlug);
  if (!canWrite(actor, current.departmentId))
    throw forbidden('Only the owning department’s engineers and admins can do that.');
  return current;
}
