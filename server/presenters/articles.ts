import { isStale } from '../search/searchIndex';
import type { Role } from '../services/permissions';
import type { ArticleRow, VersionRow } from '../stores/articles';

const today = () => new Date().toISOString().slice(0, 10);

/** The full article. The cause is internal (DESIGN §2): agents do not get it. */
export function presentArticle(a: ArticleRow, role: Role) {
  return {
    id: a.id,
    slug: a.slug,
    title: a.title,
    issue: a.issue,
    issueHtml: a.issueHtml,
    environment: a.environment,
    environmentHtml: a.environmentHtml,
    resolution: a.resolution,
    resolutionHtml: a.resolutionHtml,
    ...(role === 'agent' ? {} : { cause: a.cause, causeHtml: a.causeHtml }),
    errorCodes: a.errorCodes,
    products: a.products,
    tags: a.tags,
    department: { id: a.departmentId, slug: a.departmentSlug, name: a.departmentName },
    owner: a.ownerId === null ? null : { id: a.ownerId, name: a.ownerName },
    audience: a.audience,
    confidence: a.confidence,
    verifyBy: a.verifyBy,
    verifyIntervalDays: a.verifyIntervalDays,
    verifiedAt: a.verifiedAt,
    verifiedBy: a.verifiedByName,
    stale: isStale(a, today()),
    version: a.version,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    updatedBy: a.updatedById === null ? null : { id: a.updatedById, name: a.updatedByName },
  };
}

/** One line of a list: enough to choose, not the whole article. */
export function presentArticleSummary(a: ArticleRow) {
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
    stale: isStale(a, today()),
    version: a.version,
    updatedAt: a.updatedAt,
  };
}

export const presentVersion = (v: VersionRow) => ({
  version: v.version,
  kind: v.kind,
  restoredFrom: v.restoredFrom,
  author: v.authorId === null ? null : { id: v.authorId, name: v.authorName },
  note: v.note,
  confidence: v.confidence,
  createdAt: v.createdAt,
});
