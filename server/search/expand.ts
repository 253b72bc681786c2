import lunr from 'lunr';
import { BOOST, LIMITS, type PlannedTerm } from './queryPlan';

export interface Clause {
  term: string;
  boost: number;
}

/**
 * Resolves planned terms into exact index terms for one index: the term itself, its prefix
 * completions (shortest first: closest to what was typed) and its one-edit neighbours,
 * each capped. lunr then runs only exact clauses, whose cost is bounded by their postings.
 */
export function expandTerms(index: lunr.Index, plan: readonly PlannedTerm[]): Clause[] {
  const vocabulary = (index as unknown as { tokenSet: lunr.TokenSet }).tokenSet;
  const clauses = new Map<string, number>();
  const add = (term: string, boost: number) => {
    if ((clauses.get(term) ?? 0) < boost) clauses.set(term, boost);
  };
  for (const p of plan) add(p.term, p.boost);

  let budget: number = LIMITS.maxTotalExpansions;
  for (const p of plan) {
    if (budget <= 0) break;
    if (p.prefix) {
      const found = lookup(vocabulary, TokenSets.fromString(`${p.surface}*`));
      for (const term of pick(found, p, LIMITS.maxPrefixExpansions, budget)) {
        add(term, p.boost * BOOST.prefix);
        budget--;
      }
    }
    if (p.fuzzy && budget > 0) {
      const found = lookup(vocabulary, TokenSets.fromFuzzyString(p.surface, 1));
      for (const term of pick(found, p, LIMITS.maxFuzzyExpansions, budget)) {
        add(term, p.boost * BOOST.fuzzy);
        budget--;
      }
    }
  }
  return [...clauses].map(([term, boost]) => ({ term, boost }));
}

// Both factories exist in lunr 2.3.9 but are missing from its type definitions.
const TokenSets = lunr.TokenSet as unknown as {
  fromString(pattern: string): lunr.TokenSet;
  fromFuzzyString(term: string, editDistance: number): lunr.TokenSet;
};

function lookup(vocabulary: lunr.TokenSet, pattern: lunr.TokenSet): string[] {
  return vocabulary.intersect(pattern).toArray();
}

function pick(found: string[], p: PlannedTerm, max: number, budget: number): string[] {
  return found
    .filter((t) => t !== p.term && t !== p.surface)
    .sort((a, b) => a.length - b.length || (a < b ? -1 : 1))
    .slice(0, Math.min(max, budget));
}
