import { SearchIndex } from '../../server/search/searchIndex';
import type { Readership } from '../../server/domain/visibility';
import { findable, makeDocs, random } from '../helpers/docs';

const queries = [
  'router blinking orange',
  'password reset',
  'E-1010',
  'invoice refund charge',
  'fibre',
  'wifi signal drop',
  'rout',
  'passwrd',
  'my modem keeps failing after the firmware update',
  'sim port',
  'direct debit mandate',
  'voicemail',
  'stream buffering outage',
  'cable light green',
  'E-10',
];

const ids = (index: SearchIndex, q: string, audience: Readership = 'staff') =>
  index
    .candidates(q, { audience, limit: 10 })
    .top.map((c) => [c.doc.id, Math.round(c.score * 1000) / 1000]);

describe('segments', () => {
  it('rank exactly as one index built from the final documents', () => {
    const docs = makeDocs(500);
    const live = new SearchIndex();
    live.build(docs.slice(0, 300));
    const r = random(3);
    const final = new Map(docs.slice(0, 300).map((d) => [d.id, d]));
    // adds, edits and removals land in small segments on top of the base
    for (const d of docs.slice(300)) {
      live.articleChanged(d);
      final.set(d.id, d);
    }
    for (let i = 0; i < 80; i++) {
      const victim = docs[Math.floor(r() * 300)]!;
      const edited = {
        ...victim,
        title: `${victim.title} voicemail`,
        issue: `${victim.issue} router`,
      };
      live.articleChanged(edited);
      final.set(edited.id, edited);
    }
    for (let i = 0; i < 20; i++) {
      const id = 1 + Math.floor(r() * 300);
      live.articleRemoved(id);
      final.delete(id);
    }
    const fresh = new SearchIndex();
    fresh.build(final.values());
    expect(live.size).toBe(fresh.size);
    for (const q of queries) {
      expect(ids(live, q)).toEqual(ids(fresh, q));
      expect(ids(live, q, 'agents')).toEqual(ids(fresh, q, 'agents'));
    }
  });

  it('folds small segments into the base in a worker, with changes during the fold kept', async () => {
    const docs = makeDocs(600);
    const index = new SearchIndex({
      onError: (err) => {
        throw err;
      },
    });
    index.build(docs.slice(0, 100));
    const final = new Map(docs.slice(0, 100).map((d) => [d.id, d]));
    for (const d of docs.slice(100)) {
      index.articleChanged(d); // the 257th change starts a fold in a worker
      final.set(d.id, d);
    }
    const recent = () => (index as unknown as { recent: unknown[] }).recent.length;
    const before = recent();
    await index.whenIdle();
    expect(recent()).toBeLessThan(before);
    const fresh = new SearchIndex();
    fresh.build(final.values());
    for (const q of queries) expect(ids(index, q)).toEqual(ids(fresh, q));
  });

  it('finds a published article at once and forgets removed ones, across a fold', async () => {
    const index = new SearchIndex();
    index.build(makeDocs(50));
    const extra = makeDocs(400, 11).map((d, i) =>
      findable({
        ...d,
        id: 1000 + i,
        confidence: 'validated' as const,
        audience: 'agents' as const,
      }),
    );
    for (const d of extra) {
      index.articleChanged({ ...d, title: `${d.title} zanzibar${d.id}` });
      expect(index.candidates(`zanzibar${d.id}`, { audience: 'agents' }).top[0]?.doc.id).toBe(d.id);
    }
    index.articleRemoved(1005);
    expect(index.candidates('zanzibar1005', { audience: 'agents' }).total).toBe(0);
    expect(index.candidates('zanzibar1006', { audience: 'agents' }).top[0]?.doc.id).toBe(1006);
    await index.whenIdle();
    expect(index.candidates('zanzibar1005', { audience: 'agents' }).total).toBe(0);
    expect(index.candidates('zanzibar1399', { audience: 'agents' }).top[0]?.doc.id).toBe(1399);
  });
});
