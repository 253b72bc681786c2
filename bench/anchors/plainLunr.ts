import lunr from 'lunr';
import type { SearchDoc } from '../../server/search/document';
import { fieldsOf, visibleToAgent } from './visible';

/**
 * Anchor 2: lunr as its README shows it (default tokenizer, stop words, stemmer and query
 * parser), same fields and boosts as ours. It shows what our tokenizer, query planning and
 * segments cost or save compared with the library used plainly.
 */
const BOOSTS = { errorCodes: 10, title: 5, issue: 3, labels: 2, environment: 1, resolution: 1 };

export class PlainLunrAnchor {
  /** queries lunr's parser rejected (QueryParseError) or that threw otherwise */
  errors = 0;
  errorSamples: string[] = [];
  private index: lunr.Index = lunr(function () {
    this.ref('id');
  });
  private visible = new Set<number>();

  build(docs: Iterable<SearchDoc>): void {
    const visible = new Set<number>();
    this.index = lunr(function () {
      this.ref('id');
      for (const [name, boost] of Object.entries(BOOSTS)) this.field(name, { boost });
      for (const d of docs) {
        if (visibleToAgent(d)) visible.add(d.id);
        this.add({ id: String(d.id), ...fieldsOf(d) });
      }
    });
    this.visible = visible;
  }

  search(text: string, limit = 20): number[] {
    try {
      const out: number[] = [];
      for (const r of this.index.search(text)) {
        const id = Number(r.ref);
        if (this.visible.has(id) && out.push(id) >= limit) break;
      }
      return out;
    } catch (err) {
      this.errors++;
      if (this.errorSamples.length < 5)
        this.errorSamples.push(`${text} → ${(err as Error).message}`);
      return [];
    }
  }
}
