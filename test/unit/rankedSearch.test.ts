import { emptySources } from '../../server/contract/articleFields';
import type { SearchDoc } from '../../server/search/document';
import { rankedSearch, WINDOW } from '../../server/search/rankedSearch';
import { SearchIndex } from '../../server/search/searchIndex';
import { findable } from '../helpers/docs';

const doc = (id: number, o: Partial<SearchDoc> = {}): SearchDoc =>
  findable({
    ...emptySources(),
    id,
    slug: `doc-${id}`,
    title: 'Quasar dish misaligned',
    issue: 'The picture freezes.',
    environment: '',
    resolution: '1. Realign the dish.\n2. Check the cable.',
    errorCodes: [],
    products: [],
    tags: [],
    confidence: 'validated',
    audience: 'agents',
    department: { slug: 'network', name: 'Network Engineering' },
    verifyBy: null,
    ...o,
  });

const noSolves = () => 0;

describe('rankedSearch', () => {
  it('ranks the engine’s text order by trust and recent solves', () => {
    const index = new SearchIndex();
    index.build([doc(1, { confidence: 'not_validated' }), doc(2), doc(3)]);
    // equal text: the engine keeps id order
    expect(index.candidates('quasar', { audience: 'agents' }).top.map((c) => c.doc.id)).toEqual([
      1, 2, 3,
    ]);
    const ranked = rankedSearch(index, 'quasar', {
      audience: 'agents',
      limit: 10,
      solvesOf: (id) => (id === 3 ? 5 : 0),
    });
    expect(ranked.hits.map((h) => [h.id, h.solves30d])).toEqual([
      [3, 5],
      [2, 0],
      [1, 0],
    ]);
  });

  it('explains an error code typed as separate words, from the query plan', () => {
    const index = new SearchIndex();
    index.build([doc(1, { errorCodes: ['SMTP 550 5.7.1'] })]);
    const [hit] = rankedSearch(index, 'SMTP 550 5.7.1', {
      audience: 'agents',
      limit: 1,
      solvesOf: noSolves,
    }).hits;
    expect(hit!.why).toEqual(['Error code SMTP 550 5.7.1 matches', 'Validated']);
  });

  it('counts facets over the ranked window, before filters; total counts what is kept', () => {
    const index = new SearchIndex();
    const billing = { slug: 'billing', name: 'Billing' };
    index.build([
      doc(1, { products: ['Dish'] }),
      doc(2, { department: billing }),
      doc(3, { department: billing, products: ['dish', 'Dish'] }),
    ]);
    const result = rankedSearch(index, 'quasar', {
      audience: 'agents',
      limit: 1,
      solvesOf: noSolves,
      department: 'billing',
    });
    expect(result.facets).toEqual({
      departments: [
        { slug: 'billing', name: 'Billing', count: 2 },
        { slug: 'network', name: 'Network Engineering', count: 1 },
      ],
      products: [{ name: 'Dish', count: 2 }],
    });
    expect(result.total).toBe(2);
    expect(result.hits.map((h) => h.id)).toEqual([2]);
  });

  it('ranks only the best WINDOW text matches', () => {
    const index = new SearchIndex();
    index.build(Array.from({ length: WINDOW + 5 }, (_, i) => doc(i + 1)));
    const result = rankedSearch(index, 'quasar', {
      audience: 'agents',
      limit: 1,
      solvesOf: noSolves,
      product: 'none',
    });
    expect(result.total).toBe(0);
    expect(result.facets.departments).toEqual([
      { slug: 'network', name: 'Network Engineering', count: WINDOW },
    ]);
  });
});
