import { BOOST, LIMITS, type PlannedTerm } from './queryPlan';
import { termsWithPrefix, type Segment } from './segment';
import type { CorpusStats } from './stats';

export interface Clause {
  term: string;
  boost: number;
  /** bit i set: this term stands for the plan's word i (itself or as an expansion of it) */
  words: number;
}

/** How many prefix completions are looked at before choosing (bounds the work for "a*"). */
const PREFIX_SCAN = 400;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Resolves planned terms into exact index terms: the term itself, its prefix completions
 * (shortest, then most common, first: closest to what is being typed) and, for words the corpus
 * does not contain, their one-edit neighbours (most common first), each capped, all from the
 * live vocabulary. Scoring then
 * runs exact terms only, whose cost is bounded by their postings.
 */
export function expandTerms(
  segments: readonly Segment[],
  stats: CorpusStats,
  plan: readonly PlannedTerm[],
): Clause[] {
  const clauses = new Map<string, { boost: number; words: number }>();
  const add = (term: string, boost: number, p: PlannedTerm) => {
    const bit = p.word >= 0 ? 1 << p.word : 0;
    const c = clauses.get(term);
    if (!c) clauses.set(term, { boost, words: bit });
    else {
      c.boost = Math.max(c.boost, boost);
      c.words |= bit;
    }
  };
  for (const p of plan) add(p.term, p.boost, p);

  const df = (t: string) => stats.df.get(t) ?? 0;
  let budget: number = LIMITS.maxTotalExpansions;
  for (const p of plan) {
    if (budget <= 0) break;
    const fresh = (t: string) => t !== p.term && t !== p.surface && stats.df.has(t);
    if (p.prefix) {
      const found = new Set<string>();
      for (const s of segments)
        for (const t of termsWithPrefix(s, p.surface, PREFIX_SCAN)) if (fresh(t)) found.add(t);
      const chosen = [...found]
        .sort((a, b) => a.length - b.length || df(b) - df(a) || (a < b ? -1 : 1))
        .slice(0, Math.min(LIMITS.maxPrefixExpansions, budget));
      for (const t of chosen) add(t, p.boost * BOOST.prefix, p);
      budget -= chosen.length;
    }
    // typo expansion only for words the corpus does not know: a known word is what was meant,
    // and its neighbours would only add noise (and cost) to long, correctly spelled queries
    if (p.fuzzy && budget > 0 && !stats.df.has(p.term)) {
      const chosen = [...oneEditAway(p.surface)]
        .filter(fresh)
        .sort((a, b) => df(b) - df(a) || (a < b ? -1 : 1))
        .slice(0, Math.min(LIMITS.maxFuzzyExpansions, budget));
      for (const t of chosen) add(t, p.boost * BOOST.fuzzy, p);
      budget -= chosen.length;
    }
  }
  return [...clauses].map(([term, c]) => ({ term, boost: c.boost, words: c.words }));
}

/** Every string at edit distance 1 (deletion, transposition, substitution, insertion). */
export function oneEditAway(word: string): Set<string> {
  const chars = [...new Set(ALPHABET + word)];
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of chars) {
      if (tail) out.add(head + c + tail.slice(1));
      out.add(head + c + tail);
    }
  }
  out.delete(word);
  return out;
}
