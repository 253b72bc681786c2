import type { Corpus } from './corpus';
import { Rng, Zipf } from './lib/prng';
import { EVENTS, SYMPTOMS, VERBS } from './vocabulary';

/**
 * Deterministic query streams shaped like a contact center's: short keyword queries,
 * as-you-type prefixes, typos, error codes read off a screen, and whole sentences as the
 * caller said them.
 */
export type QueryKind = 'words' | 'prefix' | 'typo' | 'code' | 'codePart' | 'sentence';
export interface BenchQuery {
  text: string;
  kind: QueryKind;
}

export const QUERY_MIX: [QueryKind, number][] = [
  ['words', 30],
  ['prefix', 25],
  ['typo', 15],
  ['code', 10],
  ['codePart', 5],
  ['sentence', 15],
];

export class QueryGen {
  private readonly rng: Rng;
  constructor(
    private readonly corpus: Corpus,
    seed: number,
  ) {
    this.rng = new Rng(seed);
  }

  next(kind = this.rng.weighted(QUERY_MIX)): BenchQuery {
    return { kind, text: this[kind]() };
  }

  /** Agents search for distinctive words: biased to mid-frequency ranks (log-uniform 8..2500). */
  private midWord(): string {
    const { words } = this.corpus.vocab;
    const rank = Math.floor(Math.exp(Math.log(8) + this.rng.float() * Math.log(2500 / 8)));
    return words[Math.min(rank, words.length - 1)]!;
  }

  words(): string {
    return Array.from({ length: this.rng.int(1, 3) }, () => this.midWord()).join(' ');
  }

  /** as you type: the last word cut to 2–6 characters */
  prefix(): string {
    const parts = this.words().split(' ');
    const last = parts.pop()!;
    const cut = Math.min(this.rng.int(2, 6), Math.max(2, last.length - 1));
    return [...parts, last.slice(0, cut)].join(' ');
  }

  /** one edit (substitute, delete, insert or swap) in a word of 5+ letters */
  typo(): string {
    let word = this.midWord();
    while (word.length < 5) word = this.midWord();
    const i = this.rng.int(1, word.length - 2);
    const letter = 'abcdefghijklmnopqrstuvwxyz'[this.rng.int(0, 25)]!;
    const edited = this.rng.pick([
      () => word.slice(0, i) + letter + word.slice(i + 1),
      () => word.slice(0, i) + word.slice(i + 1),
      () => word.slice(0, i) + letter + word.slice(i),
      () => word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2),
    ])();
    const other = this.rng.chance(0.5) ? [this.midWord()] : [];
    return this.rng.chance(0.5) ? [edited, ...other].join(' ') : [...other, edited].join(' ');
  }

  private anyCode(): string {
    const { codes, codeZipf } = this.corpus.vocab;
    return codeZipf.draw(this.rng, codes);
  }

  code(): string {
    const c = this.anyCode();
    // now and then pasted from the customer's screen, colon and all (lunr's parser reads
    // "Error:" as a field name and throws)
    if (this.rng.chance(0.15)) return `Error: ${c}`;
    const text = this.rng.chance(0.3) ? c.toLowerCase() : c;
    return this.rng.chance(0.25) ? `${text} ${this.midWord()}` : text;
  }

  /** what an agent types of a code: its number, its start, or its parts */
  codePart(): string {
    const c = this.anyCode();
    const pieces = c.split(/[-_ ]/);
    return this.rng.pick([
      () => pieces[pieces.length - 1]!.replace(/^0x/, ''),
      () => c.slice(0, Math.max(2, Math.ceil(c.length / 2))),
      () => c.replace(/[-_ ]/g, '').toLowerCase(),
      () => pieces.slice(0, 2).join('-'),
    ])();
  }

  /** the caller's words, e.g. "my router keeps blinking orange since the update and nothing works" */
  sentence(): string {
    const r = this.rng;
    const w = () => this.corpus.vocab.zipf.draw(r, this.corpus.vocab.words);
    return r
      .pick([
        () => `my ${w()} ${r.pick(SYMPTOMS)} since ${r.pick(EVENTS)} and nothing works`,
        () => `hi yes I cant ${r.pick(VERBS)} my ${w()} it just says ${this.anyCode()}`,
        () => `the ${w()} ${r.pick(SYMPTOMS)} every time I try to ${r.pick(VERBS)} the ${w()}`,
        () => `I was charged twice for my ${w()} ${w()} this month can you check`,
        () => `why does my ${w()} say ${w()} ${w()} when I ${r.pick(VERBS)} it`,
      ])()
      .toLowerCase();
  }
}

/** The in-process stream: the same n queries, in the same order, for every engine. */
export function queryStream(corpus: Corpus, n: number, seed = 7): BenchQuery[] {
  const gen = new QueryGen(corpus, seed);
  return Array.from({ length: n }, () => gen.next());
}

/** Popular questions are mostly short: words and codes, some typos and sentences. */
const POPULAR_MIX: [QueryKind, number][] = [
  ['words', 60],
  ['code', 15],
  ['typo', 10],
  ['sentence', 10],
  ['codePart', 5],
];

/**
 * What the client sends while someone types `q`: it debounces (120 ms), so about every other
 * character for short queries and fewer for long ones.
 */
export function typingSequence(q: string): string[] {
  const out: string[] = [];
  const step = q.length > 24 ? 5 : 2;
  for (let len = 2; len < q.length; len += step) if (q[len - 1] !== ' ') out.push(q.slice(0, len));
  out.push(q);
  return out;
}

/**
 * Realistic traffic: ~300 popular questions drawn Zipf-wise, each typed out as the client
 * would send it, so the same strings recur often (what a result cache would see).
 */
export function realisticMix(corpus: Corpus, n: number, seed = 11): string[] {
  const gen = new QueryGen(corpus, seed);
  const rng = new Rng(seed + 1);
  const popular = new Set<string>();
  while (popular.size < 300) popular.add(gen.next(rng.weighted(POPULAR_MIX)).text);
  const list = [...popular];
  const zipf = new Zipf(list.length, 1);
  const out: string[] = [];
  while (out.length < n) out.push(...typingSequence(zipf.draw(rng, list)));
  return out.slice(0, n);
}

/** Every query different: what a cache can never help with. */
export function allUniqueMix(corpus: Corpus, n: number, seed = 13): string[] {
  const gen = new QueryGen(corpus, seed);
  const seen = new Set<string>();
  for (let attempts = 0; seen.size < n && attempts < n * 20; attempts++) seen.add(gen.next().text);
  return [...seen];
}
