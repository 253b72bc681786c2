import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { SearchDoc } from '../server/search/document';
import { rankedSearch } from '../server/search/rankedSearch';
import { SearchIndex } from '../server/search/searchIndex';
import type { Corpus } from './corpus';
import { Rng } from './lib/prng';
import { round, sleep, summarize, within } from './lib/stats';
import { AGENT, type Plan } from './search';
import { queryStream } from './queries';

/**
 * Our index only: how fast a publish becomes searchable, whether rebuilds block the event
 * loop, and whether results after many changes (base + delta) match a freshly built index.
 * `live` always holds what the index should contain, so a fresh build can be compared.
 */
export class ChangeStream {
  private readonly rng: Rng;
  private readonly ids: number[];
  private nextId: number;
  private variant = 0;
  constructor(
    private readonly corpus: Corpus,
    readonly live: Map<number, SearchDoc>,
    seed: number,
  ) {
    this.rng = new Rng(seed);
    this.ids = [...live.keys()];
    this.nextId = Math.max(0, ...this.ids) + 1;
  }

  newId(): number {
    this.ids.push(this.nextId);
    return this.nextId++;
  }
  existingId(): number {
    return this.rng.pick(this.ids);
  }

  /** one change as editors make them: mostly edits, some new articles, a few removals */
  apply(index: SearchIndex): void {
    const kind = this.rng.weighted([
      ['edit', 70],
      ['new', 25],
      ['remove', 5],
    ] as const);
    if (kind === 'remove' && this.ids.length > 1) {
      const at = this.rng.int(0, this.ids.length - 1);
      const id = this.ids[at]!;
      this.ids[at] = this.ids[this.ids.length - 1]!;
      this.ids.pop();
      this.live.delete(id);
      index.articleRemoved(id);
      return;
    }
    const id = kind === 'new' ? this.newId() : this.existingId();
    const doc = this.corpus.doc(id, ++this.variant);
    this.live.set(id, doc);
    index.articleChanged(doc);
  }

  publish(index: SearchIndex, id: number, word: string): void {
    const doc: SearchDoc = {
      ...this.corpus.doc(id, ++this.variant, word),
      confidence: 'validated',
      audience: 'agents',
      findableBy: ['agents', 'staff'],
    };
    this.live.set(id, doc);
    index.articleChanged(doc);
  }
}

/** a word no article contains: letters only, so it is indexed as a plain word */
const uniqueWord = (i: number) => `zqx${i.toString(26).replace(/\d/g, (d) => 'klmnopqrst'[+d]!)}vy`;

/** articleChanged(doc with a new word) → until a search for word returns it; sync part included. */
export async function publishToSearchable(index: SearchIndex, changes: ChangeStream, plan: Plan) {
  const total: number[] = [];
  const sync: number[] = [];
  let notFound = 0;
  for (let i = 0; i < plan.publishes; i++) {
    const word = uniqueWord(i);
    const id = i % 2 === 0 ? changes.newId() : changes.existingId();
    const started = performance.now();
    changes.publish(index, id, word);
    sync.push(performance.now() - started);
    let found = false;
    while (!found && performance.now() - started < 10_000) {
      found = rankedSearch(index, word, AGENT).hits.some((h) => h.id === id);
      if (!found) await sleep(2);
    }
    if (found) total.push(performance.now() - started);
    else notFound++;
    await sleep(plan.publishGapMs);
  }
  return { publishToSearchable: summarize(total), articleChangedSync: summarize(sync), notFound };
}

