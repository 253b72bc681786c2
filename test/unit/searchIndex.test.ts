import { emptySources } from '../../server/contract/articleFields';
import type { SearchDoc } from '../../server/search/document';
import { rankedSearch, type RankedSearchOptions } from '../../server/search/rankedSearch';
import { SearchIndex, type SearchOptions } from '../../server/search/searchIndex';
import { HOSTILE_QUERIES } from '../helpers/hostileQueries';
import { findable } from '../helpers/docs';

let nextId = 1;
function makeDoc(overrides: Partial<SearchDoc> = {}): SearchDoc {
  const id = overrides.id ?? nextId++;
  const doc: SearchDoc = {
    ...emptySources(),
    id,
    slug: `doc-${id}`,
    title: 'Untitled article',
    issue: '',
    environment: '',
    resolution: '',
    errorCodes: [],
    products: [],
    tags: [],
    confidence: 'validated',
    audience: 'agents',
    department: { slug: 'network', name: 'Network Engineering' },
    verifyBy: null,
    findableBy: [],
    ...overrides,
  };
  return overrides.findableBy ? doc : findable(doc);
}

const AGENT: SearchOptions = { audience: 'agents' };
const ADMIN: SearchOptions = { audience: 'staff' };

/** the engine's order: text relevance alone */
const ids = (index: SearchIndex, text: string, options: SearchOptions = ADMIN) =>
  index.candidates(text, options).top.map((c) => c.doc.id);
/** what agents get: ranked, filtered, presented */
const search = (index: SearchIndex, text: string, options: Partial<RankedSearchOptions> = {}) =>
  rankedSearch(index, text, { ...ADMIN, limit: 20, solvesOf: () => 0, ...options });

describe('SearchIndex: finding articles', () => {
  const blinking = makeDoc({
    title: 'Power light keeps blinking',
    issue: 'The light on the front keeps blinking orange after a power cut.',
  });
  const router = makeDoc({
    title: 'Port forwarding',
    issue: 'Customer cannot open ports on the router.',
    products: ['FH-300'],
  });
  const setTopBox = makeDoc({
    title: 'Set-top box shows a code at start',
    issue: 'The screen stays black and a code is shown.',
    errorCodes: ['E-1043'],
  });
  const windows = makeDoc({
    title: 'Windows update fails',
    issue: 'Access denied while installing.',
    errorCodes: ['0x80070005'],
  });
  const portal = makeDoc({
    title: 'Customer portal unavailable',
    issue: 'The self-service page shows a maintenance message.',
    errorCodes: ['HTTP 503'],
  });
  const httpGeneral = makeDoc({
    title: 'HTTP status pages explained',
    issue: 'What 404, 500 and 503 mean for the customer.',
  });
  const index = new SearchIndex();
  beforeAll(() => index.build([blinking, router, setTopBox, windows, portal, httpGeneral]));

  it('holds every built document', () => {
    expect(index.size).toBe(6);
  });

  it('finds "blinking" from the typo "blinkng"', () => {
    expect(ids(index, 'blinkng')).toEqual([blinking.id]);
  });

  it('finds "router" from the prefix "rout"', () => {
    expect(ids(index, 'rout')).toEqual([router.id]);
  });

  it('does not treat a finished word as a prefix', () => {
    expect(ids(index, 'rout ')).toEqual([]);
  });

  it.each(['E-1043', 'e1043', '1043', 'E-10'])('finds the E-1043 article from %j', (q) => {
    expect(ids(index, q)[0]).toBe(setTopBox.id);
  });

  it('does not find E-1043 from an unrelated code', () => {
    expect(ids(index, 'E-2000 ')).not.toContain(setTopBox.id);
  });

  it.each(['0x80070005', '80070005'])('finds the 0x80070005 article from %j', (q) => {
    expect(ids(index, q)).toEqual([windows.id]);
  });

  it('ranks the article with the error code "HTTP 503" first', () => {
    const found = ids(index, 'HTTP 503');
    expect(found[0]).toBe(portal.id);
    expect(found).toContain(httpGeneral.id);
  });

  it('returns nothing for a query with no searchable terms', () => {
    const { total, top } = index.candidates('^~*', ADMIN);
    expect({ total, hits: top }).toEqual({ total: 0, hits: [] });
  });

  it('honours the limit but reports the total', () => {
    const result = search(index, 'HTTP 503', { audience: 'staff', limit: 1 });
    expect(result.hits).toHaveLength(1);
    expect(result.total).toBe(2);
  });
});

