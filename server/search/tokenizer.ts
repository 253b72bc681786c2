/**
 * Splits text into searchable tokens, keeping identifiers whole *and* in parts.
 *
 * Every default tokenizer splits `E-1043` on the hyphen, so a search for the whole code
 * matched any article that mentions "e" and "1043" separately. Here a run of letters and
 * digits joined by `- _ . : /` (or containing a digit) is an identifier: it yields the whole
 * (`e-1043`), the parts (`1043`, also `80070005` from `0x80070005`) and the joined form
 * (`e1043`), all flagged so the stemmer and stop-word filter leave them alone.
 */
/** `word`: plain word (stemmed); `whole`/`part`/`joined`: an identifier and its pieces. */
export type TokenKind = 'word' | 'whole' | 'part' | 'joined';

export interface RawToken {
  term: string;
  start: number;
  length: number;
  kind: TokenKind;
}

const WORD = /[\p{L}\p{N}]+(?:[-_.:/][\p{L}\p{N}]+)*/gu;
const SEPARATOR = /[-_.:/]/;
const DIGIT = /\p{N}/u;
/** Longer runs are noise (hashes, base64) and would bloat the index. */
const MAX_TOKEN_LENGTH = 48;

export function tokenize(text: string): RawToken[] {
  const out: RawToken[] = [];
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    const start = match.index;
    if (raw.length > MAX_TOKEN_LENGTH) continue;
    const term = raw.toLowerCase();
    const compound = SEPARATOR.test(raw);
    if (!compound && !DIGIT.test(raw)) {
      out.push({ term, start, length: raw.length, kind: 'word' });
      continue;
    }
    out.push({ term, start, length: raw.length, kind: 'whole' });
    if (compound) {
      // offsets from the original text: lowercasing can change a string's length ("İ")
      let offset = 0;
      for (const rawPart of raw.split(SEPARATOR)) {
        const part = rawPart.toLowerCase();
        // single letters ("e" of E-1043) match far too much to be worth indexing
        if (rawPart.length >= 2 || /^\d+$/.test(part)) {
          out.push({ term: part, start: start + offset, length: rawPart.length, kind: 'part' });
        }
        offset += rawPart.length + 1;
      }
      const joined = term.replace(/[-_.:/]/g, '');
      out.push({ term: joined, start, length: raw.length, kind: 'joined' });
    } else if (/^0x[\da-f]+$/.test(term)) {
      out.push({ term: term.slice(2), start: start + 2, length: raw.length - 2, kind: 'part' });
    }
  }
  return out;
}

/** Error codes are indexed as units: "HTTP 503" is stored as "HTTP-503" (same length). */
export function errorCodesText(codes: readonly string[]): string {
  return codes.map((c) => c.trim().replace(/\s+/g, '-')).join(' ; ');
}
