import type { Database } from '../../db/connection';
import {
  agentEventsAfter,
  contactEventsAfter,
  latestContactEventId,
  type ContactEventRow,
} from '../../stores/contactEvents';

/** A reconnecting console is told what it missed in this long, not more (stale pops help nobody). */
const REPLAY_MS = 10 * 60_000;
/** How often the hub looks for events written by other app nodes. */
const POLL_MS = 500;

type Listener = (e: ContactEventRow) => void;

/**
 * Fans contact events out to the consoles listening on this node. Events live in the database
 * (contact_events), so the hub reads them from there: one query per tick for all listeners,
 * whichever node wrote them; a write on this node pokes it to read at once. It polls only while
 * someone listens.
 */
export class ContactEventHub {
  private readonly listeners = new Map<number, Set<Listener>>();
  private lastId: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private reading: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly onError: (err: unknown) => void,
  ) {}

  /**
   * Listens for one agent's events; first replays those after `lastEventId` (from the
   * browser's Last-Event-ID). Returns the function that stops listening.
   */
  async subscribe(agentId: number, lastEventId: number | null, listener: Listener) {
    if (this.lastId === null) this.lastId = await latestContactEventId(this.db.reads);
    if (lastEventId !== null) {
      const since = new Date(Date.now() - REPLAY_MS).toISOString();
      for (const e of await agentEventsAfter(this.db.reads, agentId, lastEventId, since))
        if (e.id <= this.lastId) listener(e);
    }
    let set = this.listeners.get(agentId);
    if (!set) this.listeners.set(agentId, (set = new Set()));
    set.add(listener);
    this.timer ??= setInterval(() => this.poke(), POLL_MS).unref();
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(agentId);
      if (this.listeners.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    };
  }

  /** Reads new events now (after a write on this node); overlapping calls share one read. */
  poke(): Promise<void> {
    if (this.listeners.size === 0 && this.lastId !== null) {
      this.lastId = null; // nobody listens: the next subscriber starts from the newest
      return Promise.resolve();
    }
    this.reading ??= this.read()
      .catch(this.onError)
      .finally(() => (this.reading = null));
    return this.reading;
  }

  private async read() {
    if (this.lastId === null) return;
    for (;;) {
      const events = await contactEventsAfter(this.db.reads, this.lastId, 500);
      for (const e of events) {
        this.lastId = e.id;
        for (const listener of this.listeners.get(e.agentId) ?? []) listener(e);
      }
      if (events.length < 500) return;
    }
  }
}
