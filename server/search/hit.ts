import { isStale } from '../domain/verification';
import { fieldTexts, type FieldName, type SearchDoc } from './document';
import { matchSpans } from './matches';
import { highlight, snippet } from './snippet';

/** One result as the search engine gives it: answer-first fields, highlights, text score. */
export interface SearchHit {
  id: number;
  slug: string;
  title: string;
  titleHtml: string;
  snippet: string;
  /** the issue's first sentence, plain text */
  issueLine: string;
  /** the first resolution steps (list items or paragraphs), plain text */
  steps: string[];
  confidence: SearchDoc['confidence'];
  audience: SearchDoc['audience'];
  department: string;
  departmentName: string;
  errorCodes: string[];
  products: string[];
  stale: boolean;
  score: number;
}

/** Where a snippet is taken from, in order of preference: the first field with a match. */
const SNIPPET_FIELDS: FieldName[] = ['issue', 'resolution', 'environment', 'labels', 'errorCodes'];

export function present(
  doc: SearchDoc,
  score: number,
  matched: ReadonlySet<string>,
  today: string,
): SearchHit {
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
    id: doc.id,
    slug: doc.slug,
    title: doc.title,
    titleHtml: highlight(doc.title, matchSpans(doc.title, matched)),
    snippet: snippet(texts[field], spans),
    issueLine: firstSentence(doc.issue),
    steps: firstSteps(doc.resolution),
    confidence: doc.confidence,
    audience: doc.audience,
    department: doc.department.slug,
    departmentName: doc.department.name,
    errorCodes: doc.errorCodes,
    products: doc.products,
    stale: isStale(doc, today),
    score: Math.round(score * 1000) / 1000,
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
