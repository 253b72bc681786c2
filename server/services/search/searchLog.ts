import type { Database } from '../../db/connection';
import {
  insertSearchEvent,
  updateSearchEvent,
  type SearchEventData,
} from '../../stores/searchEvents';
import { continuesBurst } from '../../domain/searchBursts';

interface Burst {
  id: number;
  contactId: number | null;
  query: string;
  at: number;
}

/**
 * Stores every search, folding as-you-type bursts into one event: the first keystroke's
 * search inserts a row, the following ones of the same burst update it. Each user's searches
 * are written in order (one promise chain per user), so a burst never splits in two rows
 * because two keystrokes' requests overlapped.
 */
export class SearchLog {
  private readonly last = new Map<number, Burst>();
  private readonly chains = new Map<number, Promise<unknown>>();

  constructor(private readonly db: Database) {}

  record(event: SearchEventData): Promise<void> {
    const previous = this.chains.get(event.userId) ?? Promise.resolve();
    const next = previous.then(() => this.write(event));
    const settled = next.catch(() => undefined);
    this.chains.set(event.userId, settled);
    void settled.then(() => {
      if (this.chains.get(event.userId) === settled) this.chains.delete(event.userId);
    });
    return next;
  }

  private async write(event: SearchEventData): Promise<void> {
    const at = Date.parse(event.at);
    const last = this.last.get(event.userId);
    const burst = { query: event.normalizedQuery, at };
    if (last && last.contactId === event.contactId && continuesBurst(last, burst)) {
      await updateSearchEvent(this.db, last.id, event);
      this.last.set(event.userId, { ...last, ...burst });
      return;
    }
    const id = await insertSearchEvent(this.db, event);
    this.last.set(event.userId, { id, contactId: event.contactId, ...burst });
  }
}
