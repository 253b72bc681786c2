import type { SearchHit } from '../../server/search/hit';
import { planQuery } from '../../server/search/queryPlan';
import { rank } from '../../server/search/rank';

/** A hit as the engine would give it, before ranking adds solves and reasons. */
type EngineHit = Omit<SearchHit, 'solves30d' | 'why' | 'coverage'>;

let n = 0;
function hit(o: Partial<EngineHit> = {}): EngineHit {
  n += 1;
  return {
    id: n,
    slug: `article-${n}`,
    title: `Article ${n}`,
    titleHtml: `Article ${n}`,
    snippet: '',
    issueLine: 'Something is wrong.',
    steps: ['Fix it.'],
    confidence: 'validated',
    audience: 'agents',
    department: 'network',
    departmentName: 'Network Engineering',
    errorCodes: [],
    products: [],
    stale: false,
    score: 10,
    ...o,
  };
}

const noSolves = () => 0;
const solves =
  (counts: Record<number, number>) =>
  (id: number): number =>
    counts[id] ?? 0;

describe('rank', () => {
  describe('trust', () => {
    it.each([
      ['validated', false, 10, ['Validated']],
      ['validated', true, 9, ['Validated, verification overdue']],
      ['not_validated', false, 8.5, ['Not validated yet']],
      ['wip', false, 6, []],
      ['archived', false, 5, []],
    ] as const)(
      'scores a %s hit (stale: %s) of text score 10 as %d',
      (confidence, stale, score, why) => {
        const [ranked] = rank(
          [hit({ confidence, stale, score: 10 })],
          planQuery('router'),
          noSolves,
        );
        expect(ranked!.score).toBeCloseTo(score, 3);
        expect(ranked!.textScore).toBe(10);
        expect(ranked!.why).toEqual(why);
      },
    );

    it('puts validated above not-validated at equal text relevance, whatever the input order', () => {
      const unvalidated = hit({ confidence: 'not_validated' });
      const valid = hit({ confidence: 'validated' });
      expect(rank([unvalidated, valid], planQuery('q'), noSolves).map((h) => h.id)).toEqual([
        valid.id,
        unvalidated.id,
      ]);
      expect(rank([valid, unvalidated], planQuery('q'), noSolves).map((h) => h.id)).toEqual([
        valid.id,
        unvalidated.id,
      ]);
    });

    it('only reorders close calls: a much better text match still comes first', () => {
      const better = hit({ confidence: 'not_validated', score: 20 });
      const trusted = hit({ confidence: 'validated', score: 10 });
      expect(
        rank([trusted, better], planQuery('q'), solves({ [trusted.id]: 1000 })).map((h) => h.id),
      ).toEqual([better.id, trusted.id]);
      // a close call flips
      const close = hit({ confidence: 'not_validated', score: 10.5 });
      expect(rank([close, trusted], planQuery('q'), noSolves).map((h) => h.id)).toEqual([
        trusted.id,
        close.id,
      ]);
    });
  });

  describe('recent solves', () => {
    it.each([
      [0, 10],
      [1, 10 * (1 + 0.08 * Math.log(2))],
      [3, 10 * (1 + 0.08 * Math.log(4))],
      [20, 10 * (1 + 0.08 * Math.log(21))],
      [100_000, 13],
    ])('with %d solves lifts a validated hit of text score 10 to %f', (count, expected) => {
      const h = hit();
      const [ranked] = rank([h], planQuery('q'), solves({ [h.id]: count }));
      expect(ranked!.score).toBeCloseTo(expected, 2);
      expect(ranked!.solves30d).toBe(count);
    });

    it('lifts by at most 30 %', () => {
      const h = hit({ score: 7 });
      expect(rank([h], planQuery('q'), () => 1e9)[0]!.score).toBeCloseTo(9.1, 3);
    });

    it('ranks the recently solving one first among equal validated hits', () => {
      const a = hit();
      const b = hit();
      expect(rank([a, b], planQuery('q'), solves({ [b.id]: 2 })).map((h) => h.id)).toEqual([
        b.id,
        a.id,
      ]);
      expect(
        rank([a, b], planQuery('q'), solves({ [a.id]: 1, [b.id]: 5 })).map((h) => h.id),
      ).toEqual([b.id, a.id]);
    });

    it('says how many contacts it solved, singular and plural, and nothing for none', () => {
      const one = hit();
      const many = hit();
      const none = hit();
      const ranked = rank(
        [one, many, none],
        planQuery('q'),
        solves({ [one.id]: 1, [many.id]: 14 }),
      );
      const why = (id: number) => ranked.find((h) => h.id === id)!.why;
      expect(why(one.id)).toEqual(['Validated', 'Solved 1 contact in the last 30 days']);
      expect(why(many.id)).toEqual(['Validated', 'Solved 14 contacts in the last 30 days']);
      expect(why(none.id)).toEqual(['Validated']);
    });

    it('asks for the solves of each hit by its id', () => {
      const a = hit();
      const b = hit();
      const asked: number[] = [];
      rank([a, b], planQuery('q'), (id) => {
        asked.push(id);
        return 0;
      });
      expect(asked.sort()).toEqual([a.id, b.id].sort());
    });
  });

  describe('error codes', () => {
    it.each([
      ['E-1043', 'E-1043'],
      ['e1043', 'E-1043'],
      ['router E-1043 blinking', 'E-1043'],
      ['0x80070005', '0x80070005'],
      ['HTTP 503', 'HTTP 503'],
      ['http503', 'HTTP 503'],
    ])('explains a match of query %j with the code %s first', (query, code) => {
      const h = hit({ errorCodes: ['X-1', code], confidence: 'not_validated' });
      const [ranked] = rank([h], planQuery(query), solves({ [h.id]: 2 }));
      expect(ranked!.why).toEqual([
        `Error code ${code} matches`,
        'Not validated yet',
        'Solved 2 contacts in the last 30 days',
      ]);
    });

    it('does not explain a match when the query holds no code of the hit', () => {
      const [ranked] = rank(
        [hit({ errorCodes: ['E-1043'] })],
        planQuery('router blinking'),
        noSolves,
      );
      expect(ranked!.why).toEqual(['Validated']);
    });

    it('does not claim a match for a different code that merely starts the same', () => {
      // the agent typed E-1043; the article is about E-10, a different error
      const [ranked] = rank([hit({ errorCodes: ['E-10'] })], planQuery('E-1043'), noSolves);
      expect(ranked!.why).toEqual(['Validated']);
    });

    it('does not change the score', () => {
      const withCode = hit({ errorCodes: ['E-1043'] });
      const without = hit();
      const ranked = rank([withCode, without], planQuery('E-1043'), noSolves);
      expect(ranked[0]!.score).toBe(ranked[1]!.score);
    });
  });

  describe('order', () => {
    it('keeps the engine order for equal scores (stable), in either input order', () => {
      const hits = [hit(), hit(), hit(), hit()];
      expect(rank(hits, planQuery('q'), noSolves).map((h) => h.id)).toEqual(hits.map((h) => h.id));
      const reversed = [...hits].reverse();
      expect(rank(reversed, planQuery('q'), noSolves).map((h) => h.id)).toEqual(
        reversed.map((h) => h.id),
      );
    });

    it('sorts by final score, ties in input order', () => {
      const a = hit({ confidence: 'wip', score: 10 }); // 6
      const b = hit({ score: 8 }); // 8
      const c = hit({ score: 6 }); // 6, tie with a
      const d = hit({ confidence: 'archived', score: 20 }); // 10
      expect(rank([a, b, c, d], planQuery('q'), noSolves).map((h) => h.id)).toEqual([
        d.id,
        b.id,
        a.id,
        c.id,
      ]);
      expect(rank([c, b, a, d], planQuery('q'), noSolves).map((h) => h.id)).toEqual([
        d.id,
        b.id,
        c.id,
        a.id,
      ]);
    });

    it('rounds scores to three decimals', () => {
      const [ranked] = rank(
        [hit({ score: 1 / 3, confidence: 'not_validated' })],
        planQuery('q'),
        noSolves,
      );
      expect(ranked!.score).toBe(0.283);
    });

    it('returns new objects and leaves the engine’s hits untouched', () => {
      const h = hit({ score: 10, confidence: 'not_validated' });
      const copy = structuredClone(h);
      const [ranked] = rank([h], planQuery('q'), () => 3);
      expect(h).toEqual(copy);
      expect(ranked).not.toBe(h);
      expect(ranked).toMatchObject({ ...copy, score: expect.any(Number), textScore: 10 });
    });

    it('ranks nothing into nothing', () => {
      expect(rank([], planQuery('q'), noSolves)).toEqual([]);
    });
  });
});
