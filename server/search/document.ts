import {
  INDEXED_FIELDS,
  indexFieldOf,
  type ArticleSources,
  type IndexedFieldName,
  type IndexFieldName,
} from '../contract/articleFields';
import type { Audience, Confidence } from '../contract/enums';
import type { Readership } from '../domain/visibility';
import { errorCodesText } from './tokenizer';

/** What the search module knows about an article: plain text to index, facts to filter on. */
export interface SearchDoc extends Pick<ArticleSources, IndexedFieldName> {
  id: number;
  slug: string;
  confidence: Confidence;
  audience: Audience;
  /** who may find it (domain/visibility.findableBy): the engine filters on this, not on roles */
  findableBy: readonly Readership[];
  department: { slug: string; name: string };
  verifyBy: string | null;
  /** the article's version: a saved index is reused only for unchanged articles */
  version?: number;
}

export type FieldName = IndexFieldName;

/**
 * Indexed fields and their boosts (DESIGN §4), from the article field catalogue, strongest
 * first: an exact error code outranks everything. Products and tags share one field, labels.
 */
export const FIELDS: readonly { name: FieldName; boost: number }[] = INDEXED_FIELDS.map(
  (f): { name: FieldName; boost: number } => ({
    name: indexFieldOf(f),
    boost: f.search.boost,
  }),
)
  .filter((f, i, all) => all.findIndex((g) => g.name === f.name) === i)
  .sort((a, b) => b.boost - a.boost);

/** The exact strings each field is indexed from; match positions point into these. */
export function fieldTexts(doc: SearchDoc): Record<FieldName, string> {
  const parts = {} as Record<FieldName, string[]>;
  for (const f of INDEXED_FIELDS) {
    const name = indexFieldOf(f);
    const value = doc[f.name];
    // error codes are indexed as units (`HTTP 503` is also `http-503`)
    const items =
      typeof value === 'string'
        ? [value]
        : f.name === 'errorCodes'
          ? [errorCodesText(value)]
          : value;
    (parts[name] ??= []).push(...items);
  }
  return Object.fromEntries(
    FIELDS.map(({ name }) => [name, (parts[name] ?? []).join(' ; ')]),
  ) as Record<FieldName, string>;
}
