import { FIELD_COUNT as F } from './analyze';
import { FIELDS } from './document';
import type { Clause } from './expand';
import { findTerm, type Segment } from './segment';
import type { CorpusStats } from './stats';

/** lunr's BM25 parameters (lunr.Builder defaults). */
const K1 = 1.2;
const B = 0.75;
const FIELD_BOOSTS = Float64Array.from(FIELDS, (f) => f.boost);

export interface Scored {
  segment: Segment;
  doc: number;
  score: number;
  /** the query words it matched, as bits (Clause.words) */
  words: number;
}

export interface ScoreFilter {
  /** a document counts only if `flags & mask` */
  mask: number;
  /** department code to keep, or -1 for all */
  department: number;
  limit: number;
}

/** Per-segment scratch buffers, reused across queries (the process is single-threaded). */
const scratch = new WeakMap<Segment, { acc: Float64Array; seen: Uint8Array; words: Uint32Array }>();

/**
 * lunr's ranking, computed over postings. lunr.Index.query scores a document as the dot
 * product of the query vector (one entry per matched term, its boosts summed) with each field's
 * vector of BM25 weights, over the query vector's magnitude. The field vector weights are
 *   idf(t) · (k1+1)·tf / (k1·(1 − b + b·len/avgLen) + tf) · fieldBoost, rounded to 3 decimals,
 * so the same sum can be accumulated posting by posting, without lunr's per-candidate objects
 * and vector walks: the cost is the postings of the query's terms, nothing more.
 * Statistics are corpus-wide, so all segments score as one index would.
 * Returns how many documents matched the filter and the best `limit` of them.
 */
export function score(
  segments: readonly Segment[],
  stats: CorpusStats,
  clauses: readonly Clause[],
  filter: ScoreFilter,
): { total: number; top: Scored[] } {
  const boosts = new Map<string, number>();
  const wordsOf = new Map<string, number>();
  for (const c of clauses) {
    if (!stats.df.has(c.term)) continue;
    boosts.set(c.term, (boosts.get(c.term) ?? 0) + c.boost);
    wordsOf.set(c.term, (wordsOf.get(c.term) ?? 0) | c.words);
  }
  let norm = 0;
  for (const b of boosts.values()) norm += b * b;
  norm = Math.sqrt(norm);
  const top: Scored[] = [];
  if (norm === 0) return { total: 0, top };

  const avg = Float64Array.from({ length: F }, (_, f) => stats.averageLength(f));
  let total = 0;
  for (const segment of segments) {
    const { acc, seen, words } = buffersFor(segment);
    // locals, not property loads, inside the loop over postings
    const { start, postDoc, postTf, lengths, dead, flags, department } = segment;
    const touched: number[] = [];
    for (const [term, boost] of boosts) {
      const t = findTerm(segment, term);
      if (t === -1) continue;
      const idf = stats.idf(term);
      const bits = wordsOf.get(term)!;
      for (let f = 0; f < F; f++) {
        const end = start[t * F + f + 1]!;
        const avgLength = avg[f]!;
        const fieldBoost = FIELD_BOOSTS[f]!;
        for (let p = start[t * F + f]!; p < end; p++) {
          const d = postDoc[p]!;
          if (dead[d] || !(flags[d]! & filter.mask)) continue;
          if (filter.department >= 0 && department[d] !== filter.department) continue;
          const tf = postTf[p]!;
          const len = lengths[d * F + f]!;
          // operation for operation as lunr.Builder.createFieldVectors, so rounding agrees
          let w = (idf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (len / avgLength)) + tf);
          w *= fieldBoost;
          if (!seen[d]) {
            seen[d] = 1;
            touched.push(d);
          }
          acc[d]! += boost * (Math.round(w * 1000) / 1000);
          words[d]! |= bits;
        }
      }
    }
    total += touched.length;
    for (const d of touched) {
      keepTop(top, segment, d, acc[d]! / norm, words[d]!, filter.limit);
      acc[d] = 0;
      seen[d] = 0;
      words[d] = 0;
    }
  }
  return { total, top };
}

function buffersFor(segment: Segment) {
  let b = scratch.get(segment);
  if (!b) {
    b = {
      acc: new Float64Array(segment.docIds.length),
      seen: new Uint8Array(segment.docIds.length),
      words: new Uint32Array(segment.docIds.length),
    };
    scratch.set(segment, b);
  }
  return b;
}

/** Best first by score, then by article id, so equal scores come out in a stable order. */
function keepTop(
  top: Scored[],
  segment: Segment,
  doc: number,
  value: number,
  words: number,
  limit: number,
): void {
  const id = segment.docIds[doc]!;
  if (top.length === limit && !outranks(value, id, top[top.length - 1]!)) return;
  let i = top.length;
  while (i > 0 && outranks(value, id, top[i - 1]!)) i--;
  top.splice(i, 0, { segment, doc, score: value, words });
  if (top.length > limit) top.pop();
}

function outranks(value: number, id: number, s: Scored): boolean {
  return value > s.score || (value === s.score && id < s.segment.docIds[s.doc]!);
}
