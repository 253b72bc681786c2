import { diffLines, diffWordsWithSpace } from 'diff';
import {
  ARTICLE_FIELDS,
  type ArticleSources,
  type DiffedFieldName,
} from '../../contract/articleFields';
import { badRequest, forbidden, notFound, validationFailed } from '../../errors';
import * as articles from '../../stores/articles';
import type { ArticleRow, VersionSnapshot } from '../../stores/articles';
import { AUDIENCE_LABELS, CONFIDENCE_LABELS, type Confidence } from '../../contract/enums';
import { getArticle, type ArticleDeps } from './read';
import { updateArticle } from './write';
import { verifyDateFrom } from '../../domain/verification';
import type { Actor } from '../../domain/roles';
import { canRead, canWrite, seesInternalFields } from '../../domain/visibility';
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
      ...sourcesOf(old),
      audience: old.audience,
      note: `Restored version ${old.version}`,
    },
    { kind: 'restore', restoredFrom: old.version },
  );
}

/** A version's content (its HTML is rendered again on save). */
function sourcesOf(v: VersionSnapshot): ArticleSources {
  return Object.fromEntries(ARTICLE_FIELDS.map(({ name }) => [name, v[name]])) as ArticleSources;
}

/** The facts compared between versions, after the content. */
const DIFFED_FACTS = ['audience', 'confidence', 'verifyBy'] as const;
type DiffedField = DiffedFieldName | (typeof DIFFED_FACTS)[number];

/**
 * The fields compared between versions, in reading order, each with whether it is internal and
 * whether it is compared line by line (Markdown and lists: a changed step is one changed line)
 * or word by word (a title).
 */
const DIFFED: { name: DiffedField; internal: boolean; lines: boolean }[] = [
  ...ARTICLE_FIELDS.filter((f) => f.diffed).map((f) => ({ ...f, lines: f.kind !== 'plain' })),
  ...DIFFED_FACTS.map((name) => ({ name, internal: false, lines: false })),
];

export interface FieldDiff {
  field: DiffedField;
  /** pieces (whole lines for Markdown and lists, words otherwise): unchanged, added or removed */
  parts: { value: string; added?: boolean; removed?: boolean }[];
}

/** What changed between two versions, field by field, line by line (a title word by word). */
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
  for (const { name: field, internal, lines } of DIFFED) {
    if (internal && !seesInternalFields(actor.role)) continue;
    const before = text(a, field);
    const after = text(b, field);
    if (before === after) continue;
    fields.push({
      field,
      parts: (lines ? lineDiff(before, after) : diffWordsWithSpace(before, after)).map((p) => ({
        value: p.value,
        ...(p.added && { added: true }),
        ...(p.removed && { removed: true }),
      })),
    });
  }
  return { from, to, fields };
}

/**
 * Line by line. Every line ends with a newline while comparing, so adding a line after the last
 * one does not also mark the last one as changed; the last piece gives it back.
 */
function lineDiff(before: string, after: string) {
  const parts = diffLines(`${before}\n`, `${after}\n`).map((p) => ({ ...p }));
  const strip = (i: number) => (parts[i]!.value = parts[i]!.value.slice(0, -1));
  const endBefore = parts.findLastIndex((p) => !p.added);
  const endAfter = parts.findLastIndex((p) => !p.removed);
  if (endBefore === endAfter) strip(endBefore);
  else {
    // one side ends first; if it ends on an unchanged piece, that newline is real for the other
    // side, so it moves to the start of the piece that follows (the other side's only)
    const first = Math.min(endBefore, endAfter);
    const shared = !parts[first]!.added && !parts[first]!.removed;
    strip(first);
    strip(Math.max(endBefore, endAfter));
    if (shared) parts[first + 1]!.value = `\n${parts[first + 1]!.value}`;
  }
  return parts.filter((p) => p.value !== '');
}

/** A field as people read it: lists one item per line, confidence and audience as labels. */
function text(v: VersionSnapshot, field: DiffedField): string {
  if (field === 'confidence') return CONFIDENCE_LABELS[v.confidence];
  if (field === 'audience') return AUDIENCE_LABELS[v.audience];
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
