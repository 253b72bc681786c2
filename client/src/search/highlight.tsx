import type { ComponentChild } from 'preact';

// The server marks matched words in titleHtml/snippet only. The card's plain-text lines
// (issue, steps) get the same words marked here, as text nodes and <mark> elements: never HTML.

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
};

function decode(html: string): string {
  return html.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e] ?? e);
}

/** A rough stem (blinks, blinking → blink), so a word marked in the title is found in the issue. */
function root(word: string): string {
  const r = word.replace(/(?:ing|ed|es|s)$/, '');
  return r.length >= 3 ? r : word;
}

/** Lower-cased roots of the words the server wrapped in <mark> in any of these fragments. */
export function markedWords(...html: string[]): string[] {
  const words = new Set<string>();
  for (const h of html) {
    for (const m of h.matchAll(/<mark>(.*?)<\/mark>/g)) {
      const word = decode(m[1] ?? '')
        .trim()
        .toLowerCase();
      if (word.length >= 2) words.add(root(word));
    }
  }
  return [...words];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` with every word starting with one of `words` inside <mark>. */
export function Highlight({ text, words }: { text: string; words: string[] }) {
  if (words.length === 0) return <>{text}</>;
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${words.map(escapeRe).join('|')})[\\p{L}\\p{N}]*`,
    'giu',
  );
  const parts: ComponentChild[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    parts.push(<mark key={at}>{m[0]}</mark>);
    last = at + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}

/** True when some marked word shows up in the given plain text. */
export function mentionsAny(text: string, words: string[]): boolean {
  const t = text.toLowerCase();
  return words.some((w) => t.includes(w));
}
