import { ARTICLE_FIELDS, htmlName, type PresentedContent } from '../contract/articleFields';
import type { Article, ArticleSummary, ArticleVersion } from '../contract/articleResponses';
import type { Role } from '../contract/enums';
import { isStale } from '../domain/verification';
import { seesInternalFields } from '../domain/visibility';
import type { ArticleRow, VersionRow } from '../stores/articles';

/** Each content field, its HTML after its source; internal ones only for those who see them. */
function presentContent(a: ArticleRow, role: Role) {
  const content: Record<string, string | string[]> = {};
  for (const f of ARTICLE_FIELDS) {
    if (f.internal && !seesInternalFields(role)) continue;
    content[f.name] = a[f.name];
    if (f.kind === 'markdown') content[htmlName(f.name)] = a[htmlName(f.name)];
  }
  return content as PresentedContent;
}

/** The full article; internal fields (the cause) only for those who see them. */
export function presentArticle(a: ArticleRow, role: Role): Article {
  return {
    id: a.id,
    slug: a.slug,
    ...presentContent(a, role),
    department: { id: a.departmentId, slug: a.departmentSlug, name: a.departmentName },
    owner: a.ownerId === null ? null : { id: a.ownerId, name: a.ownerName },
    audience: a.audience,
    confidence: a.confidence,
    verifyBy: a.verifyBy,
    verifyIntervalDays: a.verifyIntervalDays,
    verifiedAt: a.verifiedAt,
    verifiedBy: a.verifiedByName,
    stale: isStale(a),
    version: a.version,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    updatedBy: a.updatedById === null ? null : { id: a.updatedById, name: a.updatedByName },
  };
}

/** One line of a list: enough to choose, not the whole article. */
export function presentArticleSummary(a: ArticleRow): ArticleSummary {
  return {
    id: a.id,
    slug: a.slug,
    title: a.title,
    department: { id: a.departmentId, slug: a.departmentSlug, name: a.departmentName },
    audience: a.audience,
    confidence: a.confidence,
    errorCodes: a.errorCodes,
    products: a.products,
    tags: a.tags,
    verifyBy: a.verifyBy,
    stale: isStale(a),
    version: a.version,
    updatedAt: a.updatedAt,
  };
}

export const presentVersion = (v: VersionRow): ArticleVersion => ({
  version: v.version,
  kind: v.kind,
  restoredFrom: v.restoredFrom,
  author: v.authorId === null ? null : { id: v.authorId, name: v.authorName },
  note: v.note,
  confidence: v.confidence,
  createdAt: v.createdAt,
});