describe('SearchIndex: who sees what', () => {
  const word = 'fibreglitch';
  const docs = {
    validated: makeDoc({ title: `${word} validated`, confidence: 'validated' }),
    notValidated: makeDoc({ title: `${word} not validated`, confidence: 'not_validated' }),
    wip: makeDoc({ title: `${word} wip`, confidence: 'wip' }),
    archived: makeDoc({ title: `${word} archived`, confidence: 'archived' }),
    internal: makeDoc({ title: `${word} internal`, audience: 'internal' }),
    billing: makeDoc({
      title: `${word} billing`,
      department: { slug: 'billing', name: 'Billing' },
    }),
  };
  const index = new SearchIndex();
  beforeAll(() => index.build(Object.values(docs)));
  const found = (options: SearchOptions) => new Set(ids(index, `${word} `, options));
  const filtered = (options: Partial<RankedSearchOptions>) =>
    new Set(search(index, `${word} `, options).hits.map((h) => h.id));

  it('never shows an agent wip, archived or internal articles', () => {
    expect(found(AGENT)).toEqual(
      new Set([docs.validated.id, docs.notValidated.id, docs.billing.id]),
    );
  });

  it('shows an engineer wip and internal articles but not archived ones', () => {
    const seen = found({ audience: 'staff' });
    expect(seen).toContain(docs.wip.id);
    expect(seen).toContain(docs.internal.id);
    expect(seen).not.toContain(docs.archived.id);
    expect(seen.size).toBe(5);
  });

  it('filters by department', () => {
    expect(filtered({ audience: 'staff', department: 'billing' })).toEqual(
      new Set([docs.billing.id]),
    );
    expect(filtered({ audience: 'staff', department: 'network' })).not.toContain(docs.billing.id);
  });
});

describe('SearchIndex: changes', () => {
  it('makes a new article findable immediately', () => {
    const index = new SearchIndex();
    index.build([makeDoc({ title: 'Modem overheating' })]);
    const added = makeDoc({ title: 'Voicemail greeting lost' });
    index.articleChanged(added);
    expect(ids(index, 'voicemail')).toEqual([added.id]);
    expect(index.size).toBe(2);
  });

  it('finds an edited article by its new words and not by its old ones', () => {
    const original = makeDoc({
      title: 'Satellite dish misaligned',
      issue: 'Picture freezes in rain.',
    });
    const index = new SearchIndex();
    index.build([original, makeDoc({ title: 'Unrelated remote control pairing' })]);
    expect(ids(index, 'satellite')).toEqual([original.id]);

    index.articleChanged({
      ...original,
      title: 'Decoder firmware rollback',
      issue: 'Menu is slow.',
    });
    expect(ids(index, 'decoder')).toEqual([original.id]);
    expect(ids(index, 'satellite')).toEqual([]);
    expect(ids(index, 'freezes')).toEqual([]);
    expect(search(index, 'decoder', ADMIN).hits[0]?.title).toBe('Decoder firmware rollback');
  });

  it('finds an article edited twice only by its latest words', () => {
    const doc = makeDoc({ title: 'Alpha wording' });
    const index = new SearchIndex();
    index.build([doc]);
    index.articleChanged({ ...doc, title: 'Bravo wording' });
    index.articleChanged({ ...doc, title: 'Charlie wording' });
    expect(ids(index, 'alpha ')).toEqual([]);
    expect(ids(index, 'bravo ')).toEqual([]);
    expect(ids(index, 'charlie ')).toEqual([doc.id]);
    expect(ids(index, 'wording ')).toEqual([doc.id]);
  });

  it('applies a changed confidence to who can find it', () => {
    const doc = makeDoc({ title: 'Roaming charges explained' });
    const index = new SearchIndex();
    index.build([doc]);
    index.articleChanged(findable({ ...doc, confidence: 'archived' }));
    expect(ids(index, 'roaming', ADMIN)).toEqual([]);
  });

  it('removes an article from the base and from the recent changes', () => {
    const inBase = makeDoc({ title: 'Landline crackle' });
    const recent = makeDoc({ title: 'Landline echo' });
    const index = new SearchIndex();
    index.build([inBase]);
    index.articleChanged(recent);
    expect(new Set(ids(index, 'landline'))).toEqual(new Set([inBase.id, recent.id]));

    index.articleRemoved(inBase.id);
    expect(ids(index, 'landline')).toEqual([recent.id]);
    index.articleRemoved(recent.id);
    expect(ids(index, 'landline')).toEqual([]);
    expect(index.size).toBe(0);
  });

  it('ignores removing an unknown article', () => {
    const doc = makeDoc({ title: 'Bundle discount' });
    const index = new SearchIndex();
    index.build([doc]);
    index.articleRemoved(999_999);
    expect(ids(index, 'bundle')).toEqual([doc.id]);
  });

  it('stays right after more than 200 changes force a rebuild', () => {
    const docs = Array.from({ length: 210 }, (_, i) =>
      makeDoc({ title: `Batch article number ${i}`, issue: `oldword${i % 3 === 0 ? 'x' : 'y'}` }),
    );
    const index = new SearchIndex();
    index.build(docs);
    for (const d of docs) {
      index.articleChanged({
        ...d,
        issue: `newword ${d.id === docs[0]!.id ? 'uniquemarker' : ''}`,
      });
    }
    expect(index.size).toBe(210);
    expect(index.candidates('newword ', { audience: 'staff', limit: 500 }).total).toBe(210);
    expect(index.candidates('oldwordx ', ADMIN).total).toBe(0);
    expect(index.candidates('oldwordy ', ADMIN).total).toBe(0);
    expect(ids(index, 'uniquemarker')).toEqual([docs[0]!.id]);

    // and changes after the rebuild still land
    index.articleChanged({ ...docs[1]!, issue: 'afterrebuild' });
    expect(ids(index, 'afterrebuild')).toEqual([docs[1]!.id]);
    expect(index.candidates('newword ', { audience: 'staff', limit: 500 }).total).toBe(209);
    index.articleRemoved(docs[2]!.id);
    expect(index.candidates('newword ', { audience: 'staff', limit: 500 }).total).toBe(208);
  });
});

