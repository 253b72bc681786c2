import type { Audience, Confidence } from '../contract/enums';
import type { Readership } from '../domain/visibility';
import { errorCodesText } from './tokenizer';

/** What the search module knows about an article: plain text to index, facts to filter on. */
export interface SearchDoc {
  id: number;
  slug: string;
  title: string;
  issue: string;
  environment: string;
  resolution: string;
  errorCodes: string[];
  products: string[];
  tags: string[];
  confidence: Confidence;
  audience: Audience;
  /** who may find it (domain/visibility.findableBy): the engine filters on this, not on roles */
  findableBy: readonly Readership[];
  department: { slug: string; name: string };
  verifyBy: string | null;
  /** the article's version: a saved index is reused only for unchanged articles */
  version?: number;
}

/** Indexed fields and their boosts (DESIGN §4): an exact error code outranks everything. */
export const FIELDS = [
  { name: 'errorCodes', boost: 10 },
  { name: 'title', boost: 5 },
  { name: 'issue', boost: 3 },
  { name: 'labels', boost: 2 },
  { name: 'environment', boost: 1 },
  { name: 'resolution', boost: 1 },
] as const;

export type FieldName = (typeof FIELDS)[number]['name'];

/** The exact strings each field is indexed from; match positions point into these. */
export function fieldTexts(doc: SearchDoc): Record<FieldName, string> {
  return {
    errorCodes: errorCodesText(doc.errorCodes),
    title: doc.title,
    issue: doc.issue,
    labels: [...doc.products, ...doc.tags].join(' ; '),
    environment: doc.environment,
    resolution: doc.resolution,
  };
}
