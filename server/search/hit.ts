import type { SearchHit } from '../contract/search';
import { fieldTexts, type FieldName, type SearchDoc } from './document';
import { matchSpans } from './matches';
import { highlight, snippet } from './snippet';

/**
 * One search result, exactly as GET /api/search sends it (the contract's type): answer first,
 * and why it ranks where it does. Built here and nowhere else, so `present` is the allowlist.
 */
export type { SearchHit };

/** The text of a hit: highlights and snippet (the costly part) and the answer-first lines. */
export type Excerpt = Pick<SearchHit, 'titleHtml' | 'snippet' | 'issueLine' | 'steps'>;

/** Where a snippet is taken from, in order of preference: the first field with a match. */
const SNIPPET_FIELDS: FieldName[] = ['issue', 'resolution', 'environment', 'labels', 'errorCodes'];

/** Depends only on the article and the index terms matched, never on rank or day. */
export function excerpt(doc: SearchDoc, matched: ReadonlySet<string>): Excerpt {
  const texts = fieldTexts(doc);
  let field: FieldName = 'issue';
  let spans: [number, number][] = [];
  for (const f of SNIPPET_FIELDS) {
    const found = texts[f] ? matchSpans(texts[f], matched) : [];
    if (found.length) {
      field = f;
      spans = found;
      break;
    }
  }
  return {
    titleHtml: highlight(doc.title, matchSpans(doc.title, matched)),
    snippet: snippet(texts[field], spans),
    issueLine: firstSentence(doc.issue),
    steps: firstSteps(doc.resolution),
  };
}

export function present(
  doc: SearchDoc,
  text: Excerpt,
  ranked: Pick<SearchHit, 'stale' | 'solves30d' | 'why' | 'score' | 'coverage'>,
): SearchHit {
  return {
    id: doc.id,
    slug: doc.slug,
    title: doc.title,
    titleHtml: text.titleHtml,
    snippet: text.snippet,
    issueLine: text.issueLine,
    steps: text.steps,
    errorCodes: doc.errorCodes,
    products: doc.products,
    confidence: doc.confidence,
    audience: doc.audience,
    department: doc.department.slug,
    departmentName: doc.department.name,
    stale: ranked.stale,
    solves30d: ranked.solves30d,
    why: ranked.why,
    score: ranked.score,
    coverage: ranked.coverage,
  };
}

const LINE_MAX = 220;
const STEPS_SHOWN = 3;

/** Cut at a word boundary so an answer-first line never ends mid-word. */
function clip(text: string): string {
  if (text.length <= LINE_MAX) return text;
  const cut = text.slice(0, LINE_MAX);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), LINE_MAX / 2))}…`;
}

export function firstSentence(text: string): string {
  const line = text.split('\n', 1)[0]!.trim();
  const end = line.search(/[.!?](\s|$)/);
  return clip(end === -1 ? line : line.slice(0, end + 1));
}

/** Plain text keeps one list item or paragraph per line (markdown/render.ts htmlToText). */
export function firstSteps(text: string): string[] {
  const steps: string[] = [];
  for (const line of text.split('\n')) {
    const step = line.trim();
    if (step) steps.push(clip(step));
    if (steps.length === STEPS_SHOWN) break;
  }
  return steps;
}
