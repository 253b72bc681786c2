import {
  BACKOFF,
  closedHere,
  enqueue,
  failedOnce,
  parseStored,
  pendingFor,
  retryDelay,
  storageKey,
  withoutItem,
  type OutboxItem,
} from '../../../client/src/search/outbox';

const close = (key: string, contactId: number): OutboxItem => ({
  key,
  action: { kind: 'close', contactId, body: { outcome: 'solved' } },
  label: 'Solved',
  attempts: 0,
});
const tried = (key: string, contactId: number, articleId = 7): OutboxItem => ({
  key,
  action: { kind: 'tried', contactId, articleId },
  label: 'Tried',
  attempts: 0,
});
const undo = (key: string, contactId: number): OutboxItem => ({
  key,
  action: { kind: 'undo', contactId },
  label: 'Undo',
  attempts: 0,
});

describe('outbox (contact actions kept in the browser)', () => {
  it('keeps the order they were given, per contact too', () => {
    let items = enqueue([], tried('a', 1));
    items = enqueue(items, close('b', 2));
    items = enqueue(items, close('c', 1));
    expect(items.map((i) => i.key)).toEqual(['a', 'b', 'c']);
    expect(pendingFor(items, 1).map((i) => i.key)).toEqual(['a', 'c']);
  });

  it('removes only the item sent, and counts failed attempts on its own item', () => {
    const items = [tried('a', 1), close('b', 1)];
    expect(withoutItem(items, 'a').map((i) => i.key)).toEqual(['b']);
    const failed = failedOnce(failedOnce(items, 'a'), 'a');
    expect(failed.map((i) => i.attempts)).toEqual([2, 0]);
    expect(items[0]!.attempts).toBe(0); // pure: the input is untouched
  });

  it('a contact whose close waits here counts as closed, unless an undo follows it', () => {
    expect(closedHere([tried('a', 1)], 1)).toBe(false);
    expect(closedHere([close('a', 1)], 1)).toBe(true);
    expect(closedHere([close('a', 1)], 2)).toBe(false);
    expect(closedHere([close('a', 1), undo('b', 1)], 1)).toBe(false);
  });

  it('backs off exponentially up to the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 100].map((n) => retryDelay(n));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    expect(retryDelay(0)).toBe(BACKOFF.baseMs);
    expect(retryDelay(3, { baseMs: 10, capMs: 25 })).toBe(25);
  });

  it('reads back what it stored, and drops junk without throwing', () => {
    const items = [close('a', 1), tried('b', 1), undo('c', 3)];
    expect(parseStored(JSON.stringify(items))).toEqual(items);
    expect(parseStored(null)).toEqual([]);
    expect(parseStored('{not json')).toEqual([]);
    expect(parseStored('{"key":"a"}')).toEqual([]);
    const bad = [
      { ...close('x', 1), key: '' },
      { ...close('y', 1), action: { kind: 'delete', contactId: 1 } },
      { ...tried('z', 1), action: { kind: 'tried', contactId: 1 } },
      { ...close('w', 1), action: { kind: 'close', contactId: '1', body: {} } },
    ];
    expect(parseStored(JSON.stringify([...bad, items[0]]))).toEqual([items[0]]);
  });

  it('keeps each user’s list apart', () => {
    expect(storageKey(1)).not.toBe(storageKey(2));
  });
});
