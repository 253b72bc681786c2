import { escapeHtml } from '../markdown/render';

type Span = [start: number, length: number];

const WINDOW = 220;

/**
 * A short excerpt of `text` around the matched spans, with matches in <mark>. Every piece of
 * text is HTML-escaped before marks are added, so article text can never inject markup.
 */
export function snippet(text: string, spans: readonly Span[], window = WINDOW): string {
  const sorted = mergeSpans(spans.filter(([s, l]) => l > 0 && s + l <= text.length));
  const first = sorted[0];
  let from = 0;
  if (first && first[0] > window / 3) {
    const target = first[0] - Math.floor(window / 4);
    from = text.lastIndexOf(' ', target) + 1;
    // a long unbroken run (URL, hash) before the match: cut inside it rather than lose the match
    if (target - from > 40) from = target;
  }
  let to = Math.min(text.length, from + window);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > from) to = space;
  }
  let html = from > 0 ? '… ' : '';
  let cursor = from;
  for (const [start, length] of sorted) {
    if (start < cursor || start + length > to) continue;
    html +=
      escapeHtml(text.slice(cursor, start)) +
      '<mark>' +
      escapeHtml(text.slice(start, start + length)) +
      '</mark>';
    cursor = start + length;
  }
  html += escapeHtml(text.slice(cursor, to)) + (to < text.length ? ' …' : '');
  return html.replace(/\s*\n\s*/g, ' · ');
}

/** Highlights every span in a short text (titles) without cutting it. */
export function highlight(text: string, spans: readonly Span[]): string {
  return snippet(text, spans, Number.MAX_SAFE_INTEGER);
}

function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Span[] = [];
  for (const [s, l] of sorted) {
    const last = out[out.length - 1];
    if (last && s < last[0] + last[1]) {
      last[1] = Math.max(last[1], s + l - last[0]);
    } else {
      out.push([s, l]);
    }
  }
  return out;
}
