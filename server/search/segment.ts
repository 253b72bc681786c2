import lunr from 'lunr';
import { FIELDS, type FieldName, type SearchDoc } from './document';
import { lunrTokenizer, stemWithSurface, stopWords } from './pipeline';
import { errorCodesText } from './tokenizer';

/** The exact strings each field was indexed from; match positions point into these. */
export function fieldTexts(doc: SearchDoc): Record<FieldName, string> {
  return {
    errorCodes: errorCodesText(doc.errorCodes),
    title: doc.title,
    issue: doc.issue,
    labels: [...doc.products, ...doc.tags].join(' ; '),
    environment: doc.environment,
    resolution: doc.resolution,
  };
}

/** Builds one immutable lunr index over `docs`. */
export function buildSegment(docs: Iterable<SearchDoc>): lunr.Index {
  return lunr(function () {
    this.tokenizer = lunrTokenizer as unknown as typeof lunr.tokenizer;
    this.pipeline.reset();
    this.pipeline.add(stopWords, stemWithSurface);
    // Queries are planned and stemmed by us (queryPlan.ts) and sent with usePipeline: false.
    this.searchPipeline.reset();
    this.metadataWhitelist = ['position'];
    this.ref('id');
    for (const f of FIELDS) this.field(f.name, { boost: f.boost });
    for (const doc of docs) this.add({ id: String(doc.id), ...fieldTexts(doc) });
  });
}
