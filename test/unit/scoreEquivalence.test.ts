import lunr from 'lunr';
import { analyze } from '../../server/search/analyze';
import { FIELDS, fieldTexts } from '../../server/search/document';
import type { Clause } from '../../server/search/expand';
import { lunrTokenizer, stemWithSurface, stopWords } from '../../server/search/pipeline';
import { score } from '../../server/search/score';
import { buildSegment } from '../../server/search/segment';
import { CorpusStats } from '../../server/search/stats';
import { makeDocs, random } from '../helpers/docs';

/** The index lunr itself builds from the same documents, pipeline and field boosts. */
function lunrIndex(docs: ReturnType<typeof makeDocs>): lunr.Index {
  return lunr(function () {
    this.tokenizer = lunrTokenizer as unknown as typeof lunr.tokenizer;
    this.pipeline.reset();
    this.pipeline.add(stopWords, stemWithSurface);
    this.searchPipeline.reset();
    this.ref('id');
    for (const f of FIELDS) this.field(f.name, { boost: f.boost });
    for (const d of docs) this.add({ id: String(d.id), ...fieldTexts(d) });
  });
}

describe('scoring is lunr’s ranking', () => {
  const docs = makeDocs(400);
  const index = lunrIndex(docs);
  const analyzed = docs.map((d) => ({ id: d.id, fields: analyze(d), flags: 3, department: 0 }));
  const stats = new CorpusStats();
  for (const a of analyzed) stats.add(a.fields);
  const segment = buildSegment(analyzed);
  const vocabulary = Object.keys((index as unknown as { invertedIndex: object }).invertedIndex);

  const r = random(99);
  const clauseSets: Clause[][] = Array.from({ length: 60 }, () =>
    Array.from({ length: 1 + Math.floor(r() * 6) }, () => ({
      term: r() < 0.9 ? vocabulary[Math.floor(r() * vocabulary.length)]! : 'not-in-the-index',
      boost: [1, 2, 0.5, 0.3][Math.floor(r() * 4)]!,
      words: 1,
    })),
  );

  it.each(clauseSets.map((c, i) => [i, c] as const))(
    'gives lunr.Index.query’s scores for clause set %i',
    (_i, clauses) => {
      const expected = index.query((q) => {
        for (const c of clauses)
          q.term(c.term, {
            boost: c.boost,
            usePipeline: false,
            wildcard: lunr.Query.wildcard.NONE,
          });
      });
      const ours = score([segment], stats, clauses, { mask: 3, department: -1, limit: 10_000 });
      expect(ours.total).toBe(expected.length);
      const byId = new Map(ours.top.map((s) => [String(segment.docIds[s.doc]), s.score]));
      for (const e of expected) expect(byId.get(e.ref)).toBeCloseTo(e.score, 9);
    },
  );
});
