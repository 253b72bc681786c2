import type { Confidence } from '../contract/enums';
import { isStale } from '../domain/verification';
import type { SearchDoc } from './document';
import type { QueryPlan } from './queryPlan';

/**
 * The rank agents see (DESIGN §4): text relevance, then trust and recent outcomes. They only
 * reorder close calls: an article that matches much better still comes first, however new.
 */
const TRUST = { validated: 1, not_validated: 0.85, wip: 0.6, archived: 0.5 } as const;
const STALE = 0.9;
/** ln(1 + solves) × this, at most OUTCOME_MAX: 3 solves ≈ +11 %, 20 solves ≈ +25 % */
const OUTCOME_WEIGHT = 0.08;
const OUTCOME_MAX = 0.3;

/** What ranking needs to know about a match: a new signal is a field here, read in rankable(). */
export interface Rankable {
  id: number;
  score: number;
  confidence: Confidence;
  stale: boolean;
  errorCodes: string[];
}

/** One text match of the engine, as ranking reads it (`today` decides stale). */
export const rankable = (
  doc: SearchDoc,
  score: number,
  today: string,
): Rankable & { doc: SearchDoc } => ({
  doc,
  id: doc.id,
  score,
  confidence: doc.confidence,
  stale: isStale(doc, today),
  errorCodes: doc.errorCodes,
});

export type Ranked<T extends Rankable> = T & {
  textScore: number;
  solves30d: number;
  why: string[];
};

const codeKey = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

export function rank<T extends Rankable>(
  hits: readonly T[],
  plan: QueryPlan,
  solvesOf: (id: number) => number,
): Ranked<T>[] {
  // whole words, adjacent pairs ("HTTP 503") and the whole query: never a mere substring,
  // so "E-10431" does not claim to match E-1043
  const words = plan.typed.map(codeKey).filter(Boolean);
  const keys = new Set([...words, ...words.slice(1).map((w, i) => words[i] + w), words.join('')]);
  const ranked: Ranked<T>[] = hits.map((hit) => {
    const solves = solvesOf(hit.id);
    const why: string[] = [];
    const code = hit.errorCodes.find((c) => {
      const k = codeKey(c);
      return k.length > 0 && keys.has(k);
    });
    if (code) why.push(`Error code ${code} matches`);
    if (hit.confidence === 'validated')
      why.push(hit.stale ? 'Validated, verification overdue' : 'Validated');
    else if (hit.confidence === 'not_validated') why.push('Not validated yet');
    if (solves > 0)
      why.push(`Solved ${solves} contact${solves === 1 ? '' : 's'} in the last 30 days`);
    const trust = TRUST[hit.confidence] * (hit.stale ? STALE : 1);
    const outcome = 1 + Math.min(OUTCOME_MAX, OUTCOME_WEIGHT * Math.log1p(solves));
    return {
      ...hit,
      textScore: hit.score,
      score: Math.round(hit.score * trust * outcome * 1000) / 1000,
      solves30d: solves,
      why,
    };
  });
  // stable: equal scores keep the engine's order
  return ranked
    .map((h, i) => [h, i] as const)
    .sort((a, b) => b[0].score - a[0].score || a[1] - b[1])
    .map(([h]) => h);
}
