import { findableBy } from '../../domain/visibility';
import { htmlToText } from '../../markdown/render';
import type { SearchDoc } from '../../search/document';
import * as articles from '../../stores/articles';
import type { ArticleRow } from '../../stores/articles';
import type { ArticleDeps } from './read';

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
    findableBy: findableBy(row),
    department: { slug: row.departmentSlug, name: row.departmentName },
    verifyBy: row.verifyBy,
    version: row.version,
  };
}
