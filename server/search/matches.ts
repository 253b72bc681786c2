import { isStopWord, stem } from './pipeline';
import { tokenize } from './tokenizer';

export type Span = [start: number, length: number];

/**
 * Where `text` contains any of the index terms a query matched, for highlighting. Only the
 * few hits shown are tokenized again, so the index needs no stored positions.
 */
export function matchSpans(text: string, terms: ReadonlySet<string>): Span[] {
  const spans: Span[] = [];
  for (const t of tokenize(text)) {
    const hit =
      t.kind === 'word'
        ? !isStopWord(t.term) && (terms.has(t.term) || terms.has(stem(t.term)))
        : terms.has(t.term);
    if (hit) spans.push([t.start, t.length]);
  }
  return spans;
}
