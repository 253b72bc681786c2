import { findableBy } from '../server/domain/visibility';
import type { SearchDoc } from '../server/search/document';
import type { ArticleCreate } from '../server/contract/articles';
import { emptySources } from '../server/contract/articleFields';
import { Rng } from './lib/prng';
import {
  DEPARTMENTS,
  EVENTS,
  LINKS,
  SYMPTOMS,
  SYSTEMS,
  TITLE_SYMPTOMS,
  VERBS,
  capitalize,
  makeVocabulary,
  type Vocabulary,
} from './vocabulary';

/**
 * Deterministic synthetic KCS articles. Each article is a pure function of (seed, id, variant),
 * so the 1k corpus is the first 1,000 articles of the 10k one, and an "edit" of article 42 is
 * simply variant 1 of it: every process regenerates exactly the same documents.
 */
export const CORPUS_SEED = 20240611;

export class Corpus {
  readonly vocab: Vocabulary;
  constructor(readonly seed = CORPUS_SEED) {
    this.vocab = makeVocabulary(seed);
  }

  docs(n: number): SearchDoc[] {
    return Array.from({ length: n }, (_, i) => this.doc(i + 1));
  }

  /** Article `id`; a `variant` > 0 is a later edit of it (new text, same id). */
  doc(id: number, variant = 0, extraWord = ''): SearchDoc {
    const rng = new Rng(hash(this.seed, id, variant));
    const v = this.vocab;
    const w = () => v.zipf.draw(rng, v.words);
    const department = rng.weighted(DEPARTMENTS.map((d) => [d, d.slug === 'frontline' ? 1 : 2]));
    const products = [rng.pick(v.products.get(department.slug)!)];
    if (rng.chance(0.2)) products.push(rng.pick(v.products.get(department.slug)!));
    const codes = rng.chance(0.6) ? [v.codeZipf.draw(rng, v.codes)] : [];
    if (codes.length && rng.chance(0.25)) codes.push(v.codeZipf.draw(rng, v.codes));
    const code = () => (codes.length ? rng.pick(codes) : 'an error');
    const product = products[0]!;

    // "FH-300 router blinks orange after firmware update E-1043": 6–10 words
    const title = capitalize(
      [product, rng.pick(TITLE_SYMPTOMS), rng.pick(['after', 'when', 'during', 'with']), w(), w()]
        .concat(codes.length && rng.chance(0.5) ? [codes[0]!] : [w(), w()])
        .join(' ')
        .split(' ')
        .slice(0, rng.int(7, 10))
        .join(' '),
    );

    const issue = Array.from({ length: rng.int(1, 2) }, () =>
      rng.pick([
        () =>
          `My ${product} ${rng.pick(SYMPTOMS)} since ${rng.pick(EVENTS)} and the ${w()} ${w()} does nothing.`,
        () =>
          `I tried to ${rng.pick(VERBS)} the ${w()} ${w()} but it says ${code()} every single time.`,
        () =>
          `Every time I open the ${w()} ${w()} it ${rng.pick(SYMPTOMS)}, even after I ${rng.pick(VERBS)} the ${w()}.`,
        () =>
          `It worked fine before ${rng.pick(EVENTS)}, now the ${w()} ${rng.pick(SYMPTOMS)} and my ${w()} is gone.`,
        () => `The ${w()} screen shows ${code()} when I ${rng.pick(VERBS)} my ${w()} ${w()}.`,
      ])(),
    );
    if (rng.chance(0.7))
      issue.push(`I need the ${w()} working for ${w()} ${w()} today, please help.`);
    if (extraWord) issue.push(`The customer mentions ${extraWord} twice.`);

    const environment = [
      `- Product: ${products.join(', ')}`,
      `- ${rng.pick(['Firmware', 'App version', 'Software'])} ${rng.int(1, 9)}.${rng.int(0, 20)}.${rng.int(0, 9)}`,
      `- ${rng.pick(SYSTEMS)}`,
      ...(rng.chance(0.6) ? [`- Connection: ${rng.pick(LINKS)}, ${w()} plan`] : []),
      ...(rng.chance(0.5) ? [`- ${capitalize(w())} ${w()} enabled`] : []),
    ];

    const steps = Array.from({ length: rng.int(5, 8) }, () => {
      const s = rng.pick([
        () =>
          `Ask the customer to ${rng.pick(VERBS)} the ${w()} and wait ${rng.int(10, 90)} seconds until the ${w()} light is steady.`,
        () =>
          `Open ${w()} settings, select ${w()} ${w()} and ${rng.pick(VERBS)} the ${w()} profile.`,
        () =>
          `If the screen still shows ${code()}, ${rng.pick(VERBS)} the ${w()} from the ${w()} portal.`,
        () => `Check that the ${w()} ${w()} matches the ${w()} printed on the ${product} label.`,
        () =>
          `${capitalize(rng.pick(VERBS))} the ${w()} cache, then ${rng.pick(VERBS)} the ${w()} ${w()} and confirm it works.`,
        () =>
          `When the ${w()} ${w()} is missing, escalate to ${department.name} with the ${w()} details.`,
        () =>
          `Tell the customer the ${w()} can take up to ${rng.int(2, 30)} minutes to ${rng.pick(VERBS)} after the ${w()}.`,
      ])();
      const follow = () =>
        rng.pick([
          ` If that fails, ${rng.pick(VERBS)} the ${w()} ${w()} and try again.`,
          ` Note the ${w()} and ${w()} values in the ticket before you continue.`,
          ` This usually clears the ${w()} ${w()} within a minute or two.`,
          ` Some customers also need to ${rng.pick(VERBS)} the ${w()} on their ${w()} first.`,
        ]);
      return s + (rng.chance(0.9) ? follow() : '') + (rng.chance(0.5) ? follow() : '');
    });

    const tags = new Set([product.split(' ').slice(1).join(' ').toLowerCase()]);
    for (let i = rng.int(1, 3); i > 0; i--) tags.add(v.words[rng.int(10, 500)]!);
    const confidence = rng.weighted<SearchDoc['confidence']>([
      ['validated', 70],
      ['not_validated', 15],
      ['wip', 10],
      ['archived', 5],
    ]);
    const doc = {
      ...emptySources(),
      id,
      slug: `${slugify(title)}-${id}`,
      title,
      issue: issue.join(' '),
      environment: environment.join('\n'),
      resolution: steps.map((s, i) => `${i + 1}. ${s}`).join('\n'),
      errorCodes: codes,
      products,
      tags: [...tags],
      confidence,
      audience: rng.chance(0.1) ? ('internal' as const) : ('agents' as const),
      department: { slug: department.slug, name: department.name },
      verifyBy: confidence === 'validated' ? isoDay(rng.int(0, 700)) : null,
    };
    return { ...doc, findableBy: findableBy(doc) };
  }
}

/** The same article as the service layer's create input (e.g. for createArticle or a POST). */
export function toArticleCreate(doc: SearchDoc): ArticleCreate {
  // The content fields from the catalogue (a search document holds all but internal ones).
  const sources = emptySources();
  for (const key of Object.keys(sources) as (keyof typeof sources)[])
    if (key in doc) Object.assign(sources, { [key]: doc[key as keyof SearchDoc] });
  return {
    ...sources,
    slug: doc.slug,
    department: doc.department.slug,
    audience: doc.audience,
    confidence: doc.confidence,
    verifyBy: doc.verifyBy,
    note: 'bench',
  };
}

export function wordCount(doc: SearchDoc): number {
  const text = [doc.title, doc.issue, doc.environment, doc.resolution].join(' ');
  return text.split(/\s+/).filter(Boolean).length;
}

function hash(...parts: number[]): number {
  let h = 2166136261;
  for (const p of parts) h = Math.imul(h ^ p, 16777619) ^ (h >>> 13);
  return h >>> 0;
}

function isoDay(offset: number): string {
  return new Date(Date.UTC(2025, 5, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 70);
}
