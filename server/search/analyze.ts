import lunr from 'lunr';
import { FIELDS, fieldTexts, type FieldName, type SearchDoc } from './document';
import { lunrTokenizer, stemWithSurface, stopWords } from './pipeline';

/** lunr's own pipeline, as a lunr.Builder would run it: our tokenizer, stop words, stemming. */
const pipeline = new lunr.Pipeline();
pipeline.add(stopWords, stemWithSurface);

export const FIELD_COUNT = FIELDS.length;

/** One field of one document after analysis: term frequencies and the field's length. */
export interface AnalyzedField {
  terms: Map<string, number>;
  length: number;
}

/**
 * What lunr.Builder.add computes for a document, per field: the terms the pipeline emits,
 * their frequencies and the field length (tokens after the pipeline). Scoring uses exactly
 * these, with lunr's BM25 (see scoring.ts).
 */
export function analyze(doc: SearchDoc): AnalyzedField[] {
  const texts = fieldTexts(doc);
  return FIELDS.map(({ name }) => {
    const tokens = pipeline.run(lunrTokenizer(texts[name as FieldName]));
    const terms = new Map<string, number>();
    for (const t of tokens) {
      const term = t.toString();
      terms.set(term, (terms.get(term) ?? 0) + 1);
    }
    return { terms, length: tokens.length };
  });
}
