import type { AnalyzedField } from './analyze';
import { FIELD_COUNT as F } from './analyze';

/**
 * An immutable, compact slice of the index: for every term and field, the documents containing
 * it and how often (CSR layout in typed arrays: no per-posting objects, cheap to keep, to send
 * between threads and to write to disk). `dead` marks documents superseded by a newer segment
 * or removed; it is the only part that changes after the segment is built.
 */
export interface Segment {
  /**
   * The vocabulary, sorted (UTF-16 code unit order, as `<` compares), stored as one string
   * and offsets: a segment crosses threads and disk without one object per term.
   */
  readonly termText: string;
  readonly termOffsets: Uint32Array;
  /** local document number → article id */
  readonly docIds: Int32Array;
  /** local document × field → field length in tokens */
  readonly lengths: Uint32Array;
  /** (term × field) → first posting; one extra entry at the end */
  readonly start: Uint32Array;
  readonly postDoc: Uint32Array;
  readonly postTf: Uint32Array;
  /** local document → visibility bits (VISIBLE_TO_AGENTS, VISIBLE_TO_STAFF) */
  readonly flags: Uint8Array;
  /** local document → department code (SearchIndex keeps the slug ↔ code table) */
  readonly department: Uint16Array;
  readonly dead: Uint8Array;
}

/** The typed-array fields of a segment: what crosses threads (transferred) and disk. */
export const SEGMENT_ARRAYS = [
  'termOffsets',
  'docIds',
  'lengths',
  'start',
  'postDoc',
  'postTf',
  'flags',
  'department',
  'dead',
] as const;

/**
 * A segment as a plain literal with one fixed shape. Objects that come out of structured clone
 * or a file get slow (dictionary) properties, and scoring reads these for every posting.
 */
export function segmentOf(s: Segment): Segment {
  return {
    termText: s.termText,
    termOffsets: s.termOffsets,
    docIds: s.docIds,
    lengths: s.lengths,
    start: s.start,
    postDoc: s.postDoc,
    postTf: s.postTf,
    flags: s.flags,
    department: s.department,
    dead: s.dead,
  };
}

export const VISIBLE_TO_AGENTS = 1;
export const VISIBLE_TO_STAFF = 2;

export interface AnalyzedDoc {
  id: number;
  fields: AnalyzedField[];
  flags: number;
  department: number;
}

/** Documents are stored in article-id order, so an article's entry is found by binary search. */
export function buildSegment(unordered: readonly AnalyzedDoc[]): Segment {
  const docs = [...unordered].sort((a, b) => a.id - b.id);
  // pass 1: postings per (term, field), to size the arrays
  const counts = new Map<string, Uint32Array>();
  for (const doc of docs) {
    doc.fields.forEach((field, f) => {
      for (const term of field.terms.keys()) {
        let c = counts.get(term);
        if (!c) counts.set(term, (c = new Uint32Array(F)));
        c[f]!++;
      }
    });
  }
  const terms = [...counts.keys()].sort();
  const termOffsets = new Uint32Array(terms.length + 1);
  terms.forEach((t, i) => (termOffsets[i + 1] = termOffsets[i]! + t.length));
  const termIndex = new Map(terms.map((t, i) => [t, i]));
  const start = new Uint32Array(terms.length * F + 1);
  let offset = 0;
  terms.forEach((term, i) => {
    const c = counts.get(term)!;
    for (let f = 0; f < F; f++) {
      start[i * F + f] = offset;
      offset += c[f]!;
    }
  });
  start[terms.length * F] = offset;

  // pass 2: fill; documents in order, so every posting list is sorted by document
  const postDoc = new Uint32Array(offset);
  const postTf = new Uint32Array(offset);
  const cursor = start.slice(0, -1);
  const lengths = new Uint32Array(docs.length * F);
  const docIds = new Int32Array(docs.length);
  const flags = new Uint8Array(docs.length);
  const department = new Uint16Array(docs.length);
  docs.forEach((doc, d) => {
    docIds[d] = doc.id;
    flags[d] = doc.flags;
    department[d] = doc.department;
    doc.fields.forEach((field, f) => {
      lengths[d * F + f] = field.length;
      for (const [term, tf] of field.terms) {
        const p = cursor[termIndex.get(term)! * F + f]!++;
        postDoc[p] = d;
        postTf[p] = tf;
      }
    });
  });
  return {
    termText: terms.join(''),
    termOffsets,
    docIds,
    lengths,
    start,
    postDoc,
    postTf,
    flags,
    department,
    dead: new Uint8Array(docs.length),
  };
}

/** Local number of article `id` in the segment, or -1. */
export function findDoc(segment: Segment, id: number): number {
  const ids = segment.docIds;
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid] === id) return mid;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export const termCount = (segment: Segment) => segment.termOffsets.length - 1;

export const termAt = (segment: Segment, i: number) =>
  segment.termText.slice(segment.termOffsets[i]!, segment.termOffsets[i + 1]!);

/** Compares `term` with the segment's i-th term without materializing it: <0, 0 or >0. */
function compareAt(segment: Segment, i: number, term: string): number {
  const from = segment.termOffsets[i]!;
  const length = segment.termOffsets[i + 1]! - from;
  const n = Math.min(length, term.length);
  for (let k = 0; k < n; k++) {
    const diff = segment.termText.charCodeAt(from + k) - term.charCodeAt(k);
    if (diff !== 0) return diff;
  }
  return length - term.length;
}

/** First index whose term is >= `term`. */
function lowerBound(segment: Segment, term: string): number {
  let lo = 0;
  let hi = termCount(segment);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareAt(segment, mid, term) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of `term` in the segment's vocabulary, or -1. */
export function findTerm(segment: Segment, term: string): number {
  const i = lowerBound(segment, term);
  return i < termCount(segment) && compareAt(segment, i, term) === 0 ? i : -1;
}

/** Terms of the segment starting with `prefix`, at most `max`, in sorted order. */
export function termsWithPrefix(segment: Segment, prefix: string, max: number): string[] {
  const out: string[] = [];
  const n = termCount(segment);
  for (let i = lowerBound(segment, prefix); i < n && out.length < max; i++) {
    const from = segment.termOffsets[i]!;
    if (
      !segment.termText.startsWith(prefix, from) ||
      segment.termOffsets[i + 1]! - from < prefix.length
    )
      break;
    out.push(termAt(segment, i));
  }
  return out;
}
