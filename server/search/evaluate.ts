import { emptySources } from '../contract/articleFields';
import fs from 'node:fs';
import path from 'node:path';
import type { SearchDoc } from './document';
import { rankedSearch } from './rankedSearch';
import { SearchIndex } from './searchIndex';

/**
 * Relevance evaluation of the search agents get (rankedSearch: ranking included) over a dataset folder
 * (docs.jsonl, queries.<split>.jsonl, qrels.<split>.tsv; see shared/datasets/README.md).
 * A dataset doc's title is the article title and its body the resolution: FAQ answers are fixes.
 */
export interface EvalResult {
  recallAt5: number;
  recallAt10: number;
  mrrAt10: number;
  ndcgAt10: number;
  queries: number;
}

interface DatasetDoc {
  id: string;
  title: string;
  body: string;
}

const readJsonl = <T>(file: string): T[] =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

function readQrels(file: string): Map<string, Map<string, number>> {
  const qrels = new Map<string, Map<string, number>>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
    const [q, d, rel] = line.trim().split('\t');
    if (!q || !d || rel === undefined) continue;
    if (!qrels.has(q)) qrels.set(q, new Map());
    qrels.get(q)!.set(d, Number(rel));
  }
  return qrels;
}

export function datasetToDocs(docs: DatasetDoc[]): SearchDoc[] {
  return docs.map((d, i) => ({
    ...emptySources(),
    id: i + 1,
    slug: d.id,
    title: d.title,
    resolution: d.body,
    confidence: 'validated',
    audience: 'agents',
    findableBy: ['agents', 'staff'],
    department: { slug: 'dataset', name: 'Dataset' },
    verifyBy: null,
  }));
}

export function evaluate(
  dir: string,
  split: 'dev' | 'test' | 'all',
  index = new SearchIndex(),
): EvalResult {
  const suffix = split === 'all' ? '' : `.${split}`;
  const docs = readJsonl<DatasetDoc>(path.join(dir, 'docs.jsonl'));
  const queries = readJsonl<{ id: string; text: string }>(path.join(dir, `queries${suffix}.jsonl`));
  const qrels = readQrels(path.join(dir, `qrels${suffix}.tsv`));
  const searchDocs = datasetToDocs(docs);
  index.build(searchDocs);
  const slugOf = new Map(searchDocs.map((d) => [d.id, d.slug]));

  const sum = { r5: 0, r10: 0, mrr: 0, ndcg: 0 };
  let counted = 0;
  for (const q of queries) {
    const judged = qrels.get(q.id);
    const relevant = judged ? [...judged].filter(([, rel]) => rel > 0) : [];
    if (relevant.length === 0) continue;
    counted++;
    // whole sentences: the query is complete, so no as-you-type prefix on the last word;
    // a dataset has no contact history, so no article has recent solves
    const ranked = rankedSearch(index, `${q.text} `, {
      audience: 'agents',
      limit: 10,
      solvesOf: () => 0,
    }).hits.map((h) => slugOf.get(h.id)!);
    const gain = (slug: string) => judged!.get(slug) ?? 0;
    const hitsAt = (k: number) => ranked.slice(0, k).filter((s) => gain(s) > 0).length;
    sum.r5 += hitsAt(5) / relevant.length;
    sum.r10 += hitsAt(10) / relevant.length;
    const first = ranked.findIndex((s) => gain(s) > 0);
    sum.mrr += first === -1 ? 0 : 1 / (first + 1);
    const dcg = ranked.reduce((acc, s, i) => acc + gain(s) / Math.log2(i + 2), 0);
    const ideal = relevant
      .map(([, rel]) => rel)
      .sort((a, b) => b - a)
      .slice(0, 10)
      .reduce((acc, rel, i) => acc + rel / Math.log2(i + 2), 0);
    sum.ndcg += ideal > 0 ? dcg / ideal : 0;
  }
  const avg = (v: number) => (counted ? Math.round((v / counted) * 10000) / 10000 : 0);
  return {
    recallAt5: avg(sum.r5),
    recallAt10: avg(sum.r10),
    mrrAt10: avg(sum.mrr),
    ndcgAt10: avg(sum.ndcg),
    queries: counted,
  };
}
