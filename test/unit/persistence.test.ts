import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SearchIndex } from '../../server/search/searchIndex';
import { makeDocs } from '../helpers/docs';

const queries = [
  'router blinking',
  'password reset',
  'E-1010',
  'invoice refund',
  'rout',
  'passwrd',
  'voicemail stream',
];
const top = (index: SearchIndex, q: string) =>
  index
    .candidates(q, { audience: 'staff', limit: 10 })
    .top.map((c) => [c.doc.id, Math.round(c.score * 1000) / 1000]);
const recentCount = (index: SearchIndex) =>
  (index as unknown as { recent: unknown[] }).recent.length;

describe('persisted index', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstcall-index-'));
    file = path.join(dir, 'db.search');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const versioned = (n: number) => makeDocs(n).map((d) => ({ ...d, version: 1 }));

  it('is saved, then reused at the next start: only changed articles are indexed again', async () => {
    const docs = versioned(300);
    const first = new SearchIndex({ persistPath: file });
    first.load(docs);
    await first.whenIdle();
    expect(fs.existsSync(file)).toBe(true);

    // meanwhile: one article edited, one deleted, one added
    const edited = { ...docs[10]!, title: 'voicemail stream outage everywhere', version: 2 };
    const added = { ...makeDocs(1, 5)[0]!, id: 999, title: 'router blinking purple', version: 1 };
    const final = [...docs.slice(0, 10), edited, ...docs.slice(11, 299), added];

    const second = new SearchIndex({ persistPath: file });
    second.load(final);
    expect(recentCount(second)).toBe(2);
    const fresh = new SearchIndex();
    fresh.build(final);
    for (const q of queries) expect(top(second, q)).toEqual(top(fresh, q));
    expect(second.size).toBe(fresh.size);
  });

  it('ignores an unreadable file and rebuilds', async () => {
    fs.writeFileSync(file, 'not an index');
    const docs = versioned(50);
    const index = new SearchIndex({ persistPath: file });
    index.load(docs);
    const fresh = new SearchIndex();
    fresh.build(docs);
    for (const q of queries) expect(top(index, q)).toEqual(top(fresh, q));
    await index.whenIdle();
    expect(fs.readFileSync(file).subarray(0, 12).toString()).not.toBe('not an index');
  });
});
