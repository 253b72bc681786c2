import { isStopWord, stem } from './pipeline';
import { tokenize, type RawToken } from './tokenizer';

/**
 * Turns what the agent typed into a bounded list of terms. Raw text never reaches lunr's
 * query parser (where `a:`, `^`, `~` or `*` throw or explode); lunr only ever sees exact terms.
 *
 * The caps exist because lunr's own fuzzy matching grows exponentially with edit distance
 * (`abcdefghijkl~7` blocks the process for over a minute). Prefix and typo expansions are
 * therefore resolved by us against the index's vocabulary (see expand.ts), with an edit
 * distance of at most 1 and a hard limit on how many terms each may add.
 */
export const LIMITS = {
  maxQueryLength: 256,
  maxTerms: 16,
  minPrefixLength: 2,
  minFuzzyLength: 5,
  maxPrefixExpansions: 16,
  maxFuzzyExpansions: 8,
  maxTotalExpansions: 64,
} as const;

export const BOOST = {
  word: 1,
  identifier: 2,
  identifierPart: 0.5,
  prefix: 0.4,
  fuzzy: 0.3,
} as const;

export interface PlannedTerm {
  /** the index term to look up (stemmed for plain words, as the index stores them) */
  term: string;
  /** what the user typed: prefix and typo expansions start from this */
  surface: string;
  boost: number;
  prefix: boolean;
  fuzzy: boolean;
  /**
   * which of the plan's `words` this term stands for (a word, an identifier or its joined
   * form: `e1043` for `e-1043`), or -1 for an identifier's parts, which only help ranking
   */
  word: number;
}

/** One tokenizing of the query, for both the engine and ranking. */
export interface QueryPlan {
  /** the terms to look up, at most LIMITS.maxTerms */
  terms: PlannedTerm[];
  /**
   * every word and identifier as typed (lower case, stop words kept), in order: error codes are
   * matched against these, alone and in neighbouring runs (rank.ts)
   */
  typed: string[];
  /**
   * the query's words as typed, after stop words and the term cap (at most LIMITS.maxTerms):
   * what a hit's coverage counts (rankedSearch.ts); a word matches through its term, its joined
   * form or their prefix and typo expansions
   */
  words: string[];
}

export function planQuery(input: string): QueryPlan {
  const text = input.slice(0, LIMITS.maxQueryLength);
  // As you type, the last word is unfinished unless the text ends in a space.
  const typingEnd = /\s$/.test(text) ? -1 : text.length;
  const tokens = tokenize(text);
  const meaningful = tokens.filter((t) => t.kind !== 'word' || !isStopWord(t.term));
  // a query made only of stop words ("how do I") still means something
  const chosen = meaningful.length > 0 ? meaningful : tokens;

  const planned = new Map<string, PlannedTerm>();
  const words: string[] = [];
  /** the word of the last identifier seen: its joined form stands for it */
  let identifier = -1;
  for (const t of chosen) {
    const p = planToken(t, t.start + t.length === typingEnd);
    const existing = planned.get(p.term);
    const counts = t.kind === 'word' || t.kind === 'whole';
    if (existing) {
      existing.boost = Math.max(existing.boost, p.boost);
      existing.prefix ||= p.prefix;
      if (existing.word < 0 && counts) existing.word = words.push(t.term) - 1;
      if (t.kind === 'whole') identifier = existing.word;
    } else if (planned.size < LIMITS.maxTerms) {
      if (counts) p.word = words.push(t.term) - 1;
      else if (t.kind === 'joined') p.word = identifier;
      if (t.kind === 'whole') identifier = p.word;
      planned.set(p.term, p);
    } else if (t.kind === 'whole') {
      identifier = -1;
    }
  }
  const typed = tokens.filter((t) => t.kind === 'word' || t.kind === 'whole').map((t) => t.term);
  return { terms: [...planned.values()], typed, words };
}

function planToken(t: RawToken, typing: boolean): PlannedTerm {
  const canPrefix = typing && t.kind !== 'part' && t.term.length >= LIMITS.minPrefixLength;
  if (t.kind === 'word') {
    return {
      term: stem(t.term),
      surface: t.term,
      boost: BOOST.word,
      prefix: canPrefix,
      fuzzy: t.term.length >= LIMITS.minFuzzyLength,
      word: -1,
    };
  }
  return {
    term: t.term,
    surface: t.term,
    boost: t.kind === 'part' ? BOOST.identifierPart : BOOST.identifier,
    prefix: canPrefix,
    fuzzy: false,
    word: -1,
  };
}
