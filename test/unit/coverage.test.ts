import { coverage, isWeak, matchedWhy, matchedWords } from '../../server/search/coverage';
import { emptySources } from '../../server/contract/articleFields';
import { planQuery } from '../../server/search/queryPlan';
import { rankedSearch } from '../../server/search/rankedSearch';
import { SearchIndex } from '../../server/search/searchIndex';
import { findable } from '../helpers/docs';

describe('planQuery: the words coverage counts', () => {
  it('keeps the words as typed, without stop words', () => {
    expect(planQuery('how do I get a refund for the subscription').words).toEqual([
      'refund',
      'subscription',
    ]);
  });

  it('counts an identifier once: its parts count for nothing, its joined form for it', () => {
    const plan = planQuery('E-1043 router');
    expect(plan.words).toEqual(['e-1043', 'router']);
    const word = (term: string) => plan.terms.find((t) => t.term === term)!.word;
    expect([word('e-1043'), word('1043'), word('e1043'), word('router')]).toEqual([0, -1, 0, 1]);
  });

  it('counts a repeated word (or one with the same stem) once', () => {
    expect(planQuery('router Router routers').words).toEqual(['router']);
  });
});

describe('coverage', () => {
  const plan = planQuery('paramount subscription refund satellite dish');

  it('is the share of words matched, to 3 decimals', () => {
    expect(coverage(0b11111, plan)).toBe(1);
    expect(coverage(0b00100, plan)).toBe(0.2);
    expect(coverage(0, plan)).toBe(0);
    expect(coverage(0b011, planQuery('alpha beta gamma'))).toBe(0.667);
  });

  it('names the words matched, in query order', () => {
    expect(matchedWords(0b00110, plan)).toEqual(['subscription', 'refund']);
    expect(matchedWhy(0b00100, plan)).toBe('Matched: refund');
    expect(matchedWhy(0, planQuery('E-1043'))).toBe('Matched: part of a code only');
  });

  it('is weak below one half only, and never without hits', () => {
    expect(isWeak(0.499)).toBe(true);
    expect(isWeak(0.5)).toBe(false);
    expect(isWeak(undefined)).toBe(false);
  });
});

describe('rankedSearch: coverage and weak', () => {
  const doc = (id: number, title: string) =>
    findable({
      ...emptySources(),
      id,
      slug: `doc-${id}`,
      title,
      issue: '',
      environment: '',
      resolution: '',
      errorCodes: [],
      products: [],
      tags: [],
      confidence: 'validated',
      audience: 'agents',
      department: { slug: 'billing', name: 'Billing' },
      verifyBy: null,
    });
  const index = new SearchIndex();
  index.build([doc(1, 'Refund a double charge'), doc(2, 'Refund a cancelled subscription')]);
  const run = (q: string) =>
    rankedSearch(index, q, { audience: 'agents', limit: 10, solvesOf: () => 0 });

  it('counts typo neighbours and prefix completions as matched', () => {
    const byId = (q: string) => Object.fromEntries(run(q).hits.map((h) => [h.id, h.coverage]));
    expect(byId('refnud subscriptoin ')).toEqual({ 1: 0.5, 2: 1 });
    expect(byId('refund subscr')).toEqual({ 1: 0.5, 2: 1 });
  });

  it('marks a weak search and names the matched words first in each hit’s why', () => {
    const weak = run('paramount subscription refund satellite dish');
    expect(weak.weak).toBe(true);
    expect(weak.hits.map((h) => h.why[0])).toEqual([
      'Matched: subscription, refund',
      'Matched: refund',
    ]);
    const strong = run('refund subscription');
    expect(strong.weak).toBe(false);
    expect(strong.hits[0]!.why).toEqual(['Validated']);
  });

  it('does not change the ranking', () => {
    const q = 'paramount subscription refund satellite dish';
    const text = index.candidates(q, { audience: 'agents', limit: 100 }).top.map((c) => c.doc.id);
    expect(run(q).hits.map((h) => h.id)).toEqual(text);
  });
});
