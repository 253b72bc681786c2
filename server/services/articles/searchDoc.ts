import { htmlName, INDEXED_FIELDS, type IndexedFieldName } from '../../contract/articleFields';
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

/** Markdown is indexed as the text its HTML shows (no `**`, no link targets). */
const indexedText = (row: ArticleRow, f: (typeof INDEXED_FIELDS)[number]) =>
  f.kind === 'markdown' ? htmlToText(row[htmlName(f.name)]) : row[f.name];

export function toSearchDoc(row: ArticleRow): SearchDoc {
  return {
    id: row.id,
    slug: row.slug,
    ...(Object.fromEntries(INDEXED_FIELDS.map((f) => [f.name, indexedText(row, f)])) as Pick<
      SearchDoc,
      IndexedFieldName
    >),
    confidence: row.confidence,
    audience: row.audience,
    findableBy: findableBy(row),
    department: { slug: row.departmentSlug, name: row.departmentName },
    verifyBy: row.verifyBy,
    version: row.version,
  };
}
