import { useEffect, useRef, useState } from 'preact/hooks';
import { api, isAbort, isUnreachable } from '../api';
import type { Contact, NewContact } from '../../../server/contract/types';
import { newIdempotencyKey } from '../idempotency';

export interface ContactApi {
  /** False for roles that don't log contacts (managers): searches then carry no contact. */
  enabled: boolean;
  contact: Contact | null;
  /**
   * The open contact's id, starting one (channel phone) when there is none and searches start
   * contacts for this user. Waits for the resume on load first, so a search typed at once never
   * opens a duplicate.
   */
  ensure: () => Promise<number | undefined>;
  /** An explicit "new contact"; throws the ApiError (e.g. a bad customer reference). */
  start: (body: NewContact) => Promise<Contact>;
  /** Store a newer copy returned by the server (tried, opened, …); a closed one clears. */
  update: (contact: Contact) => void;
  /** Work on another of the agent's open contacts (from the open contacts list). */
  resume: (contact: Contact) => void;
  /** Re-read the contact a little later (search counts are recorded server-side). */
  refreshSoon: () => void;
  clear: () => void;
  /** Make this (reopened) contact the current one again, whatever is current now (Undo). */
  reopen: (contact: Contact) => void;
}

/**
 * Create a contact with an Idempotency-Key; a network failure is retried once with the same key,
 * so a lost answer never opens two contacts.
 */
async function createContact(body: NewContact): Promise<Contact> {
  const key = newIdempotencyKey();
  try {
    return await api.createContact(body, key);
  } catch (err) {
    if (!isUnreachable(err)) throw err;
    await new Promise((r) => window.setTimeout(r, 1000));
    return api.createContact(body, key);
  }
}

/**
 * The server logs a search before it answers, so the contact read right after is exact; the
 * short wait only folds a burst of as-you-type answers into one read (the counter in the bar
 * is right a moment after the results, not a second later).
 */
const REFRESH_MS = 150;

/**
 * The agent's current open contact: resumed on load, started on demand (`startOnSearch`: by
 * the first search; otherwise only by N), cleared on close.
 */
export function useContact(
  enabled: boolean,
  startOnSearch: boolean,
  onError: (err: unknown) => void,
  /** Its close waits in the outbox: not resumed as the open contact after a reload. */
  closedHere: (id: number) => boolean = () => false,
): ContactApi {
  const [contact, setContact] = useState<Contact | null>(null);
  const current = useRef<Contact | null>(null);
  const resumed = useRef<Promise<void>>(Promise.resolve());
  const creating = useRef<Promise<Contact> | null>(null);
  const refreshTimer = useRef<number | undefined>(undefined);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const closedHereRef = useRef(closedHere);
  closedHereRef.current = closedHere;

  const set = (c: Contact | null) => {
    const next = c && !c.closedAt ? c : null;
    current.current = next;
    setContact(next);
  };

  useEffect(() => {
    if (!enabled) return;
    const ctrl = new AbortController();
    resumed.current = api.contacts('open', 5, ctrl.signal).then(
      (list) => {
        if (!current.current) set(list.find((c) => !closedHereRef.current(c.id)) ?? null);
      },
      (err: unknown) => {
        if (!isAbort(err)) onErrorRef.current(err);
      },
    );
    return () => {
      ctrl.abort();
      window.clearTimeout(refreshTimer.current);
    };
  }, [enabled]);

  return {
    enabled,
    contact,
    async ensure() {
      if (!enabled) return undefined;
      await resumed.current;
      if (current.current) return current.current.id;
      if (!startOnSearch) return undefined; // a look-up, not a customer contact
      creating.current ??= createContact({ channel: 'phone' })
        .then((c) => {
          set(c);
          return c;
        })
        .finally(() => (creating.current = null));
      return (await creating.current).id;
    },
    async start(body) {
      const c = await createContact(body);
      set(c);
      return c;
    },
    resume(c) {
      window.clearTimeout(refreshTimer.current);
      set(c);
    },
    update(c) {
      if (!current.current || current.current.id === c.id) set(c);
    },
    refreshSoon() {
      window.clearTimeout(refreshTimer.current);
      const id = current.current?.id;
      if (id === undefined) return;
      refreshTimer.current = window.setTimeout(() => {
        api.contact(id).then(
          (c) => {
            if (current.current?.id === c.id) set(c);
          },
          () => {
            /* only the counters are stale; the next action reports real problems */
          },
        );
      }, REFRESH_MS);
    },
    clear() {
      window.clearTimeout(refreshTimer.current);
      set(null);
    },
    reopen(c) {
      window.clearTimeout(refreshTimer.current);
      set(c);
    },
  };
}
