import type { QueryPlan } from './queryPlan';

/**
 * How much of the query a hit answers: the share of the query's words (the plan's `words`,
 * stop words left out) it matched, directly or through a prefix completion or typo neighbour.
 * A high score can come from one rare word alone ("refund" in "paramount+ subscription refund
 * for a satellite dish"); coverage says so, where the score cannot.
 */

/** Below this share for the best hit, the search is a weak match (`data.weak`). */
export const WEAK_COVERAGE = 0.5;

/** `words`: the matched words as bits (bit i: plan.words[i]); 0–1, rounded to 3 decimals. */
export function coverage(words: number, plan: QueryPlan): number {
  const n = plan.words.length;
  if (n === 0) return 0;
  return Math.round((matchedWords(words, plan).length / n) * 1000) / 1000;
}

/** The query's words a hit matched, as typed, in query order. */
export function matchedWords(words: number, plan: QueryPlan): string[] {
  return plan.words.filter((_, i) => (words & (1 << i)) !== 0);
}

/** A weak search: there are hits, and even the best covers less than half of the query. */
export const isWeak = (best: number | undefined): boolean =>
  best !== undefined && best < WEAK_COVERAGE;

/** The reason line a weak search adds to each hit, so the agent sees what it rests on. */
export function matchedWhy(words: number, plan: QueryPlan): string {
  const found = matchedWords(words, plan);
  return found.length > 0 ? `Matched: ${found.join(', ')}` : 'Matched: part of a code only';
}