/** Steady publishing (enough to fold the delta at least once) while agents keep searching. */
export async function eventLoopUnderChurn(
  index: SearchIndex,
  corpus: Corpus,
  changes: ChangeStream,
  plan: Plan,
) {
  const RESOLUTION = 10;
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION });
  histogram.enable();
  await sleep(50); // the monitor's first tick only sets its baseline
  const stream = queryStream(corpus, 5000, 5);
  const queryMs: number[] = [];
  let running = true;
  const searching = (async () => {
    for (let i = 0; running; i++) {
      const started = performance.now();
      rankedSearch(index, stream[i % stream.length]!.text, AGENT);
      queryMs.push(performance.now() - started);
      await sleep(20);
    }
  })();

  const interval = 1000 / plan.churnPerSecond;
  const started = performance.now();
  const deadline = started + Math.min(plan.churnChanges * interval * 3, plan.changeBudgetMs);
  const sync: number[] = [];
  for (let k = 0; k < plan.churnChanges && performance.now() < deadline; k++) {
    // always yield, even when behind schedule: publishes arrive as requests, and between
    // requests the loop serves searches (and the delay monitor gets its samples)
    await sleep(Math.max(0, started + k * interval - performance.now()));
    const t = performance.now();
    changes.apply(index);
    sync.push(performance.now() - t);
  }
  const publishMs = performance.now() - started;
  const idle = await within(index.whenIdle(), plan.idleTimeoutMs);
  running = false;
  await searching;
  histogram.disable();
  // the histogram records whole timer intervals: subtract the 10 ms the timer waits anyway
  const delay = (ns: number) => round(Math.max(0, ns / 1e6 - RESOLUTION));
  return {
    planned: plan.churnChanges,
    published: sync.length,
    perSecond: plan.churnPerSecond,
    publishMs: round(publishMs),
    idleReached: idle.ok,
    idleWaitMs: idle.ms,
    maxDelayMs: delay(histogram.max),
    p99DelayMs: delay(histogram.percentile(99)),
    meanDelayMs: delay(histogram.mean),
    changeSync: summarize(sync),
    queriesDuring: summarize(queryMs),
  };
}

/** Top 10 after many changes (base + delta) against one index built from the same final docs. */
export async function topTenAgreement(
  index: SearchIndex,
  corpus: Corpus,
  changes: ChangeStream,
  plan: Plan,
) {
  const changeDeadline = performance.now() + plan.changeBudgetMs;
  let applied = 0;
  for (; applied < plan.agreementChanges && performance.now() < changeDeadline; applied++) {
    changes.apply(index);
    if (applied % 10 === 9) await yieldToLoop();
  }
  const idle = await within(index.whenIdle(), plan.idleTimeoutMs);
  const fresh = new SearchIndex();
  const started = performance.now();
  fresh.build(changes.live.values());
  await within(fresh.whenIdle(), plan.idleTimeoutMs);
  const freshBuildMs = round(performance.now() - started);

  const top10 = { ...AGENT, limit: 10 };
  let compared = 0,
    identical = 0,
    sameSet = 0,
    bothEmpty = 0;
  const samples: { q: string; live: number[]; fresh: number[] }[] = [];
  const deadline = performance.now() + plan.queryBudgetMs;
  for (const q of queryStream(corpus, plan.agreementQueries, 31)) {
    if (performance.now() > deadline) break;
    const a = rankedSearch(index, q.text, top10).hits.map((h) => h.id);
    const b = rankedSearch(fresh, q.text, top10).hits.map((h) => h.id);
    if (a.length === 0 && b.length === 0) {
      bothEmpty++;
      continue;
    }
    compared++;
    if (a.join() === b.join()) identical++;
    else if (samples.length < 3) samples.push({ q: q.text, live: a, fresh: b });
    if (a.length === b.length && [...a].sort().join() === [...b].sort().join()) sameSet++;
  }
  const pct = (n: number) => (compared ? round((100 * n) / compared) : null);
  return {
    changes: applied,
    idleReached: idle.ok,
    sizeMatches: index.size === fresh.size,
    freshBuildMs,
    queries: compared + bothEmpty,
    compared,
    bothEmpty,
    identicalPct: pct(identical),
    sameSetPct: pct(sameSet),
    samples,
  };
}
