// The outbox's pure part: contact actions kept in the browser until the server takes them.
// One first-in, first-out list (so the order per contact is kept), its stored form, and the
// retry delays. No I/O here: outboxStore.ts persists and sends.
import type { CloseContact } from '../../../server/contract/types';

export type OutboxAction =
  | { kind: 'close'; contactId: number; body: CloseContact }
  | { kind: 'tried'; contactId: number; articleId: number }
  | { kind: 'opened'; contactId: number; articleId: number }
  | { kind: 'undo'; contactId: number };

export interface OutboxItem {
  /** The Idempotency-Key, sent with every attempt. */
  key: string;
  action: OutboxAction;
  /** What the agent did, in words ("Solved with …"), for the indicator and errors. */
  label: string;
  /** Attempts that got no answer from the server. */
  attempts: number;
}

export function enqueue(items: readonly OutboxItem[], item: OutboxItem): OutboxItem[] {
  return [...items, item];
}

export function withoutItem(items: readonly OutboxItem[], key: string): OutboxItem[] {
  return items.filter((i) => i.key !== key);
}

/** One more attempt that got no answer. */
export function failedOnce(items: readonly OutboxItem[], key: string): OutboxItem[] {
  return items.map((i) => (i.key === key ? { ...i, attempts: i.attempts + 1 } : i));
}

/** The items waiting for one contact, oldest first. */
export function pendingFor(items: readonly OutboxItem[], contactId: number): OutboxItem[] {
  return items.filter((i) => i.action.contactId === contactId);
}

/** A contact whose close waits here is closed as far as the console is concerned. */
export function closedHere(items: readonly OutboxItem[], contactId: number): boolean {
  let closed = false;
  for (const i of pendingFor(items, contactId)) {
    if (i.action.kind === 'close') closed = true;
    if (i.action.kind === 'undo') closed = false;
  }
  return closed;
}

export interface Backoff {
  baseMs: number;
  capMs: number;
}

export const BACKOFF: Backoff = { baseMs: 1000, capMs: 30_000 };

/** Exponential: base, 2·base, 4·base … never more than the cap. */
export function retryDelay(failures: number, b: Backoff = BACKOFF): number {
  const n = Math.max(0, failures - 1);
  return Math.min(b.capMs, b.baseMs * 2 ** Math.min(n, 30));
}

const KINDS = new Set(['close', 'tried', 'opened', 'undo']);

function isItem(v: unknown): v is OutboxItem {
  if (typeof v !== 'object' || v === null) return false;
  const i = v as Partial<OutboxItem>;
  const a = i.action as Partial<Record<string, unknown>> | undefined;
  return (
    typeof i.key === 'string' &&
    i.key.length >= 1 &&
    i.key.length <= 128 &&
    typeof i.label === 'string' &&
    typeof i.attempts === 'number' &&
    typeof a === 'object' &&
    a !== null &&
    KINDS.has(a.kind as string) &&
    typeof a.contactId === 'number' &&
    (a.kind === 'close' ? typeof a.body === 'object' && a.body !== null : true) &&
    (a.kind === 'tried' || a.kind === 'opened' ? typeof a.articleId === 'number' : true)
  );
}

/** What localStorage held: junk or another version's shape is dropped, never thrown. */
export function parseStored(raw: string | null): OutboxItem[] {
  if (!raw) return [];
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v.filter(isItem) : [];
  } catch {
    return [];
  }
}

export function storageKey(userId: number): string {
  return `firstcall.outbox.v1.${userId}`;
}
