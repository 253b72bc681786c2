// The outbox's I/O: contact actions written to localStorage before they are sent (so a reload or
// a lost connection never loses one), sent oldest first with their own Idempotency-Key, retried
// with exponential backoff when the server can't be reached, at once on the browser's `online`
// event, when any other request gets an answer again, or after signing in again (401).
import { ApiError, api, isUnreachable } from '../api';
import type { Contact } from '../../../server/contract/types';
import { newIdempotencyKey } from '../idempotency';
import { onServerBack } from '../reachability';
import {
  enqueue,
  failedOnce,
  parseStored,
  retryDelay,
  storageKey,
  withoutItem,
  type OutboxAction,
  type OutboxItem,
} from './outbox';

/** The first attempt's result: sent (with the server's contact) or kept here for later. */
export type Delivery = { sent: true; contact: Contact } | { sent: false };

export interface OutboxEvents {
  /** An item kept here earlier reached the server. */
  delivered: (item: OutboxItem, contact: Contact) => void;
  /** The server refused an item kept here earlier (4xx): it is dropped. */
  rejected: (item: OutboxItem, err: unknown) => void;
}

function send(item: OutboxItem): Promise<Contact> {
  const a = item.action;
  switch (a.kind) {
    case 'close':
      return api.closeContact(a.contactId, a.body, item.key);
    case 'tried':
      return api.markTried(a.contactId, a.articleId, item.key);
    case 'opened':
      return api.markOpened(a.contactId, a.articleId, item.key);
    case 'undo':
      return api.undoContact(a.contactId, item.key);
  }
}

const isSessionGone = (err: unknown) => err instanceof ApiError && err.status === 401;

export class Outbox {
  private list: OutboxItem[];
  private inFlight: string | null = null;
  private running = false;
  private timer: number | undefined;
  private readonly waiters = new Map<string, (d: Delivery | { error: unknown }) => void>();
  private readonly listeners = new Set<() => void>();
  private readonly handlers = new Set<OutboxEvents>();

  constructor(private readonly userId: number) {
    this.list = parseStored(localStorage.getItem(storageKey(userId)));
    onServerBack(() => this.flushSoon());
    window.addEventListener('online', () => this.flushSoon());
    // another tab changed the list (its own sends): pick up what it left
    window.addEventListener('storage', (e) => {
      if (e.key !== storageKey(userId) || this.running) return;
      this.list = parseStored(e.newValue);
      this.changed();
    });
    if (this.list.length) this.flushSoon();
  }

  get items(): readonly OutboxItem[] {
    return this.list;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  on(handler: OutboxEvents): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  /**
   * Keep the action, then send it (behind any older ones). Resolves once its first attempt is
   * over: sent, or kept here (no answer, or the session ended); rejects with the server's error
   * when it refuses the action (the item is dropped).
   */
  submit(action: OutboxAction, label: string): Promise<Delivery> {
    return this.submitKeyed(action, label).delivery;
  }

  /** As submit, also returning the item's key (for cancel). */
  submitKeyed(action: OutboxAction, label: string): { key: string; delivery: Promise<Delivery> } {
    const item: OutboxItem = { key: newIdempotencyKey(), action, label, attempts: 0 };
    this.save(enqueue(this.list, item));
    const result = new Promise<Delivery>((resolve, reject) => {
      this.waiters.set(item.key, (d) => ('error' in d ? reject(d.error) : resolve(d)));
    });
    void this.flush();
    return { key: item.key, delivery: result };
  }

  /** Take an action back before it was sent: true when it was still here (and not in flight). */
  cancel(key: string): boolean {
    if (this.inFlight === key || !this.list.some((i) => i.key === key)) return false;
    this.save(withoutItem(this.list, key));
    return true;
  }

  has(key: string): boolean {
    return this.list.some((i) => i.key === key);
  }

  private flushSoon(): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.flush(), 0);
  }

  private async flush(): Promise<void> {
    if (this.running) return;
    this.running = true;
    window.clearTimeout(this.timer);
    try {
      for (let item = this.list[0]; item; item = this.list[0]) {
        this.inFlight = item.key;
        let contact: Contact;
        try {
          contact = await send(item);
        } catch (err) {
          if (isUnreachable(err) || isSessionGone(err)) {
            this.save(failedOnce(this.list, item.key));
            // everything behind it waits too: order per contact is kept
            for (const i of this.list) this.settle(i.key, { sent: false });
            // after a 401 the sign-in dialog brings it back (serverBack); no point asking before
            if (!isSessionGone(err)) {
              const failures = this.list[0]?.attempts ?? 1;
              this.timer = window.setTimeout(() => void this.flush(), retryDelay(failures));
            }
            return;
          }
          this.save(withoutItem(this.list, item.key));
          if (!this.settle(item.key, { error: err })) {
            for (const h of this.handlers) h.rejected(item, err);
          }
          continue;
        } finally {
          this.inFlight = null;
        }
        const wasKept = item.attempts > 0 || !this.waiters.has(item.key);
        this.save(withoutItem(this.list, item.key));
        if (!this.settle(item.key, { sent: true, contact }) || wasKept) {
          for (const h of this.handlers) h.delivered(item, contact);
        }
      }
    } finally {
      this.running = false;
    }
  }

  /** Answer the caller still waiting for this item's first attempt; false when none was. */
  private settle(key: string, d: Delivery | { error: unknown }): boolean {
    const waiter = this.waiters.get(key);
    if (!waiter) return false;
    this.waiters.delete(key);
    waiter(d);
    return true;
  }

  private save(items: OutboxItem[]): void {
    this.list = items;
    try {
      if (items.length) localStorage.setItem(storageKey(this.userId), JSON.stringify(items));
      else localStorage.removeItem(storageKey(this.userId));
    } catch {
      /* storage full or disabled: the list still lives in this page */
    }
    this.changed();
  }

  private changed(): void {
    for (const fn of [...this.listeners]) fn();
  }
}

const outboxes = new Map<number, Outbox>();

/** The one outbox of a signed-in user in this page; it keeps sending when the console unmounts. */
export function outboxFor(userId: number): Outbox {
  let o = outboxes.get(userId);
  if (!o) outboxes.set(userId, (o = new Outbox(userId)));
  return o;
}
