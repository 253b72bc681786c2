/** Query strings that must never throw or stall the search (shared by the query tests). */

/** A small deterministic PRNG so failures can be reproduced. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
