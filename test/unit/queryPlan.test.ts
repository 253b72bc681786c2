import { LIMITS, planQuery, type PlannedTerm } from '../../server/search/queryPlan';
import { HOSTILE_QUERIES } from '../helpers/hostileQueries';

const termsOf = (plan: PlannedTerm[]) => plan.map((p) => p.term);
const byTerm = (plan: PlannedTerm[], term: string) => plan.find((p) => p.term === term);

describe('planQuery: hostile input', () => {
  it.each(HOSTILE_QUERIES)('%s: returns quickly without throwing', (_label, query) => {
    const started = performance.now();
    const plan = planQuery(query).terms;
    expect(performance.now() - started).toBeLessThan(1000);
    expect(plan.length).toBeLessThanOrEqual(LIMITS.maxTerms);
    for (const p of plan) {
      expect(p.term).toMatch(/^[\p{L}\p{N}\p{M}][\p{L}\p{N}\p{M}_.:/-]*$/u);
      expect(p.term).not.toMatch(/[\^~*+]/);
    }
  });

  it('keeps only the words out of lunr query syntax', () => {
    expect(termsOf(planQuery('foo^10').terms)).toEqual(['foo', '10']);
    expect(termsOf(planQuery('^').terms)).toEqual([]);
    expect(termsOf(planQuery('+-').terms)).toEqual([]);
    expect(termsOf(planQuery('abcdefghijkl~7').terms)).toEqual(['abcdefghijkl', '7']);
  });

  it(`caps the plan at ${LIMITS.maxTerms} terms, even for 500 distinct words`, () => {
    const words = Array.from(
      { length: 500 },
      (_, i) =>
        `z${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
    );
    expect(new Set(words).size).toBe(500);
    const plan = planQuery(words.join(' ')).terms;
    expect(plan).toHaveLength(LIMITS.maxTerms);
    expect(termsOf(plan)).toEqual(words.slice(0, LIMITS.maxTerms));
  });

  it('only reads the first maxQueryLength characters', () => {
    const plan = planQuery(`reset ${'x'.repeat(LIMITS.maxQueryLength)} router`).terms;
    expect(termsOf(plan)).toEqual(['reset']);
  });
});

describe('planQuery: terms', () => {
  it('drops stop words', () => {
    expect(termsOf(planQuery('how to reset the router ').terms)).toEqual(['reset', 'router']);
  });

  it('keeps stop words when the query has nothing else', () => {
    expect(termsOf(planQuery('how do i').terms)).toEqual(['how', 'do', 'i']);
  });

  it('merges repeated terms', () => {
    expect(termsOf(planQuery('router router ROUTER ').terms)).toEqual(['router']);
  });

  it('marks only the last term as a prefix while the user is still typing it', () => {
    const typing = planQuery('reset rout').terms;
    expect(byTerm(typing, 'reset')?.prefix).toBe(false);
    expect(byTerm(typing, 'rout')?.prefix).toBe(true);
  });

  it.each([' ', '\n', '\t'])('marks no prefix when the text ends in whitespace (%j)', (end) => {
    const plan = planQuery(`reset rout${end}`).terms;
    expect(plan.length).toBe(2);
    expect(plan.every((p) => !p.prefix)).toBe(true);
  });

  it('makes words of 5 or more characters fuzzy, and nothing shorter', () => {
    const plan = planQuery('wifi modem ').terms;
    expect(byTerm(plan, 'wifi')?.fuzzy).toBe(false);
    expect(byTerm(plan, 'modem')?.fuzzy).toBe(true);
  });

  it('never makes identifiers fuzzy', () => {
    const plan = planQuery('E-104399 ').terms;
    expect(plan.length).toBeGreaterThan(0);
    expect(plan.every((p) => !p.fuzzy)).toBe(true);
  });

  it('stems words but keeps what was typed as the surface', () => {
    const p = byTerm(planQuery('blinking').terms, 'blink');
    expect(p).toMatchObject({ term: 'blink', surface: 'blinking' });
  });

  it('does not stem identifiers', () => {
    const plan = planQuery('E-1043').terms;
    expect(termsOf(plan)).toEqual(['e-1043', '1043', 'e1043']);
    expect(byTerm(plan, 'e-1043')?.surface).toBe('e-1043');
  });

  it('boosts whole identifiers above their parts', () => {
    const plan = planQuery('0x80070005').terms;
    expect(byTerm(plan, '0x80070005')!.boost).toBeGreaterThan(byTerm(plan, '80070005')!.boost);
  });
});