describe('SearchIndex: presenting hits', () => {
  it('marks matched words in the snippet and title', () => {
    const doc = makeDoc({
      title: 'Router keeps rebooting',
      issue: 'After an update the router keeps rebooting.',
    });
    const index = new SearchIndex();
    index.build([doc]);
    const hit = search(index, 'router', AGENT).hits[0]!;
    expect(hit.snippet).toContain('<mark>router</mark>');
    expect(hit.titleHtml).toBe('<mark>Router</mark> keeps rebooting');
    expect(hit).toMatchObject({
      id: doc.id,
      slug: doc.slug,
      department: 'network',
      departmentName: 'Network Engineering',
    });
  });

  it('escapes HTML from the article text in snippets and titles', () => {
    const doc = makeDoc({
      title: 'Dongle <script>alert(1)</script> issue',
      issue: 'The dongle shows <b>bold</b> text & "quotes".',
    });
    const index = new SearchIndex();
    index.build([doc]);
    const hit = search(index, 'dongle', AGENT).hits[0]!;
    expect(hit.snippet).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(hit.snippet).not.toContain('<b>');
    expect(hit.snippet).toContain('<mark>dongle</mark>');
    expect(hit.titleHtml).not.toContain('<script>');
    expect(hit.titleHtml).toContain('&lt;script&gt;');
    expect(hit.title).toBe(doc.title);
  });

  it.each([
    ['validated, past verify-by date', 'validated', '2024-01-01', true],
    ['validated, verify-by date today', 'validated', '2024-06-01', false],
    ['validated, future verify-by date', 'validated', '2025-01-01', false],
    ['validated, no verify-by date', 'validated', null, false],
    ['not validated, past verify-by date', 'not_validated', '2024-01-01', false],
  ] as const)('stale flag: %s → %s', (_label, confidence, verifyBy, stale) => {
    const doc = makeDoc({ title: 'Stalecheck article', confidence, verifyBy });
    const index = new SearchIndex();
    index.build([doc]);
    const hit = search(index, 'stalecheck', { audience: 'agents', today: '2024-06-01' }).hits[0];
    expect(hit?.stale).toBe(stale);
  });
});

describe('SearchIndex: hostile queries', () => {
  const words = [
    'router',
    'modem',
    'blinking',
    'firmware',
    'voicemail',
    'roaming',
    'decoder',
    'fibre',
    'signal',
    'reset',
  ];
  const bigDocs = Array.from({ length: 300 }, (_, i) =>
    makeDoc({
      title: `${words[i % 10]} ${words[(i * 7) % 10]} guide ${i}`,
      issue: `abcdefghijkl${i} ${words[(i * 3) % 10]} title:foo foo 0x${(0x80070000 + i).toString(16)}`,
      errorCodes: [`E-${1000 + i}`, `HTTP ${400 + (i % 100)}`],
      tags: [`tag${i % 17}`],
    }),
  );
  const index = new SearchIndex();
  beforeAll(() => index.build(bigDocs));

  it.each(HOSTILE_QUERIES)('%s: returns quickly without throwing', (_label, query) => {
    const started = performance.now();
    const result = search(index, query, ADMIN);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.hits.length).toBeLessThanOrEqual(20);
    expect(result.total).toBeGreaterThanOrEqual(result.hits.length);
  });

  it('still finds the right article in the big index', () => {
    expect(ids(index, 'E-1042')[0]).toBe(bigDocs[42]!.id);
    expect(ids(index, '0x8007002a')).toEqual([bigDocs[42]!.id]);
  });
});
