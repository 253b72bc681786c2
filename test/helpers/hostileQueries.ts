/** Query strings that must never throw or stall the search (shared by the query tests). */
import { random as mulberry32 } from './docs';

/** `length` random code points from the whole Unicode range (no lone surrogates). */
export function randomUnicode(length: number, seed = 42): string {
  const random = mulberry32(seed);
  const out: string[] = [];
  while (out.length < length) {
    const cp = Math.floor(random() * 0x110000);
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    out.push(String.fromCodePoint(cp));
  }
  return out.join('');
}

export const HOSTILE_QUERIES: [label: string, query: string][] = [
  ['a:', 'a:'],
  ['^', '^'],
  ['~', '~'],
  ['*', '*'],
  ['+-', '+-'],
  ['title:foo', 'title:foo'],
  ['foo^10', 'foo^10'],
  ['abcdefghijkl~7', 'abcdefghijkl~7'],
  ['10,000 characters', 'router '.repeat(1500).slice(0, 10_000)],
  ['10,000 characters without spaces', 'x'.repeat(10_000)],
  ['10,000 random unicode characters', randomUnicode(10_000)],
  ['NUL', '\u0000'],
  ['empty', ''],
  ['lunr syntax mix', '+title:foo -bar^3 baz~2 qu* "quoted" (paren) a:b:c'],
];
