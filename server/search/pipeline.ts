import lunr from 'lunr';
import { tokenize } from './tokenizer';

/**
 * lunr's tokenizer and pipeline, adapted: our tokenizer, then stop words and stemming only for
 * plain words. A stemmed word is indexed under its stem *and* its surface form, so a typo
 * one edit away from what was written ("blinkng" → "blinking") still finds it.
 */
export function lunrTokenizer(obj?: unknown, metadata?: object): lunr.Token[] {
  if (obj === null || obj === undefined) return [];
  const text = Array.isArray(obj) ? obj.join(' ; ') : String(obj);
  return tokenize(text).map(
    (t) =>
      new lunr.Token(t.term, {
        ...(metadata ?? {}),
        position: [t.start, t.length],
        identifier: t.kind !== 'word',
      }),
  );
}

const isIdentifier = (token: lunr.Token) =>
  (token as unknown as { metadata: { identifier?: boolean } }).metadata.identifier === true;

export const stopWords: lunr.PipelineFunction = (token) =>
  isIdentifier(token) ? token : lunr.stopWordFilter(token);

export const stemWithSurface: lunr.PipelineFunction = (token) => {
  if (isIdentifier(token)) return token;
  const surface = token.toString();
  const stemmed = stem(surface);
  if (stemmed === surface) return token;
  return [token.clone(() => stemmed), token] as unknown as lunr.Token;
};

lunr.Pipeline.registerFunction(stopWords, 'firstcallStopWords');
lunr.Pipeline.registerFunction(stemWithSurface, 'firstcallStem');

export function isStopWord(term: string): boolean {
  return lunr.stopWordFilter(new lunr.Token(term, {})) === undefined;
}

/**
 * lunr's Porter stemmer, memoized: it is the most expensive step of indexing and of
 * highlighting, and a corpus repeats the same words endlessly. Bounded so odd input
 * cannot grow it without limit.
 */
const stems = new Map<string, string>();
const MAX_STEMS = 200_000;

export function stem(term: string): string {
  let s = stems.get(term);
  if (s === undefined) {
    s = (lunr.stemmer(new lunr.Token(term, {})) as lunr.Token).toString();
    if (stems.size >= MAX_STEMS) stems.clear();
    stems.set(term, s);
  }
  return s;
}
