import type { AnalyzedField } from './analyze';
import { FIELD_COUNT } from './analyze';
import { termAt, termCount, type Segment } from './segment';

/**
 * Corpus statistics over every live document, kept exact as documents come and go. BM25 weights
 * are computed from these at query time, so every segment scores exactly as one big index
 * over the current corpus would (no drift between a base and its recent changes).
 *
 * `df` counts as lunr.idf does: one per (document, field) containing the term.
 */
export class CorpusStats {
  documentCount = 0;
  readonly df = new Map<string, number>();
  readonly lengthSum = new Float64Array(FIELD_COUNT);

  /** The statistics of a segment's live documents (a restored base). */
  static fromSegment(segment: Segment): CorpusStats {
    const stats = new CorpusStats();
    segment.docIds.forEach((_id, d) => {
      if (segment.dead[d]) return;
      stats.documentCount++;
      for (let f = 0; f < FIELD_COUNT; f++)
        stats.lengthSum[f] = stats.lengthSum[f]! + segment.lengths[d * FIELD_COUNT + f]!;
    });
    for (let t = 0; t < termCount(segment); t++) {
      let df = 0;
      for (
        let p = segment.start[t * FIELD_COUNT]!;
        p < segment.start[(t + 1) * FIELD_COUNT]!;
        p++
      ) {
        if (!segment.dead[segment.postDoc[p]!]) df++;
      }
      if (df > 0) stats.df.set(termAt(segment, t), df);
    }
    return stats;
  }

  add(fields: AnalyzedField[]): void {
    this.apply(fields, 1);
  }

  remove(fields: AnalyzedField[]): void {
    this.apply(fields, -1);
  }

  averageLength(field: number): number {
    return this.documentCount > 0 ? this.lengthSum[field]! / this.documentCount : 0;
  }

  /** lunr.idf, with the corpus-wide document frequency. */
  idf(term: string): number {
    const df = this.df.get(term) ?? 0;
    const x = (this.documentCount - df + 0.5) / (df + 0.5);
    return Math.log(1 + Math.abs(x));
  }

  private apply(fields: AnalyzedField[], sign: 1 | -1): void {
    this.documentCount += sign;
    fields.forEach((f, i) => {
      this.lengthSum[i] = this.lengthSum[i]! + sign * f.length;
      for (const term of f.terms.keys()) {
        const next = (this.df.get(term) ?? 0) + sign;
        if (next > 0) this.df.set(term, next);
        else this.df.delete(term);
      }
    });
  }
}
